import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MatchConfidence } from '@mash/contracts';

/**
 * A record the node found for a subject of a check. Kept apart from the response: a practitioner
 * confirms or rejects each candidate, and only confirmed ones may be shared.
 */
@Entity('check_candidates')
export class CheckCandidate {
  @PrimaryColumn({ name: 'check_id', type: 'uuid' }) checkId!: string;
  @PrimaryColumn({ name: 'subject_id', type: 'text' }) subjectId!: string;
  @PrimaryColumn({ name: 'record_id', type: 'text' }) recordId!: string;
  @Column({ type: 'text' }) confidence!: MatchConfidence;
  /** 0..1: how alike the subject and the record are (match-score). */
  @Column({
    type: 'numeric',
    precision: 5,
    scale: 4,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  score!: number;
  /** Why the score is what it is, in words a practitioner can check ("date of birth: day and month transposed"). */
  @Column({ type: 'jsonb' }) reasons!: string[];
  @Column({ type: 'text' }) review!: CandidateReview;
  @Column({ name: 'reviewed_by', type: 'text', nullable: true }) reviewedBy!: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt!: Date | null;
  /** Who proposed it: the matcher, or a practitioner who found the record by their own search. */
  @Column({ type: 'text', default: 'matcher' }) origin!: CandidateOrigin;
}

export const CANDIDATE_REVIEWS = ['pending', 'confirmed', 'rejected'] as const;
export type CandidateReview = (typeof CANDIDATE_REVIEWS)[number];

export const CANDIDATE_ORIGINS = ['matcher', 'practitioner'] as const;
export type CandidateOrigin = (typeof CANDIDATE_ORIGINS)[number];
