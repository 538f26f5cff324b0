import { AGENCIES } from '../vocabulary';
import { aCheckItem, aCheckMatch, aCheckResponded, violationsOf } from '../testing';

const check = (body: unknown) => violationsOf('check.responded', JSON.parse(JSON.stringify(body)));

describe('check.responded', () => {
  it.each(AGENCIES)('accepts an answer from %s', (agency) => {
    expect(check(aCheckResponded({ agency }))).toEqual([]);
  });

  it('accepts a no-trace answer with no matches or items', () => {
    expect(check(aCheckResponded({ noTrace: true, rag: 'green', matches: [], items: [] }))).toEqual([]);
  });

  it('refuses a missing RAG or no-trace flag', () => {
    expect(check({ ...aCheckResponded(), rag: undefined })).toEqual(['rag (isIn)']);
    expect(check({ ...aCheckResponded(), noTrace: 'false' })).toEqual(['noTrace (isBoolean)']);
  });

  it('refuses an oversized analysis', () => {
    expect(check(aCheckResponded({ analysis: 'a'.repeat(10_001) }))).toEqual(['analysis (maxLength)']);
  });

  it('classifies every item as shareable or mash-only', () => {
    expect(check(aCheckResponded({ items: [aCheckItem({ classification: 'mash-only' })] }))).toEqual([]);
    expect(
      check({ ...aCheckResponded(), items: [aCheckItem(), { ...aCheckItem(), classification: 'secret' }] }),
    ).toEqual(['items[1].classification (isIn)']);
    expect(check({ ...aCheckResponded(), items: [{ ...aCheckItem(), classification: undefined }] })).toEqual([
      'items[0].classification (isIn)',
    ]);
  });

  it('refuses an empty or oversized item', () => {
    expect(check(aCheckResponded({ items: [aCheckItem({ summary: '' })] }))).toEqual([
      'items[0].summary (isNotEmpty)',
    ]);
    expect(check(aCheckResponded({ items: [aCheckItem({ summary: 's'.repeat(4_001) })] }))).toEqual([
      'items[0].summary (maxLength)',
    ]);
  });

  it('accepts an item about no one subject', () => {
    expect(check(aCheckResponded({ items: [aCheckItem({ subjectId: null, recordId: null })] }))).toEqual([]);
  });

  it('refuses a match with an unknown confidence or a bad subject id', () => {
    expect(check({ ...aCheckResponded(), matches: [{ ...aCheckMatch(), confidence: 'likely' }] })).toEqual([
      'matches[0].confidence (isIn)',
    ]);
    expect(check(aCheckResponded({ matches: [aCheckMatch({ subjectId: 'mother' })] }))).toEqual([
      'matches[0].subjectId (matches)',
    ]);
  });

  it('limits the number of matches and items', () => {
    expect(check(aCheckResponded({ matches: Array.from({ length: 201 }, () => aCheckMatch()) }))).toEqual([
      'matches (arrayMaxSize)',
    ]);
    expect(check(aCheckResponded({ items: Array.from({ length: 501 }, () => aCheckItem()) }))).toEqual([
      'items (arrayMaxSize)',
    ]);
  });
});
