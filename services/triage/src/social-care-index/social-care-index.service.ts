import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ChildDetails, SocialCareIndexResult, SocialCareStatus } from '@mash/contracts';
import { Clock, CLOCK, DomainError, ValidationFailedError } from '@mash/platform';
import type { ImportResultResponse } from './dto/import-result.response';
import { upsertSocialCareRecords } from './social-care-index-import';
import { parseSocialCareIndex } from './social-care-index-ndjson';

interface IndexRow {
  record_id: string;
  status: SocialCareStatus;
  allocated_worker: string | null;
  team: string | null;
  closed_at: Date | null;
}

@Injectable()
export class SocialCareIndexService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** All or nothing: any bad line is a 400 naming every bad line, and nothing is stored. */
  async import(ndjson: unknown): Promise<ImportResultResponse> {
    if (typeof ndjson !== 'string') {
      throw new DomainError(
        'unsupported-media-type',
        'send the index as application/x-ndjson, one child a line',
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    }
    const { records, violations } = parseSocialCareIndex(ndjson);
    if (violations.length)
      throw new ValidationFailedError(violations, 'the import has invalid lines; nothing was stored');
    const importedAt = this.clock.now();
    const imported = await this.dataSource.transaction((manager) =>
      upsertSocialCareRecords(manager, records, importedAt),
    );
    return { imported };
  }

  /**
   * What the index knows about one child of a contact: an exact match on given name, family name
   * (both case-insensitive) and date of birth. An unborn child has no record to find. Where a child
   * has several records, the open one is the one that matters, then the most recently closed.
   */
  async lookUp(
    manager: EntityManager,
    child: ChildDetails,
    childIndex: number,
  ): Promise<SocialCareIndexResult> {
    if (child.unborn || !child.dateOfBirth) return { childIndex, known: false };
    const rows: IndexRow[] = await manager.query(
      `SELECT record_id, status, allocated_worker, team, closed_at
         FROM social_care_index
        WHERE family_name_key = lower(btrim($1)) AND given_name_key = lower(btrim($2)) AND date_of_birth = $3::date
        ORDER BY CASE status WHEN 'open' THEN 0 WHEN 'early-help-open' THEN 1 ELSE 2 END,
                 closed_at DESC NULLS LAST, record_id
        LIMIT 1`,
      [child.familyName, child.givenName, child.dateOfBirth],
    );
    const row = rows[0];
    if (!row) return { childIndex, known: false };
    return {
      childIndex,
      known: true,
      recordId: row.record_id,
      status: row.status,
      allocatedWorker: row.allocated_worker,
      team: row.team,
      closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
    };
  }
}
