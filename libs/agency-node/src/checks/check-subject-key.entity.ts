import { Entity, PrimaryColumn } from 'typeorm';

/** Who a check's subject is, as lookup keys (subject-identity.ts), to find earlier checks about the same person. */
@Entity('check_subject_keys')
export class CheckSubjectKey {
  @PrimaryColumn({ name: 'check_id', type: 'uuid' }) checkId!: string;
  @PrimaryColumn({ name: 'subject_id', type: 'text' }) subjectId!: string;
  @PrimaryColumn({ type: 'text' }) key!: string;
}
