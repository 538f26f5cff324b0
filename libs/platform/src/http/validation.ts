import { ValidationError, ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors } from '@mash/contracts';
import { ValidationFailedError } from './problem-details';

/**
 * Request bodies are validated field by field; unknown fields are refused rather than dropped, so a
 * misspelt `dateofBirth` is caught instead of silently losing the child's date of birth.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) =>
      new ValidationFailedError(flattenValidationErrors(errors)),
  });
}
