import { DateTime } from 'luxon';
import { PolicyProfile } from './policy-profile';
import { HUB_TIME_ZONE, WorkingCalendar } from './working-calendar';

/**
 * Whether a child's social care case closed recently enough for a new contact to go back to the team that
 * held it (Northamptonshire 10 and Appendix C, Warwickshire 7.2.1: 12 weeks; Bexley 11: "three month rule").
 * Rules in days, weeks or months compare London calendar dates, as people count them: a case closed on
 * 1 March is within 12 weeks until 24 May inclusive, and within three months until 1 June inclusive.
 * Rules in hours compare instants. A profile without the rule never finds a case recently closed.
 */
export function isRecentlyClosed(
  profile: PolicyProfile,
  calendar: WorkingCalendar,
  closedAt: Date,
  now: Date,
): boolean {
  const rule = profile.recentlyClosed;
  if (!rule) return false;
  // A closure the index records later than our clock says is as recent as a closure can be.
  if (now < closedAt) return true;
  if (rule.unit === 'days' || rule.unit === 'weeks' || rule.unit === 'months') {
    const lastDay = DateTime.fromJSDate(closedAt, { zone: HUB_TIME_ZONE })
      .startOf('day')
      .plus({ [rule.unit]: rule.amount });
    const today = DateTime.fromJSDate(now, { zone: HUB_TIME_ZONE }).startOf('day');
    return today <= lastDay;
  }
  return now <= calendar.add(closedAt, rule);
}
