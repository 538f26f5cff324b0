import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MatchConfidence } from '@mash/contracts';

/**
 * A record the node found for a subject of a check. Kept apart from the response, so that a later
 * practitioner review can confirm or reject candidates before anything is shared.
 */
@Entity('check_candidates')
export class CheckCandidate {
  @PrimaryColumn({ name: 'check_id', type: 'uuid' }) checkId!: string;
  @PrimaryColumn({ name: 'subject_id', type: 'text' }) subjectId!: string;
  @PrimaryColumn({ name: 'record_id', type: 'text' }) recordId!: string;
  @Column({ type: 'text' }) confidence!: MatchConfidence;
}
