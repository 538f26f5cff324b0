import { OUTCOMES } from '../vocabulary';
import { aDecisionRecorded, aLetterChild, aLetterRecipient, violationsOf } from '../testing';

const check = (body: unknown) => violationsOf('decision.recorded', JSON.parse(JSON.stringify(body)));

describe('decision.recorded', () => {
  it.each(OUTCOMES)('accepts the outcome %s', (outcome) => {
    expect(check(aDecisionRecorded({ outcome }))).toEqual([]);
  });

  it('refuses an unknown outcome', () => {
    expect(check({ ...aDecisionRecorded(), outcome: 'adoption' })).toEqual(['outcome (isIn)']);
  });

  it('accepts no feedback for the referrer', () => {
    expect(check(aDecisionRecorded({ feedbackToReferrer: null, contactReceivedAt: null }))).toEqual([]);
  });

  it('refuses oversized feedback', () => {
    expect(check(aDecisionRecorded({ feedbackToReferrer: 'f'.repeat(4_001) }))).toEqual([
      'feedbackToReferrer (maxLength)',
    ]);
  });

  it('names the referrer to tell, with a valid email when there is one', () => {
    expect(check({ ...aDecisionRecorded(), referrer: undefined })).toEqual(['referrer (isDefined)']);
    expect(check(aDecisionRecorded({ referrer: aLetterRecipient({ name: '' }) }))).toEqual([
      'referrer.name (isNotEmpty)',
    ]);
    expect(check(aDecisionRecorded({ referrer: aLetterRecipient({ email: 'nope' }) }))).toEqual([
      'referrer.email (isEmail)',
    ]);
    expect(
      check(aDecisionRecorded({ referrer: aLetterRecipient({ email: null, organisation: null }) })),
    ).toEqual([]);
  });

  it('names at least one child, and at most 20', () => {
    expect(check(aDecisionRecorded({ children: [] }))).toEqual(['children (arrayMinSize)']);
    expect(check(aDecisionRecorded({ children: Array.from({ length: 21 }, () => aLetterChild()) }))).toEqual([
      'children (arrayMaxSize)',
    ]);
    expect(check(aDecisionRecorded({ children: [aLetterChild({ familyName: '' })] }))).toEqual([
      'children[0].familyName (isNotEmpty)',
    ]);
  });
});
