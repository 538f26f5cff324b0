import { startService } from '@mash/messaging';
import { loadConfig } from '@mash/platform';
import { AppModule } from './app.module';
import { HealthChecksConfig } from './config';

async function main() {
  const config = loadConfig(HealthChecksConfig);
  await startService({
    service: 'health-checks',
    module: AppModule.register(config),
    config,
    title: 'MASH Hub health-checks',
    description:
      "The health agency node: searches health records (GP, emergency department, maternity, health visiting, mental health, child protection flags) for the people in a MASH check and answers with health's RAG, analysis and items, each shareable or mash-only. Runs next to the health records, in the NHS network.",
  });
}

main().catch((error) => {
  process.stderr.write(
    `health-checks failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
