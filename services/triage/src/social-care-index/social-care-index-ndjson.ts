import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FieldViolation, flattenValidationErrors } from '@mash/contracts';
import { SocialCareIndexLine } from './dto/social-care-index-line';

/** A broken rule on one line of an import. Lines are numbered from 1, as an editor shows them. */
export interface LineViolation extends FieldViolation {
  line: number;
}

export interface ParsedSocialCareIndex {
  records: SocialCareIndexLine[];
  violations: LineViolation[];
}

/** Enough to fix a file; a million bad lines would otherwise make a million-entry answer. */
export const MAX_REPORTED_VIOLATIONS = 200;

/**
 * Parses and validates an NDJSON social care index, one child a line. Every line is checked, so one
 * answer names every bad line; the caller stores nothing unless there are no violations. Messages
 * name the line, field and rule, never a value (a value is a child's personal data).
 */
export function parseSocialCareIndex(ndjson: string): ParsedSocialCareIndex {
  const records: SocialCareIndexLine[] = [];
  const violations: LineViolation[] = [];
  const firstLineOf = new Map<string, number>();

  ndjson.split(/\r?\n/).forEach((text, index) => {
    const line = index + 1;
    if (!text.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // JSON.parse's own message quotes the text, so it is not passed on.
      violations.push({ line, field: '(line)', rule: 'isJson', message: `line ${line} is not valid JSON` });
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      violations.push({
        line,
        field: '(line)',
        rule: 'isObject',
        message: `line ${line} is not a JSON object`,
      });
      return;
    }
    const record = plainToInstance(SocialCareIndexLine, parsed);
    const errors = validateSync(record, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
    });
    if (errors.length) {
      for (const violation of flattenValidationErrors(errors)) {
        violations.push({ line, ...violation, message: `line ${line}: ${violation.message}` });
      }
      return;
    }
    const earlier = firstLineOf.get(record.recordId);
    if (earlier !== undefined) {
      violations.push({
        line,
        field: 'recordId',
        rule: 'unique',
        message: `line ${line}: recordId repeats the recordId of line ${earlier}`,
      });
      return;
    }
    firstLineOf.set(record.recordId, line);
    records.push(record);
  });

  if (!records.length && !violations.length) {
    violations.push({ line: 1, field: '(body)', rule: 'notEmpty', message: 'the import holds no records' });
  }
  return { records, violations: violations.slice(0, MAX_REPORTED_VIOLATIONS) };
}

/** `line 3 dateOfBirth (isCalendarDate)`: for logs and the command line; ids and codes only. */
export function describeViolations(violations: LineViolation[]): string {
  return violations.map((v) => `line ${v.line} ${v.field} (${v.rule})`).join(', ');
}
