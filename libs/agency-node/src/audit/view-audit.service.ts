import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, CLOCK, type Principal } from '@mash/platform';
import type { ViewAuditResponse } from './dto/view-audit.response';
import { ViewAuditAction, ViewAuditEntry } from './view-audit-entry.entity';

/** Writes view audit entries in the reader's transaction: what was read is audited, or not given. */
@Injectable()
export class ViewAuditService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async write(
    manager: EntityManager,
    entry: { viewer: Principal; action: ViewAuditAction; checkId: string; detail?: Record<string, number> },
  ): Promise<void> {
    await manager.insert(ViewAuditEntry, {
      at: this.clock.now(),
      actorId: entry.viewer.id,
      actorRoles: [...entry.viewer.roles],
      action: entry.action,
      checkId: entry.checkId,
      detail: entry.detail ?? null,
    });
  }

  async list(query: { checkId?: string; limit?: number }): Promise<ViewAuditResponse[]> {
    const builder = this.dataSource
      .getRepository(ViewAuditEntry)
      .createQueryBuilder('entry')
      .orderBy('entry.at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .take(Math.min(query.limit ?? 200, 1000));
    if (query.checkId && isUUID(query.checkId))
      builder.andWhere('entry.checkId = :checkId', { checkId: query.checkId });
    return (await builder.getMany()).map((entry) => ({
      at: entry.at.toISOString(),
      actorId: entry.actorId,
      actorRoles: entry.actorRoles,
      action: entry.action,
      checkId: entry.checkId,
      detail: entry.detail,
    }));
  }
}
