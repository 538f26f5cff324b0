import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { AGENCIES, STAFF_ROLES } from '@mash/contracts';

/** The development sign-in (never in production): a role, an agency where the role needs one, a name. */
export class DevelopmentSignInRequest {
  @IsIn(STAFF_ROLES) role!: string;

  @ValidateIf((request: DevelopmentSignInRequest) => request.role === 'agency-practitioner')
  @IsIn(AGENCIES)
  agency?: string;

  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;

  @IsOptional() @IsString() _csrf?: string;
}

export const DEVELOPMENT_SIGN_IN_MESSAGES = {
  role: 'Select the role you are signing in as',
  agency: 'Select the agency you work for',
  name: { default: 'Enter your name', maxLength: 'Your name must be 100 characters or fewer' },
};
