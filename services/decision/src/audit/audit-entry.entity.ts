import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * DESIGN.md, Security: every view of a MASH record and every disclosure is written to an append-only
 * audit log. `detail` holds ids, codes and counts only, never what was seen.
 */
export const AUDIT_ACTIONS = [
  'view-record',
  'record-decision',
  'receive-check-response',
  /** A disclosure to an agency: decision sent it the people to search for (consent decision, added agency). */
  'request-check',
  'record-consent-decision',
  'change-rag',
  'change-agencies',
  'receive-escalation',
  /** Someone told the worker, team, LADO or caller screening said must be alerted. */
  'record-alert-sent',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditDetail = Record<string, string | number | boolean | null>;

@Entity('audit_log')
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ name: 'actor_id', type: 'text' }) actorId!: string;
  @Column({ name: 'actor_roles', type: 'text', array: true }) actorRoles!: string[];
  @Column({ type: 'text' }) action!: AuditAction;
  @Column('uuid', { name: 'contact_id' }) contactId!: string;
  @Column({ type: 'jsonb', nullable: true }) detail!: AuditDetail | null;
}
