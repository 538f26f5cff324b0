import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FieldViolation, flattenValidationErrors } from '@mash/contracts';

/**
 * What a person sees for each field: keyed by the field's path with indices written `[]`
 * (`children[].givenName`), either one message or one per class-validator rule (`default` for the rest).
 */
export type FieldMessages = Record<string, string | Record<string, string>>;

export interface ErrorSummaryItem {
  text: string;
  href: string;
}

/** The GOV.UK error summary's list and each field's inline message, from the same violations. */
export class FormErrors {
  readonly summary: ErrorSummaryItem[] = [];
  readonly fields: Record<string, { text: string }> = {};

  get any(): boolean {
    return this.summary.length > 0;
  }

  /** Adds an error for a field (its first error wins, as GOV.UK shows one message per field). */
  add(field: string, text: string): this {
    if (this.fields[field]) return this;
    this.fields[field] = { text };
    this.summary.push({ text, href: `#${fieldId(field)}` });
    return this;
  }

  static of(violations: FieldViolation[], messages: FieldMessages = {}): FormErrors {
    const errors = new FormErrors();
    for (const violation of violations) errors.add(violation.field, messageFor(violation, messages));
    return errors;
  }
}

export type FormValidation<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

/**
 * Validates what a form gave with the same class-validator rules as the JSON API (the same DTO, the
 * same options as the API's validation pipe), so the page and the API cannot disagree about what is valid.
 */
export async function validateForm<T extends object>(
  schema: new () => T,
  plain: object,
  messages: FieldMessages = {},
): Promise<FormValidation<T>> {
  const value = plainToInstance(schema, plain);
  const violations = flattenValidationErrors(
    await validate(value, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
    }),
  );
  if (violations.length) return { ok: false, errors: FormErrors.of(violations, messages) };
  return { ok: true, value };
}

/** The element id of a field: `children[0].givenName` → `children-0-givenName` (the error summary links to it). */
export function fieldId(field: string): string {
  return field.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-');
}

function messageFor(violation: FieldViolation, messages: FieldMessages): string {
  const key = violation.field.replace(/\[\d+\]/g, '[]');
  const entry = messages[key] ?? messages[parentKey(key)];
  if (typeof entry === 'string') return entry;
  if (entry) return entry[violation.rule] ?? entry.default ?? fallbackMessage(violation);
  return fallbackMessage(violation);
}

/** `children[].address.postcode` falls back to the messages of `children[].address`. */
function parentKey(key: string): string {
  const cut = key.lastIndexOf('.');
  return cut > 0 ? key.slice(0, cut) : key;
}

/** class-validator's own wording, with the path made readable, for a field a page gave no words for. */
function fallbackMessage(violation: FieldViolation): string {
  const words = violation.message.replace(/\[(\d+)\]/g, ' $1').replace(/[.]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
