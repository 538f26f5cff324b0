import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** `POST /notifications/{id}/done`: the call was made; a short note of it. */
export class PhoneTaskDoneRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: 1_000,
    description: 'A short note of the call (who was told what)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(1_000)
  @Matches(/\S/, { message: 'note must not be blank' })
  note!: string;
}

/** `POST /notifications/{id}/not-done`: the call was not made, and why. */
export class PhoneTaskNotDoneRequest {
  @ApiProperty({ minLength: 1, maxLength: 1_000, description: 'Why the call was not made' })
  @IsString()
  @MinLength(1)
  @MaxLength(1_000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

/** `POST /notifications/{id}/sent-by-hand`: an alert sent or a letter posted by hand. */
export class SentByHandRequest {
  @ApiPropertyOptional({ maxLength: 1_000 })
  @IsOptional()
  @IsString()
  @MaxLength(1_000)
  note?: string;
}
