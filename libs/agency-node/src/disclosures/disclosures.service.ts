import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { DisclosureEntry } from './disclosure-entry';
import { Disclosure } from './disclosure.entity';
import type { DisclosureResponse } from './dto/disclosure.response';
import type { ListDisclosuresQuery } from './dto/list-disclosures.query';

@Injectable()
export class DisclosuresService {
  constructor(private readonly dataSource: DataSource) {}

  /** Written in the same transaction as the response it records. */
  async record(manager: EntityManager, entry: DisclosureEntry): Promise<void> {
    await manager.insert(Disclosure, { id: randomUUID(), ...entry });
  }

  async list(query: ListDisclosuresQuery): Promise<DisclosureResponse[]> {
    const builder = this.dataSource
      .getRepository(Disclosure)
      .createQueryBuilder('disclosure')
      .orderBy('disclosure.disclosedAt', 'DESC')
      .addOrderBy('disclosure.id', 'ASC')
      .take(query.limit ?? 200);
    if (query.checkId) builder.andWhere('disclosure.checkId = :checkId', { checkId: query.checkId });
    // Containment, so the GIN index on record_ids serves "what did we ever share about this person?".
    if (query.recordId)
      builder.andWhere('disclosure.record_ids @> CAST(:records AS jsonb)', {
        records: JSON.stringify([query.recordId]),
      });
    const rows = await builder.getMany();
    return rows.map((row) => ({ ...row, disclosedAt: row.disclosedAt.toISOString() }));
  }
}
