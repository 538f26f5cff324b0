import { RAG_RATINGS, RagRating } from '@mash/contracts';
import { DateTime } from 'luxon';
import { PolicyProfile } from './policy-profile';
import { ProfileProblem } from './profile-error';
import { checksDueAt, decisionDueAt } from './rag-timescales';
import { HUB_TIME_ZONE, WorkingCalendar } from './working-calendar';

/**
 * Moments of an ordinary week (Monday 6 to Sunday 12 January 2025, no bank holiday) where timescales in
 * different units diverge most: night, just before and at opening, midday, late afternoon, just before and at
 * the closes of 17:00 and 17:30, evening.
 */
const SAMPLE_TIMES = [
  '00:00',
  '08:59',
  '09:00',
  '12:00',
  '16:30',
  '16:59',
  '17:00',
  '17:29',
  '17:30',
  '20:00',
];
const SAMPLES: Date[] = Array.from({ length: 7 }, (_, day) =>
  SAMPLE_TIMES.map((time) =>
    DateTime.fromISO(`2025-01-${String(6 + day).padStart(2, '0')}T${time}`, {
      zone: HUB_TIME_ZONE,
    }).toJSDate(),
  ),
).flat();

/**
 * A profile whose numbers contradict each other: a Red that may take longer than an Amber, an Amber longer
 * than a Green, or checks due after the decision they inform. Each is almost certainly a typing mistake in a
 * hub's file, and one that would let an urgent contact wait; so it stops start-up like a wrong field.
 */
export function incoherences(profile: PolicyProfile): ProfileProblem[] {
  const calendar = new WorkingCalendar(profile);
  const problems: ProfileProblem[] = [];
  // One problem per contradiction, at the first sample moment that shows it.
  const report = (field: string, other: string, at: Date) => {
    const rule = `must not end later than ${other}`;
    if (problems.some((problem) => problem.field === field && problem.rule.startsWith(rule))) return;
    const when = DateTime.fromJSDate(at, { zone: HUB_TIME_ZONE }).toFormat('cccc HH:mm');
    problems.push({ field, rule: `${rule} (from ${when})` });
  };
  const decision = (rag: RagRating, at: Date) => decisionDueAt(profile, calendar, rag, at);
  const checks = (rag: RagRating, at: Date) => checksDueAt(profile, calendar, rag, at, at);
  for (const at of SAMPLES) {
    for (const [sooner, later] of [
      ['red', 'amber'],
      ['amber', 'green'],
    ] as const) {
      if (decision(sooner, at) > decision(later, at))
        report(`timescales.decision.${sooner}`, `timescales.decision.${later}`, at);
      const soonerChecks = checks(sooner, at);
      const laterChecks = checks(later, at);
      if (soonerChecks && laterChecks && soonerChecks > laterChecks)
        report(`timescales.checks.${sooner}`, `timescales.checks.${later}`, at);
    }
    for (const rag of RAG_RATINGS) {
      const due = checks(rag, at);
      if (due && due > decision(rag, at))
        report(`timescales.checks.${rag}`, `timescales.decision.${rag}`, at);
    }
  }
  return problems;
}
