import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What a team manager may decide about a contact whose checks wait for consent:
 * - `override`: consent is overridden on safeguarding grounds (Croydon 5; Bexley 22 and 27;
 *   Northamptonshire 6: the manager records the rationale); the checks go ahead;
 * - `consent-obtained`: consent was obtained after the contact; the checks go ahead;
 * - `proceed-without-checks`: the refusal stands; no check is made and the contact goes to a decision
 *   maker on what is already known.
 */
export const CONSENT_DECISIONS = ['override', 'consent-obtained', 'proceed-without-checks'] as const;
export type ConsentDecisionKind = (typeof CONSENT_DECISIONS)[number];

/** One consent decision, as recorded (append-only: a trigger refuses UPDATE and DELETE). */
@Entity('consent_decisions')
export class ConsentDecision {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'contact_id' }) contactId!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'text' }) decision!: ConsentDecisionKind;
  @Column({ name: 'decided_by', type: 'text' }) decidedBy!: string;
  @Column({ type: 'text', nullable: true }) rationale!: string | null;
}
