import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FieldViolation, flattenValidationErrors } from '@mash/contracts';
import type { AgencyRecordKinds, FactKind } from '../agency-node.definition';
import { AgencyFactLine, AgencyRecordLine } from './agency-record-line';
import { effectiveClassification, kindCodes } from './fact-classification';

/** A broken rule on one line of an import: the line number (from 1), the field and the rule. Never the value. */
export interface LineViolation extends FieldViolation {
  line: number;
}

export type ParsedAgencyRecords =
  { ok: true; records: AgencyRecordLine[] } | { ok: false; violations: LineViolation[]; truncated: boolean };

export const IMPORT_LINES_MAX = 100_000;
/** A wholly wrong file would otherwise answer with one problem per line. */
const VIOLATIONS_REPORTED_MAX = 200;

/**
 * Reads an agency's NDJSON export: one person a line, blank lines ignored. Every line is checked
 * (shape, the agency's fact kinds and roles, dates not in the future, ids unique across the file)
 * and every bad line reported, so a whole file can be fixed in one go; the caller stores nothing
 * unless all lines are good. Kinds that are always mash-only come back mash-only.
 */
export function parseAgencyRecords(
  ndjson: string,
  kinds: AgencyRecordKinds,
  today: Date,
): ParsedAgencyRecords {
  const violations: LineViolation[] = [];
  const records: AgencyRecordLine[] = [];
  const recordLines = new Map<string, number>();
  const factLines = new Map<string, number>();
  const todayIso = today.toISOString().slice(0, 10);
  const lines = ndjson.split(/\r?\n/);

  lines.forEach((text, index) => {
    const line = index + 1;
    if (!text.trim()) return;
    const report = (field: string, rule: string, message: string) =>
      violations.push({ line, field, rule, message: `line ${line}: ${message}` });

    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return report('(line)', 'isJson', 'the line is not valid JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return report('(line)', 'isObject', 'the line must be a JSON object');
    }
    const record = plainToInstance(AgencyRecordLine, value);
    const shape = flattenValidationErrors(
      validateSync(record, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }),
    );
    for (const violation of shape) report(violation.field, violation.rule, violation.message);

    if (typeof record.dateOfBirth === 'string' && record.dateOfBirth > todayIso) {
      report('dateOfBirth', 'notInFuture', 'dateOfBirth must not be in the future');
    }
    if (typeof record.recordId === 'string') {
      const earlier = recordLines.get(record.recordId);
      if (earlier) report('recordId', 'unique', `recordId repeats the one on line ${earlier}`);
      else recordLines.set(record.recordId, line);
    }
    if (Array.isArray(record.facts)) {
      record.facts.forEach((fact, factIndex) => {
        if (typeof fact !== 'object' || fact === null) return;
        const field = (name: string) => `facts[${factIndex}].${name}`;
        for (const violation of factViolations(fact, kinds, `facts[${factIndex}]`)) {
          report(violation.field, violation.rule, violation.message);
        }
        if (typeof fact.date === 'string' && fact.date > todayIso) {
          report(field('date'), 'notInFuture', `${field('date')} must not be in the future`);
        }
        if (typeof fact.factId === 'string') {
          const earlier = factLines.get(fact.factId);
          if (earlier)
            report(field('factId'), 'unique', `${field('factId')} repeats a factId on line ${earlier}`);
          else factLines.set(fact.factId, line);
        }
      });
    }
    records.push(record);
  });

  if (!violations.length && !records.length) {
    return {
      ok: false,
      truncated: false,
      violations: [{ line: 1, field: '(body)', rule: 'isNotEmpty', message: 'the body holds no records' }],
    };
  }
  if (records.length > IMPORT_LINES_MAX) {
    return {
      ok: false,
      truncated: false,
      violations: [
        {
          line: lines.length,
          field: '(body)',
          rule: 'maxLines',
          message: `import at most ${IMPORT_LINES_MAX} records at a time`,
        },
      ],
    };
  }
  if (violations.length) {
    return {
      ok: false,
      violations: violations.slice(0, VIOLATIONS_REPORTED_MAX),
      truncated: violations.length > VIOLATIONS_REPORTED_MAX,
    };
  }
  for (const record of records) {
    record.otherNames ??= [];
    for (const fact of record.facts) {
      if (!kinds.kinds[fact.kind]?.details) fact.details = {};
      fact.classification = effectiveClassification(fact, kinds);
      fact.role ??= null;
    }
  }
  return { ok: true, records };
}

const STRICT = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/**
 * A fact against the agency's own record types: a kind it records, the role that kind asks for (or
 * none), and the kind's own fields in `details`, validated by the kind's class. Fields are named
 * relative to the fact (`details.type`); messages never carry a value.
 */
function factViolations(fact: AgencyFactLine, kinds: AgencyRecordKinds, at: string): FieldViolation[] {
  if (typeof fact.kind !== 'string') return [];
  const violations: FieldViolation[] = [];
  const add = (name: string, rule: string, message: string) =>
    violations.push({ field: `${at}.${name}`, rule, message: `${at}.${name} ${message}` });
  const kind: FactKind | undefined = Object.hasOwn(kinds.kinds, fact.kind)
    ? kinds.kinds[fact.kind]
    : undefined;
  if (!kind) {
    add('kind', 'isIn', `must be one of: ${kindCodes(kinds).join(', ')}`);
    return violations;
  }
  if (kind.roles) {
    if (fact.role == null) add('role', 'isDefined', `is required for ${fact.kind}`);
    else if (typeof fact.role === 'string' && !kind.roles.includes(fact.role))
      add('role', 'isIn', `must be one of: ${kind.roles.join(', ')}`);
  } else if (fact.role != null) {
    add('role', 'isEmpty', `is not recorded for ${fact.kind}`);
  }
  if (!kind.details) {
    if (fact.details != null && Object.keys(fact.details).length)
      add('details', 'isEmpty', `are not recorded for ${fact.kind}`);
    return violations;
  }
  if (fact.details == null) {
    add('details', 'isDefined', `are required for ${fact.kind}`);
    return violations;
  }
  if (typeof fact.details !== 'object' || Array.isArray(fact.details)) return violations; // IsObject reports it
  const details = plainToInstance(kind.details, fact.details);
  const detailViolations = flattenValidationErrors(validateSync(details, STRICT), `${at}.details`);
  violations.push(...detailViolations);
  // Kept as the kind's class read them; flat values, so a shallow copy is the plain object to store.
  if (!detailViolations.length) fact.details = { ...details } as Record<string, unknown>;
  return violations;
}
