import type { ContactDetails, FieldViolation } from '@mash/contracts';

const DAY_MS = 86_400_000;
/** A pregnancy is at most about 42 weeks; a due date further out than that is a typing error. */
const LONGEST_PREGNANCY_DAYS = 300;

/**
 * Date rules that need the clock (the contract checks the dates are real): a child cannot be born in
 * the future, and an unborn child's due date must fall within a pregnancy's span of today.
 */
export function contactDateViolations(details: ContactDetails, today: Date): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  details.children.forEach((child, index) => {
    if (child.dateOfBirth && Date.parse(child.dateOfBirth) > todayUtc) {
      violations.push({
        field: `children[${index}].dateOfBirth`,
        rule: 'notInFuture',
        message: `children[${index}].dateOfBirth must not be in the future`,
      });
    }
    if (child.unborn && child.expectedDueDate) {
      const due = Date.parse(child.expectedDueDate);
      if (due > todayUtc + LONGEST_PREGNANCY_DAYS * DAY_MS || due < todayUtc - 60 * DAY_MS) {
        violations.push({
          field: `children[${index}].expectedDueDate`,
          rule: 'plausibleDueDate',
          message: `children[${index}].expectedDueDate must be within ${LONGEST_PREGNANCY_DAYS} days of today`,
        });
      }
    }
  });
  (details.adults ?? []).forEach((adult, index) => {
    if (adult.dateOfBirth && Date.parse(adult.dateOfBirth) > todayUtc) {
      violations.push({
        field: `adults[${index}].dateOfBirth`,
        rule: 'notInFuture',
        message: `adults[${index}].dateOfBirth must not be in the future`,
      });
    }
  });
  return violations;
}
