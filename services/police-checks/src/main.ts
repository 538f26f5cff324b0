import { startService } from '@mash/messaging';
import { loadConfig } from '@mash/platform';
import { AppModule } from './app.module';
import { PoliceChecksConfig } from './config';

async function main() {
  const config = loadConfig(PoliceChecksConfig);
  await startService({
    service: 'police-checks',
    module: AppModule.register(config),
    config,
    title: 'MASH Hub police-checks',
    description:
      "The police agency node: searches police records for the people in a MASH check and answers with police's RAG, " +
      'analysis and items, each shareable or mash-only. Runs next to the police records, in the police network.',
  });
}

main().catch((error) => {
  process.stderr.write(
    `police-checks failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
