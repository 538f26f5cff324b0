import { anAnalysedFact, anAnalysisInput } from '../testing/factories';
import {
  counted,
  listed,
  monthsSince,
  notKnown,
  noTrace,
  paragraph,
  recency,
  whoseRecords,
} from './analysis-phrases';

const today = new Date('2026-11-20T10:00:00Z');

describe('analysis phrases', () => {
  it('counts in words up to ten and in digits beyond', () => {
    expect(counted(1, 'crime')).toBe('one crime');
    expect(counted(3, 'incident')).toBe('three incidents');
    expect(counted(12, 'attendance')).toBe('12 attendances');
    expect(counted(2, 'person', 'people')).toBe('two people');
  });

  it('lists with commas and a final "and"', () => {
    expect(listed(['a'])).toBe('a');
    expect(listed(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('makes sentences of fragments, dropping empty ones', () => {
    expect(paragraph(['police hold two crimes', undefined, 'the most recent is recent.'])).toBe(
      'Police hold two crimes. The most recent is recent.',
    );
  });

  it('counts whole months', () => {
    expect(monthsSince('2026-05-21', today)).toBe(5);
    expect(monthsSince('2026-05-20', today)).toBe(6);
    expect(monthsSince('2027-01-01', today)).toBe(0);
  });

  it.each([
    ['2026-11-01', 'the most recent is within the last month'],
    ['2026-06-01', 'the most recent is within the last 6 months'],
    ['2026-01-01', 'the most recent is within the last year'],
    ['2025-06-01', 'the most recent is over a year old'],
    ['2022-06-01', 'the most recent is 4 years old'],
  ])('describes a newest fact of %s as "%s"', (date, phrase) => {
    expect(recency([anAnalysedFact({ date: '2010-01-01' }), anAnalysedFact({ date })], today)).toBe(phrase);
  });

  it('says whose records they are without naming anyone', () => {
    expect(whoseRecords([anAnalysedFact()])).toBe('the child');
    expect(
      whoseRecords([
        anAnalysedFact(),
        anAnalysedFact({ subjectId: 'adult-0', subjectRole: 'adult' }),
        anAnalysedFact({ subjectId: 'adult-1', subjectRole: 'adult' }),
      ]),
    ).toBe('the child and two adults in the household');
  });

  it('warns that a no-trace answer did not cover people without a date of birth', () => {
    expect(noTrace('Police', anAnalysisInput([], { subjectsAsked: 3, subjectsNotSearched: 1 }))).toBe(
      'Police hold no records for the 3 people in this request. One person asked about had no date of birth and could not be searched automatically; a practitioner search may find more.',
    );
  });

  it('counts as not known only the people searched and not found', () => {
    expect(
      notKnown('police', anAnalysisInput([anAnalysedFact()], { subjectsAsked: 3, subjectsNotSearched: 1 })),
    ).toBe('one person in the request is not known to police');
    expect(
      notKnown('police', anAnalysisInput([anAnalysedFact()], { subjectsAsked: 2, subjectsNotSearched: 1 })),
    ).toBeUndefined();
  });
});
