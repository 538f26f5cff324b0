import type { RagRating } from '@mash/contracts';
import { PolicyProfile, Timescale } from './policy-profile';
import { WorkingCalendar } from './working-calendar';

/**
 * A Red timescale in hours counts elapsed time when the hub's Red clock runs outside working hours, and only
 * working time when it does not, whichever of `hours` or `working-hours` the profile wrote: the flag is the
 * one switch, so Red can never be counted more slowly than the profile intends by a unit typed by habit.
 */
export function redTimescale(profile: PolicyProfile, timescale: Timescale): Timescale {
  if (timescale.unit !== 'hours' && timescale.unit !== 'working-hours') return timescale;
  return {
    amount: timescale.amount,
    unit: profile.redClockRunsOutsideWorkingHours ? 'hours' : 'working-hours',
  };
}

function forRating(profile: PolicyProfile, rag: RagRating, timescale: Timescale): Timescale {
  return rag === 'red' ? redTimescale(profile, timescale) : timescale;
}

/**
 * When the agencies' checks are due: null when the profile sets none for the rating. Counted from when the
 * RAG was set; a hub whose protocol counts from receipt (`timescales.checksClockStarts: received`,
 * Warwickshire 7.6.1) counts from `receivedAt` when the caller gives it.
 */
export function checksDueAt(
  profile: PolicyProfile,
  calendar: WorkingCalendar,
  rag: RagRating,
  ratedAt: Date,
  receivedAt?: Date,
): Date | null {
  const timescale = profile.timescales.checks[rag];
  if (!timescale) return null;
  const from = profile.timescales.checksClockStarts === 'received' && receivedAt ? receivedAt : ratedAt;
  return calendar.add(from, forRating(profile, rag, timescale));
}

/**
 * When the decision is due, counted from receipt. A child in immediate danger takes the hub's immediate-danger
 * timescale when it has one and that is sooner (Warwickshire 6.1.2: the lead agency decides within 1 hour).
 */
export function decisionDueAt(
  profile: PolicyProfile,
  calendar: WorkingCalendar,
  rag: RagRating,
  receivedAt: Date,
  immediateDanger = false,
): Date {
  const byRating = calendar.add(receivedAt, forRating(profile, rag, profile.timescales.decision[rag]));
  const immediate = profile.timescales.immediateDangerDecision;
  if (!immediateDanger || !immediate) return byRating;
  const byDanger = calendar.add(receivedAt, immediate);
  return byDanger < byRating ? byDanger : byRating;
}

/** The latest a contact may stay in the hub, or null when the protocol sets no such limit (Northamptonshire Appendix C: 24 hours). */
export function leaveHubBy(profile: PolicyProfile, calendar: WorkingCalendar, receivedAt: Date): Date | null {
  const limit = profile.timescales.maximumInHub;
  return limit ? calendar.add(receivedAt, limit) : null;
}
