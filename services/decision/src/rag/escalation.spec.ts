import { ratingAfterEscalation } from './escalation';

describe('an agency escalates (Northamptonshire stage 2: raise the existing RAG rating)', () => {
  it('raises Amber to Red', () => {
    expect(ratingAfterEscalation('amber', 'red')).toEqual({ rating: 'red', raised: true });
  });

  it('raises Green to Amber', () => {
    expect(ratingAfterEscalation('green', 'amber')).toEqual({ rating: 'amber', raised: true });
  });

  it('never lowers the rating: Amber asked on a Red contact leaves it Red', () => {
    expect(ratingAfterEscalation('red', 'amber')).toEqual({ rating: 'red', raised: false });
  });

  it('leaves a rating already as high unchanged', () => {
    expect(ratingAfterEscalation('red', 'red')).toEqual({ rating: 'red', raised: false });
  });
});
