import type { AnalysedFact, AnalysisInput } from '../agency-node.definition';

/**
 * Phrases the agencies' analysis functions share, so the three read alike. They take counts, kinds
 * and dates, never a name or free text.
 */

const SMALL_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "one incident", "3 crimes" is "three crimes"; 12 stays a number. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  const number = count <= 10 ? SMALL_NUMBERS[count] : String(count);
  return `${number} ${count === 1 ? singular : plural}`;
}

/** "a", "a and b", "a, b and c". */
export function listed(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Joins sentences, dropping empty ones, each ending in one full stop. */
export function paragraph(sentences: ReadonlyArray<string | undefined | false>): string {
  return sentences
    .filter((sentence): sentence is string => !!sentence)
    .map((sentence) => capitalised(sentence.trim().replace(/\.$/, '')) + '.')
    .join(' ');
}

/** Whole calendar months from `date` (YYYY-MM-DD) to today; never negative. */
export function monthsSince(date: string, today: Date): number {
  const [year, month, day] = date.split('-').map(Number);
  let months = (today.getUTCFullYear() - year) * 12 + (today.getUTCMonth() + 1 - month);
  if (today.getUTCDate() < day) months -= 1;
  return Math.max(0, months);
}

export function latest(facts: readonly AnalysedFact[]): string | undefined {
  return facts.reduce<string | undefined>(
    (newest, fact) => (!newest || fact.date > newest ? fact.date : newest),
    undefined,
  );
}

/** How recent the newest fact is, in the bands a decision maker thinks in. */
export function recency(
  facts: readonly AnalysedFact[],
  today: Date,
  noun = 'the most recent',
): string | undefined {
  const newest = latest(facts);
  if (!newest) return undefined;
  const months = monthsSince(newest, today);
  if (months < 1) return `${noun} is within the last month`;
  if (months < 6) return `${noun} is within the last 6 months`;
  if (months < 12) return `${noun} is within the last year`;
  const years = Math.floor(months / 12);
  return `${noun} is ${years === 1 ? 'over a year' : `${years} years`} old`;
}

export function within(facts: readonly AnalysedFact[], months: number, today: Date): AnalysedFact[] {
  return facts.filter((fact) => monthsSince(fact.date, today) < months);
}

export function ofKind(facts: readonly AnalysedFact[], ...kinds: string[]): AnalysedFact[] {
  return facts.filter((fact) => kinds.includes(fact.kind));
}

export function countOf(facts: readonly AnalysedFact[], predicate: (fact: AnalysedFact) => boolean): number {
  return facts.filter(predicate).length;
}

/** Who the facts are about: "the child", "the adults", "the child and 2 adults in the household". */
export function whoseRecords(facts: readonly AnalysedFact[]): string {
  const subjects = new Map(facts.map((fact) => [fact.subjectId, fact.subjectRole]));
  const children = [...subjects.values()].filter((role) => role === 'child').length;
  const adults = subjects.size - children;
  const childPart =
    children === 0
      ? ''
      : children === 1
        ? 'the child'
        : `${SMALL_NUMBERS[children] ?? children} of the children`;
  const adultPart =
    adults === 0
      ? ''
      : adults === 1
        ? 'one adult in the household'
        : `${counted(adults, 'adult')} in the household`;
  return listed([childPart, adultPart].filter(Boolean));
}

/** How many of the people asked about matched a record, and why a "no trace" may not be the whole story. */
export function searchCoverage(input: AnalysisInput): string | undefined {
  if (!input.subjectsNotSearched) return undefined;
  return `${counted(input.subjectsNotSearched, 'person', 'people')} asked about had no date of birth and could not be searched automatically; a practitioner search may find more`;
}

/** People searched but not found: "one person in the request is not known to police". */
export function notKnown(agencyName: string, input: AnalysisInput): string | undefined {
  const unknown = input.subjectsAsked - input.subjectsMatched - input.subjectsNotSearched;
  if (unknown <= 0) return undefined;
  return `${counted(unknown, 'person', 'people')} in the request ${unknown === 1 ? 'is' : 'are'} not known to ${agencyName}`;
}

/** The shared no-trace wording. */
export function noTrace(agencyName: string, input: AnalysisInput): string {
  return paragraph([
    `${agencyName} hold no records for the ${input.subjectsAsked === 1 ? 'person' : `${input.subjectsAsked} people`} in this request`,
    searchCoverage(input),
  ]);
}
