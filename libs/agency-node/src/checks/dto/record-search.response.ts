import { ApiProperty } from '@nestjs/swagger';
import {
  RECORD_SEARCH_LIMIT,
  RECORD_SEARCH_MATCHES,
  type RecordSearchMatch,
} from '../../records/record-search';
import { AgencyPersonView } from './check.response';

/** A person in this agency's records, as its own practitioner searching for them sees it. */
export class RecordSearchResultView extends AgencyPersonView {
  @ApiProperty({
    enum: RECORD_SEARCH_MATCHES,
    description: 'How the query found it: the record id exactly, an identifier, or the name by similarity',
  })
  matchedBy!: RecordSearchMatch;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'How alike the name is to the query; 1 by id' })
  similarity!: number;
  @ApiProperty({
    type: [String],
    example: ['child-0'],
    description: 'Subjects of this check the record is already a candidate for (review those instead)',
  })
  candidateFor!: string[];
}

export class RecordSearchResponse {
  @ApiProperty({
    type: [RecordSearchResultView],
    maxItems: RECORD_SEARCH_LIMIT,
    description: 'Closest first',
  })
  records!: RecordSearchResultView[];
  @ApiProperty({
    description: `More records were found than the ${RECORD_SEARCH_LIMIT} shown: search more closely`,
  })
  more!: boolean;
}
