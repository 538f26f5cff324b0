import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { AGENCIES, type Agency } from '@mash/contracts';
import { REASON_MAX } from '../../rag/dto/change-rag.request';

/** `POST /contacts/{contactId}/checks` (team manager): the agencies the contact is now to be checked with. */
export class ChangeAgenciesRequest {
  @ApiProperty({
    enum: AGENCIES,
    isArray: true,
    description:
      'Every agency to check with from now: agencies not yet asked are asked, agencies left out are withdrawn',
  })
  @IsArray()
  @ArrayMaxSize(AGENCIES.length)
  @ArrayUnique()
  @IsIn(AGENCIES, { each: true })
  agencies!: Agency[];

  @ApiProperty({
    maxLength: REASON_MAX,
    description: 'Why, in the manager’s words; a withdrawn agency is told it (check.cancelled)',
  })
  @IsString()
  @MaxLength(REASON_MAX)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
