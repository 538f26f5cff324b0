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

/** Three or more emergency attendances in a year is a recognised prompt to look for injury or neglect. */
const REPEATED_ED_ATTENDANCES = 3;

/**
 * The health "so what": what health services know of the household, a child protection flag, a
 * child's repeated emergency attendances, an adult's mental health involvement (parental capacity),
 * and a child not registered with a GP.
 */
export const healthAnalysis: AgencyAnalysis = (input) => {
  const { facts, today } = input;
  if (!facts.length) return noTrace('Health', input);

  const count = (kind: string) => ofKind(facts, kind).length;
  const holdings = [
    count('gp-registration') > 0 && 'GP registration',
    count('ed-attendance') > 0 && counted(count('ed-attendance'), 'ED attendance'),
    count('maternity') > 0 && 'maternity care',
    count('health-visiting') > 0 && counted(count('health-visiting'), 'health visiting contact'),
    count('mental-health') > 0 && 'mental health involvement',
    count('child-protection-flag') > 0 && 'a child protection flag',
  ].filter((part): part is string => !!part);

  const children = facts.filter((fact) => fact.subjectRole === 'child');
  const adults = facts.filter((fact) => fact.subjectRole === 'adult');
  const childMatched = children.length > 0;
  const childEdThisYear = within(ofKind(children, 'ed-attendance'), 12, today).length;
  const childFlagged = ofKind(children, 'child-protection-flag').length > 0;
  const adultMentalHealth = ofKind(adults, 'mental-health');
  const mentalHealthConcern = input.concernCategories.includes('parental-mental-health');
  const lookedAfter = ofKind(children, 'child-protection-flag').some(
    (fact) => fact.details.plan === 'looked-after-child',
  );
  const notBrought = ofKind(children, 'health-visiting').filter(
    (fact) => fact.details.outcome === 'not-brought' || fact.details.outcome === 'no-access',
  ).length;
  const selfHarm = ofKind(children, 'ed-attendance').filter(
    (fact) => fact.details.reason === 'self-harm' || fact.details.reason === 'overdose',
  ).length;

  return paragraph([
    `health hold ${listed(holdings)} for ${whoseRecords(facts)}`,
    childFlagged &&
      (lookedAfter
        ? 'the child carries a child protection flag as a looked after child, so another authority may already be responsible'
        : 'the child carries a child protection flag, so the child is or has been subject to a child protection plan, and another authority may already be involved'),
    notBrought > 0 &&
      `the child was not brought to, or health visitors could not gain access for, ${counted(notBrought, 'health visiting contact')}, a recognised indicator of neglect`,
    selfHarm > 0 &&
      `${counted(selfHarm, 'of the emergency attendances was', 'of the emergency attendances were')} for self-harm or overdose`,
    childEdThisYear >= REPEATED_ED_ATTENDANCES &&
      `the child has attended the emergency department ${childEdThisYear} times in the last 12 months; repeated attendance can indicate injury or neglect and should be explored`,
    childEdThisYear > 0 &&
      childEdThisYear < REPEATED_ED_ATTENDANCES &&
      `the child attended the emergency department ${childEdThisYear === 1 ? 'once' : 'twice'} in the last 12 months`,
    adultMentalHealth.length > 0 &&
      `an adult in the household is known to mental health services, which is relevant to parenting capacity${mentalHealthConcern ? ' and to the parental mental health concern raised' : ''}`,
    childMatched &&
      !ofKind(children, 'gp-registration').length &&
      'the child has no GP registration on record',
    recency(facts, today),
    notKnown('health', input),
    searchCoverage(input),
  ]);
};
