import {
  AgencyAnalysis,
  counted,
  listed,
  notKnown,
  noTrace,
  ofKind,
  paragraph,
  recency,
  searchCoverage,
  whoseRecords,
  within,
} from '@mash/agency-node';

/** Below 90% attendance a pupil is persistently absent (Department for Education). */
const PERSISTENT_ABSENCE_LINE = 90;

/** Three or more schools is the kind of mobility that makes a child easy to lose sight of. */
const MANY_SCHOOLS = 3;

/**
 * The education "so what": the child's school place and how settled it is, attendance and exclusions,
 * special educational needs, missing education, and Operation Encompass notifications of domestic
 * abuse the child was exposed to.
 */
export const educationAnalysis: AgencyAnalysis = (input) => {
  const { facts, today } = input;
  if (!facts.length) return noTrace('Education', input);

  const schools = ofKind(facts, 'school').length;
  const attendance = ofKind(facts, 'attendance');
  const poorAttendance = attendance.filter((fact) => fact.severity !== 'green');
  const exclusions = ofKind(facts, 'exclusion');
  const encompass = ofKind(facts, 'operation-encompass');
  const hasEhcp = ofKind(facts, 'ehcp').length > 0;
  const hasSen = ofKind(facts, 'sen').length > 0;
  const childMatched = facts.some((fact) => fact.subjectRole === 'child');
  const domesticAbuseConcern = input.concernCategories.includes('domestic-abuse');
  const percentages = attendance
    .map((fact) => fact.details.attendancePercent)
    .filter((percent): percent is number => typeof percent === 'number');
  const lowest = percentages.length ? Math.min(...percentages) : undefined;
  const permanent = exclusions.some((fact) => fact.details.type === 'permanent-exclusion');

  const holdings = [
    schools === 1 && 'a school place',
    schools > 1 && `${counted(schools, 'school')} on record`,
    attendance.length > 0 && counted(attendance.length, 'attendance record'),
    exclusions.length > 0 && counted(exclusions.length, 'exclusion'),
    hasSen && 'SEN support',
    hasEhcp && 'an EHCP',
    ofKind(facts, 'missing-education').length > 0 && 'a missing education record',
    encompass.length > 0 && counted(encompass.length, 'Operation Encompass notification'),
  ].filter((part): part is string => !!part);

  return paragraph([
    `education hold ${listed(holdings)} for ${whoseRecords(facts)}`,
    ofKind(facts, 'missing-education').length > 0 &&
      'the child has been recorded as missing education, so no professional may be seeing the child day to day',
    childMatched && schools === 0 && 'no school place is recorded for the child',
    schools >= MANY_SCHOOLS && `${counted(schools, 'school')} suggest frequent moves`,
    poorAttendance.length > 0 &&
      `attendance is a concern in ${counted(poorAttendance.length, 'record')}${recency(poorAttendance, today, ', the latest') ?? ''}`,
    lowest !== undefined &&
      lowest < PERSISTENT_ABSENCE_LINE &&
      `attendance has been as low as ${lowest}%, below the ${PERSISTENT_ABSENCE_LINE}% line for persistent absence`,
    exclusions.length > 0 &&
      `${counted(within(exclusions, 12, today).length, 'exclusion')} in the last 12 months`,
    permanent && 'the child has been permanently excluded',
    (hasSen || hasEhcp) &&
      `the child has special educational needs${hasEhcp ? ' with an EHCP in place' : ''}, which adds to their vulnerability`,
    encompass.length > 0 &&
      `the school has been notified by police of ${counted(encompass.length, 'domestic abuse incident')} the child was exposed to${
        within(encompass, 6, today).length
          ? encompass.length === 1
            ? ', within the last 6 months'
            : ', at least one within the last 6 months'
          : ''
      }${domesticAbuseConcern ? ', which bears directly on the domestic abuse concern raised' : ''}`,
    recency(facts, today),
    notKnown('education', input),
    searchCoverage(input),
  ]);
};
