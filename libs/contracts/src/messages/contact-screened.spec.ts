import {
  aChild,
  aContactReceived,
  aContactScreened,
  aRequestedCheck,
  aSocialCareIndexResult,
  violationsOf,
} from '../testing';

const check = (body: unknown) => violationsOf('contact.screened', JSON.parse(JSON.stringify(body)));

describe('contact.screened', () => {
  it('accepts the example', () => {
    expect(check(aContactScreened())).toEqual([]);
  });

  it('accepts a screening that requests no checks (LADO, or transfer to an allocated worker)', () => {
    expect(check(aContactScreened({ route: 'lado', checks: [] }))).toEqual([]);
    expect(check(aContactScreened({ route: 'transfer-to-allocated-worker', checks: [] }))).toEqual([]);
  });

  it('refuses an unknown route or RAG', () => {
    expect(check({ ...aContactScreened(), route: 'pending' })).toEqual(['route (isIn)']);
    expect(check({ ...aContactScreened(), rag: 'blue' })).toEqual(['rag (isIn)']);
  });

  it('refuses an oversized rationale', () => {
    expect(check(aContactScreened({ rationale: 'r'.repeat(2_001) }))).toEqual(['rationale (maxLength)']);
  });

  it('carries the contact, and validates it with the full path', () => {
    expect(check({ ...aContactScreened(), contact: undefined })).toEqual(['contact (isDefined)']);
    const contact = aContactReceived({ children: [aChild(), aChild({ dateOfBirth: '2015-02-29' })] });
    expect(check(aContactScreened({ contact }))).toEqual([
      'contact.children[1].dateOfBirth (isCalendarDate)',
    ]);
  });

  it('requests at most one check per agency, each for a known agency', () => {
    const four = [...aContactScreened().checks, aRequestedCheck({ agency: 'police' })];
    expect(check(aContactScreened({ checks: four }))).toEqual(['checks (arrayMaxSize)']);
    expect(
      check({ ...aContactScreened(), checks: [{ checkId: aRequestedCheck().checkId, agency: 'army' }] }),
    ).toEqual(['checks[0].agency (isIn)']);
    expect(check(aContactScreened({ checks: [aRequestedCheck({ checkId: 'c-1' })] }))).toEqual([
      'checks[0].checkId (isUuid)',
    ]);
  });

  it('names whom each check asks about, by subject id', () => {
    const education = aRequestedCheck({ agency: 'education', subjectIds: ['child-0', 'child-1'] });
    expect(check(aContactScreened({ checks: [education] }))).toEqual([]);
    expect(
      check(aContactScreened({ checks: [aRequestedCheck({ subjectIds: ['child-0', 'Amelia Example'] })] })),
    ).toEqual(['checks[0].subjectIds (matches)']);
  });

  it('records what the social care index knew about each child', () => {
    expect(
      check(
        aContactScreened({
          socialCareIndex: [
            aSocialCareIndexResult({
              known: false,
              recordId: null,
              status: null,
              team: null,
              closedAt: null,
            }),
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      check(aContactScreened({ socialCareIndex: [aSocialCareIndexResult({ childIndex: -1 })] })),
    ).toEqual(['socialCareIndex[0].childIndex (min)']);
    expect(
      check(aContactScreened({ socialCareIndex: [aSocialCareIndexResult({ childIndex: 0.5 })] })),
    ).toEqual(['socialCareIndex[0].childIndex (isInt)']);
    expect(
      check({ ...aContactScreened(), socialCareIndex: [{ ...aSocialCareIndexResult(), status: 'unknown' }] }),
    ).toEqual(['socialCareIndex[0].status (isIn)']);
  });
});
