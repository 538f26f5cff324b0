import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, CLOCK, DomainError } from '@mash/platform';
import { AGENCY_NODE, AgencyNodeDefinition } from '../agency-node.definition';
import type { RecordsImportedResponse } from './dto/records-imported.response';
import { importAgencyRecords } from './import-agency-records';

@Injectable()
export class RecordsService {
  private readonly logger = new Logger('records');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(AGENCY_NODE) private readonly node: AgencyNodeDefinition,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async import(body: unknown): Promise<RecordsImportedResponse> {
    if (typeof body !== 'string') {
      throw new DomainError(
        'unsupported-media-type',
        'send the records as application/x-ndjson, one person a line',
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    }
    const result = await importAgencyRecords(this.dataSource, body, this.node.recordKinds, this.clock.now());
    this.logger.log(`imported ${result.imported} ${this.node.agency} records`);
    return result;
  }
}
