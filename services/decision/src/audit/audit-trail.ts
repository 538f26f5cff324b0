import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, CLOCK } from '@mash/platform';
import { AuditAction, AuditDetail, AuditEntry } from './audit-entry.entity';

export interface AuditActor {
  id: string;
  roles: readonly string[];
}

/** Writes audit entries in the caller's transaction: what is audited happened, and what happened is audited. */
@Injectable()
export class AuditTrail {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async write(
    manager: EntityManager,
    entry: { actor: AuditActor; action: AuditAction; contactId: string; detail?: AuditDetail },
  ): Promise<void> {
    await manager.insert(AuditEntry, {
      at: this.clock.now(),
      actorId: entry.actor.id,
      actorRoles: [...entry.actor.roles],
      action: entry.action,
      contactId: entry.contactId,
      detail: entry.detail ?? null,
    });
  }
}
