import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const VIEW_AUDIT_ACTIONS = ['check-viewed', 'records-searched'] as const;
export type ViewAuditAction = (typeof VIEW_AUDIT_ACTIONS)[number];

/** One read of the agency's checks or records, by whom and when: ids and counts, never what was read. */
@Entity('view_audit_log')
export class ViewAuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ name: 'actor_id', type: 'text' }) actorId!: string;
  @Column({ name: 'actor_roles', type: 'text', array: true }) actorRoles!: string[];
  @Column({ type: 'text' }) action!: ViewAuditAction;
  @Column({ name: 'check_id', type: 'uuid' }) checkId!: string;
  @Column({ type: 'jsonb', nullable: true }) detail!: Record<string, number | string> | null;
}
