import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { REASON_MAX } from '../../rag/dto/change-rag.request';
import { CONSENT_DECISIONS, type ConsentDecisionKind } from '../consent-decision.entity';

/** `POST /contacts/{contactId}/consent` (team manager). */
export class ConsentDecisionRequest {
  @ApiProperty({
    enum: CONSENT_DECISIONS,
    description:
      'override: consent is overridden on safeguarding grounds and the checks go ahead; consent-obtained: ' +
      'consent was obtained after the contact and the checks go ahead; proceed-without-checks: no check is ' +
      'made and the contact goes to a decision maker on what is known',
  })
  @IsIn(CONSENT_DECISIONS)
  decision!: ConsentDecisionKind;

  @ApiPropertyOptional({
    maxLength: REASON_MAX,
    description:
      'Why: required for override and proceed-without-checks (Croydon 5 "decisions to overrule consent must be ' +
      'recorded"; Northamptonshire 6; Bexley 27); for consent-obtained, e.g. who gave it and how',
  })
  @ValidateIf(
    (request: ConsentDecisionRequest) => request.decision !== 'consent-obtained' || request.rationale != null,
  )
  @IsDefined({ message: 'rationale is required to override consent or to proceed without checks' })
  @IsString()
  @MaxLength(REASON_MAX)
  @Matches(/\S/, { message: 'rationale must not be blank' })
  rationale?: string;
}
