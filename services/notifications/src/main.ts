import { startService } from '@mash/messaging';
import { loadConfig } from '@mash/platform';
import { AppModule } from './app.module';
import { NotificationsConfig } from './config';

async function main() {
  const config = loadConfig(NotificationsConfig);
  await startService({
    service: 'notifications',
    module: AppModule.register(config),
    config,
    title: 'MASH Hub notifications',
    description: 'Telling referrers and families: outcome letters (PDF) and emails.',
  });
}

main().catch((error) => {
  process.stderr.write(
    `notifications failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
