import { ApiProperty } from '@nestjs/swagger';
import { VIEW_AUDIT_ACTIONS, type ViewAuditAction } from '../view-audit-entry.entity';

export class ViewAuditResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: "The viewer's id in the identity provider, never a name" }) actorId!: string;
  @ApiProperty({ type: [String] }) actorRoles!: string[];
  @ApiProperty({ enum: VIEW_AUDIT_ACTIONS }) action!: ViewAuditAction;
  @ApiProperty({ format: 'uuid' }) checkId!: string;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'Counts only: candidates shown, records found. Never the search text.',
  })
  detail!: Record<string, number | string> | null;
}
