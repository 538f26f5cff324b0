import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** `POST /checks/{checkId}/candidates`: a record the practitioner found themselves is this subject. */
export class AddCandidateRequest {
  @ApiProperty({ example: 'child-0', description: 'A subject of this check' })
  @IsString()
  @Matches(/^(child|adult)-\d+$/, { message: '$property must be a subject id such as child-0' })
  subjectId!: string;

  @ApiProperty({
    maxLength: 100,
    description: "A record in this agency's records (GET /checks/{checkId}/record-search)",
  })
  @IsString()
  @MaxLength(100)
  recordId!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 1_000,
    description: "Why the practitioner is sure this record is the person (kept with the candidate's reasons)",
  })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(1_000)
  reason!: string;
}
