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
    const rows = await this.dataSource.getRepository(Disclosure).find({
      where: query.checkId ? { checkId: query.checkId } : {},
      order: { disclosedAt: 'DESC', id: 'ASC' },
      take: query.limit ?? 200,
    });
    return rows.map((row) => ({ ...row, disclosedAt: row.disclosedAt.toISOString() }));
  }
}
