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
import type { ConcernCategory } from '@mash/contracts';

/** Concerns that police history speaks to directly. */
const POLICE_CONCERNS: readonly ConcernCategory[] = [
  'domestic-abuse',
  'physical-abuse',
  'sexual-abuse',
  'child-sexual-exploitation',
  'child-criminal-exploitation',
  'missing',
  'trafficking',
  'honour-based-abuse',
  'radicalisation',
  'parental-substance-misuse',
];

/**
 * The police "so what": how much police hold and of what kind, the child's part in it, whether adults
 * in the household are suspects or offenders, how recent it is, and whether it bears on the concern
 * raised. Intelligence is only ever counted, since it is mash-only.
 */
export const policeAnalysis: AgencyAnalysis = (input) => {
  const { facts, today } = input;
  if (!facts.length) return noTrace('Police', input);

  const recorded = ofKind(facts, 'incident', 'crime');
  const incidents = ofKind(facts, 'incident').length;
  const crimes = ofKind(facts, 'crime').length;
  const intelligence = ofKind(facts, 'intelligence').length;

  const holdings = recorded.length
    ? `police hold ${listed(
        [incidents > 0 && counted(incidents, 'incident'), crimes > 0 && counted(crimes, 'crime')].filter(
          (part): part is string => !!part,
        ),
      )} involving ${whoseRecords(recorded)}`
    : `police hold no incidents or crimes for the people in this request`;
  const intelligenceNote = intelligence
    ? `${counted(intelligence, 'mash-only intelligence item')} ${intelligence === 1 ? 'is' : 'are'} held`
    : undefined;

  const childVictim = recorded.filter(
    (fact) => fact.subjectRole === 'child' && fact.role === 'victim',
  ).length;
  const childSuspect = recorded.filter(
    (fact) => fact.subjectRole === 'child' && (fact.role === 'suspect' || fact.role === 'offender'),
  ).length;
  const adultSuspect = recorded.filter(
    (fact) => fact.subjectRole === 'adult' && (fact.role === 'suspect' || fact.role === 'offender'),
  ).length;
  const ofThem = (count: number) => counted(count, 'of them', 'of them');
  const parts = [
    childVictim > 0 && `the child is recorded as a victim in ${ofThem(childVictim)}`,
    childSuspect > 0 && `the child is recorded as a suspect or offender in ${ofThem(childSuspect)}`,
    adultSuspect > 0 &&
      `an adult in the household is recorded as a suspect or offender in ${ofThem(adultSuspect)}`,
  ].filter((part): part is string => !!part);

  const domesticAbuse = recorded.filter(
    (fact) => fact.details.type === 'domestic-abuse' || fact.details.domesticAbuse === true,
  ).length;
  const highRisk = recorded.filter((fact) => fact.details.dashRisk === 'high').length;
  const red = facts.filter((fact) => fact.severity === 'red').length;
  const recent = within(recorded, 6, today).length;
  const relevant = input.concernCategories.filter((category) => POLICE_CONCERNS.includes(category));

  return paragraph([
    [holdings, intelligenceNote].filter(Boolean).join('; '),
    parts.length ? listed(parts) : undefined,
    domesticAbuse > 0 &&
      `${counted(domesticAbuse, 'of them is', 'of them are')} domestic abuse${highRisk ? `, ${counted(highRisk, 'assessed as high risk', 'assessed as high risk')} on DASH` : ''}`,
    recency(facts, today),
    recent > 1 &&
      `${counted(recent, 'incident or crime', 'incidents or crimes')} fall within the last 6 months, which suggests a current pattern rather than history`,
    red > 0 && `${counted(red, 'item is', 'items are')} rated red by police`,
    relevant.length > 0 &&
      recorded.length > 0 &&
      `this history bears directly on the ${listed(relevant.map((category) => category.replace(/-/g, ' ')))} concern raised`,
    notKnown('police', input),
    searchCoverage(input),
  ]);
};
