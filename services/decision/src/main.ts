import { startService } from '@mash/messaging';
import { loadConfig } from '@mash/platform';
import { AppModule } from './app.module';
import { DecisionConfig } from './config';

async function main() {
  const config = loadConfig(DecisionConfig);
  await startService({
    service: 'decision',
    module: AppModule.register(config),
    config,
    title: 'MASH Hub decision',
    description: 'The MASH record: screening, agency checks, the decision and its audit trail.',
  });
}

main().catch((error) => {
  process.stderr.write(
    `decision failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
