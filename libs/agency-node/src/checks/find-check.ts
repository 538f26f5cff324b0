import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from '@mash/platform';
import { Check } from './check.entity';

/**
 * The check with this id, or a 404 (an id that is no UUID is named in no message: it may be anything).
 * `lock`: held for the caller's transaction, so that answers, reviews and escalations of one check
 * wait for each other.
 */
export async function findCheck(
  manager: EntityManager,
  checkId: string,
  options: { lock?: boolean } = {},
): Promise<Check> {
  const check = isUUID(checkId)
    ? await manager.findOne(Check, {
        where: { checkId },
        ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      })
    : null;
  if (!check) throw new NotFoundError(`check ${isUUID(checkId) ? checkId : ''}`.trim());
  return check;
}
