import { startService } from '@mash/messaging';
import { loadConfig } from '@mash/platform';
import { AppModule } from './app.module';
import { TriageConfig } from './config';

async function main() {
  const config = loadConfig(TriageConfig);
  await startService({
    service: 'triage',
    module: AppModule.register(config),
    config,
    title: 'MASH Hub triage',
    description: "Screening: the local authority's social care index, the initial RAG rating and the route.",
  });
}

main().catch((error) => {
  process.stderr.write(`triage failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
