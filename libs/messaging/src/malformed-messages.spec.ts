import fc from 'fast-check';
import { MessageTypes, validateMessage } from '@mash/contracts';
import {
  aCheckResponded,
  aContactReceived,
  aContactScreened,
  aDecisionRecorded,
} from '@mash/contracts/testing';
import { failureAction } from './errors';

/**
 * Issue 14, bad input in bulk, at the AMQP edge: whatever body arrives on a queue, the contract check
 * never throws, and a refusal names fields and rules only, never a value it was given (it becomes the
 * dead-letter reason, which operators read).
 */
const PLANTED = 'Zephyrinequux';
const planted = fc.oneof(
  fc.constant(PLANTED),
  fc.constant(`${PLANTED} 2016-03-04`),
  fc.jsonValue({ maxDepth: 2 }),
);

const valid = {
  [MessageTypes.ContactReceived]: () => aContactReceived() as unknown as Record<string, unknown>,
  [MessageTypes.ContactScreened]: () => aContactScreened() as unknown as Record<string, unknown>,
  [MessageTypes.CheckResponded]: () => aCheckResponded() as unknown as Record<string, unknown>,
  [MessageTypes.DecisionRecorded]: () => aDecisionRecorded() as unknown as Record<string, unknown>,
};
const types = Object.keys(valid) as (keyof typeof valid)[];

describe('malformed messages (fast-check)', () => {
  it('any JSON value as a body is refused or accepted without throwing, and a refusal quotes no value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.oneof(planted, fc.anything()), (type, body) => {
        const result = validateMessage(type, body);
        if (!result.ok) expect(result.reason).not.toContain(PLANTED);
      }),
      { numRuns: 2_000 },
    );
  });

  it('a valid message broken at one field is refused naming the field, never its value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.nat(), planted, (type, index, value) => {
        const body = valid[type]();
        const keys = Object.keys(body);
        const key = keys[index % keys.length];
        body[key] = value;
        const result = validateMessage(type, body);
        if (!result.ok) {
          expect(result.reason).not.toContain(PLANTED);
          expect(result.violations.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('any error a handler throws maps to retry or dead-letter with a reason that quotes nothing given', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constant(PLANTED)),
        fc.option(
          fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('57P01', '40001', '23505', 'ECONNRESET')),
        ),
        fc.constantFrom('Error', 'TypeError', 'QueryFailedError', 'QueryRunnerAlreadyReleasedError'),
        (message, code, name) => {
          const error = Object.assign(new Error(`${message} ${PLANTED}`), {
            name,
            ...(code ? { code } : {}),
          });
          const action = failureAction(error);
          expect(['retry', 'dead-letter']).toContain(action.action);
          expect(action.reason).not.toContain(PLANTED);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
