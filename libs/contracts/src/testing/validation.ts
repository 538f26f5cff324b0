import { MessageType } from '../message-types';
import { validateMessage } from '../validate-message';

/**
 * The violations validateMessage finds in a body, as `field (rule)` strings, e.g.
 * `children[0].dateOfBirth (isCalendarDate)`; empty when the body is valid.
 */
export function violationsOf(type: MessageType, body: unknown): string[] {
  const result = validateMessage(type, body);
  return result.ok ? [] : result.violations.map((violation) => `${violation.field} (${violation.rule})`);
}
