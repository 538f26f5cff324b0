import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { isMessageType, MESSAGE_DEFINITIONS } from './message-types';

export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/** Flattens class-validator's tree into `children[0].dateOfBirth`-style paths. Never includes values. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldViolation[] {
  const out: FieldViolation[] = [];
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const field = parent
      ? isIndex
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      out.push({ field, rule, message: message.replace(error.property, field) });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

export type MessageValidation<T> =
  { ok: true; message: T } | { ok: false; reason: string; violations: FieldViolation[] };

/**
 * Validates a received body against the contract for its type. Unknown properties are tolerated
 * (a newer sender may add fields), but every known one must be valid.
 */
export function validateMessage<T = object>(type: unknown, body: unknown): MessageValidation<T> {
  if (!isMessageType(type)) return { ok: false, reason: `unknown message type`, violations: [] };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'body is not a JSON object', violations: [] };
  }
  const definition = MESSAGE_DEFINITIONS[type];
  const instance = plainToInstance(definition.payload, body) as T & object;
  const violations = flattenValidationErrors(validateSync(instance, { forbidUnknownValues: true }));
  if (violations.length) {
    return {
      ok: false,
      reason: `invalid ${type}: ` + violations.map((v) => `${v.field} (${v.rule})`).join(', '),
      violations,
    };
  }
  return { ok: true, message: instance };
}
