import { startService } from '@mash/messaging';
import { loadConfig } from '@mash/platform';
import { AppModule } from './app.module';
import { EducationChecksConfig } from './config';

async function main() {
  const config = loadConfig(EducationChecksConfig);
  await startService({
    service: 'education-checks',
    module: AppModule.register(config),
    config,
    title: 'MASH Hub education-checks',
    description:
      "The education agency node: searches education records (school, attendance, exclusions, SEN and EHCPs, missing education, Operation Encompass) for the people in a MASH check and answers with education's RAG, analysis and items, each shareable or mash-only. Runs next to the education records.",
  });
}

main().catch((error) => {
  process.stderr.write(
    `education-checks failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
