import { startService } from '@mash/messaging';
import { loadConfig } from '@mash/platform';
import { AppModule } from './app.module';
import { IntakeConfig } from './config';

async function main() {
  const config = loadConfig(IntakeConfig);
  await startService({
    service: 'intake',
    module: AppModule.register(config),
    config,
    title: 'MASH Hub intake',
    description: 'The front door: contacts in.',
  });
}

main().catch((error) => {
  process.stderr.write(`intake failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
