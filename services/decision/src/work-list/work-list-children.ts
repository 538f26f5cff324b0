import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ChildOnList {
  name: string;
  dateOfBirth: string | null;
  unborn: boolean;
}

/**
 * The children of the contacts on the work list, for the staff page only: the JSON work list carries no
 * people (GET /contacts), but a person at a desk picks the next record by the children in it.
 */
@Injectable()
export class WorkListChildren {
  constructor(private readonly dataSource: DataSource) {}

  async of(contactIds: string[]): Promise<Map<string, ChildOnList[]>> {
    const found = new Map<string, ChildOnList[]>();
    if (!contactIds.length) return found;
    const rows: {
      contact_id: string;
      children:
        { givenName: string; familyName: string; dateOfBirth?: string | null; unborn?: boolean }[] | null;
    }[] = await this.dataSource.query(
      `SELECT contact_id, contact->'children' AS children FROM mash_records WHERE contact_id = ANY($1::uuid[])`,
      [contactIds],
    );
    for (const row of rows) {
      found.set(
        row.contact_id,
        (row.children ?? []).map((child) => ({
          name: `${child.givenName} ${child.familyName}`,
          dateOfBirth: child.dateOfBirth ?? null,
          unborn: child.unborn === true,
        })),
      );
    }
    return found;
  }
}
