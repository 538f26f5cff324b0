import { ApiProperty } from '@nestjs/swagger';
import { RAG_RATINGS, type RagRating } from '@mash/contracts';

export class DisclosureResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) checkId!: string;
  @ApiProperty({ format: 'uuid' }) contactId!: string;
  @ApiProperty({ example: 'MASH-20261120-000042' }) reference!: string;
  @ApiProperty({ example: 'mash', description: 'Who received the information' }) sharedWith!: string;
  @ApiProperty({ description: 'Why it was shared' }) purpose!: string;
  @ApiProperty() shareableItems!: number;
  @ApiProperty() mashOnlyItems!: number;
  @ApiProperty({ type: [String], description: "The agency's record ids shared" }) recordIds!: string[];
  @ApiProperty({ description: '`automatic`, or the practitioner who answered' }) respondedBy!: string;
  @ApiProperty({ format: 'date-time' }) disclosedAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The answer this entry records' })
  responseId!: string | null;
  @ApiProperty({ description: 'A partial answer (more was still awaited)' }) partial!: boolean;
  @ApiProperty({ enum: RAG_RATINGS, nullable: true, description: "The agency's RAG in that answer" })
  rag!: RagRating | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'The answer said the agency holds nothing' })
  noTrace!: boolean | null;
}
