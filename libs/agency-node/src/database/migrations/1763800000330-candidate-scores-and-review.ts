import { MigrationInterface, QueryRunner } from 'typeorm';

/** Candidates carry their score and its reasons, and a practitioner's review (confirm or reject). */
export class CandidateScoresAndReview1763800000330 implements MigrationInterface {
  name = 'CandidateScoresAndReview1763800000330';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE check_candidates
        ADD COLUMN score numeric(5, 4) NOT NULL DEFAULT 1,
        ADD COLUMN reasons jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN review text NOT NULL DEFAULT 'pending' CHECK (review IN ('pending', 'confirmed', 'rejected')),
        ADD COLUMN reviewed_by text,
        ADD COLUMN reviewed_at timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE check_candidates
        DROP COLUMN score, DROP COLUMN reasons, DROP COLUMN review, DROP COLUMN reviewed_by, DROP COLUMN reviewed_at`);
  }
}
