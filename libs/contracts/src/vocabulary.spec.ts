import { AGENCIES, mostUrgentRag, RAG_RATINGS, RagRating } from './vocabulary';

describe('mostUrgentRag', () => {
  it('is undefined for no ratings', () => {
    expect(mostUrgentRag([])).toBeUndefined();
  });

  it.each<[RagRating[], RagRating]>([
    [['green'], 'green'],
    [['amber'], 'amber'],
    [['red'], 'red'],
    [['green', 'amber'], 'amber'],
    [['amber', 'green'], 'amber'],
    [['green', 'red'], 'red'],
    [['amber', 'red', 'green'], 'red'],
    [['green', 'green', 'green'], 'green'],
    [['amber', 'amber', 'green', 'green'], 'amber'],
  ])('of %j is %s', (ratings, expected) => {
    expect(mostUrgentRag(ratings)).toBe(expected);
  });

  it('does not depend on the order of the ratings', () => {
    const ratings: RagRating[] = ['green', 'amber', 'red'];
    expect(mostUrgentRag(ratings)).toBe(mostUrgentRag([...ratings].reverse()));
  });

  it('does not change its argument', () => {
    const ratings: RagRating[] = ['green', 'red'];
    mostUrgentRag(ratings);
    expect(ratings).toEqual(['green', 'red']);
  });

  it('orders RAG_RATINGS from most to least urgent', () => {
    expect(RAG_RATINGS).toEqual(['red', 'amber', 'green']);
  });
});

describe('AGENCIES', () => {
  it('are the agencies the hub asks for checks', () => {
    expect(AGENCIES).toEqual(['police', 'health', 'education']);
  });
});
