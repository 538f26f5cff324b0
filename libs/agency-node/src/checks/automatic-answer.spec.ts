import { mayAnswerNoTraceAutomatically } from './automatic-answer';

const amy = { givenName: 'Amy', familyName: 'Jones', dateOfBirth: '2016-03-04' };

describe('when a node may answer without a practitioner', () => {
  it('answers no trace by itself when it found no candidate for anyone it could search', () => {
    expect(mayAnswerNoTraceAutomatically([amy, { ...amy, givenName: 'Beth' }], [])).toBe(true);
  });

  it('leaves a possible match for a practitioner, however weak', () => {
    expect(mayAnswerNoTraceAutomatically([amy], [{ confidence: 'possible-match' }])).toBe(false);
  });

  it('leaves an exact match for a practitioner: nothing is shared without a person', () => {
    expect(mayAnswerNoTraceAutomatically([amy], [{ confidence: 'match' }])).toBe(false);
  });

  it('leaves a request for a practitioner when someone in it has no date of birth to search by', () => {
    expect(mayAnswerNoTraceAutomatically([amy, { ...amy, dateOfBirth: null }], [])).toBe(false);
  });
});
