import { aContactReceived, aChild, anAdult, anUnbornChild } from '@mash/contracts/testing';
import { validateMessage } from '@mash/contracts';
import { checkSubjects } from './check-subjects';

describe('check subjects', () => {
  it('names every child then every adult, numbered within their role', () => {
    const subjects = checkSubjects(
      aContactReceived({
        children: [aChild(), aChild({ givenName: 'Ben' })],
        adults: [anAdult(), anAdult({ givenName: 'Chris', relationship: 'Stepfather', pncId: '12/345678A' })],
      }),
    );
    expect(subjects.map((s) => [s.subjectId, s.role, s.givenName])).toEqual([
      ['child-0', 'child', 'Amelia'],
      ['child-1', 'child', 'Ben'],
      ['adult-0', 'adult', 'Jordan'],
      ['adult-1', 'adult', 'Chris'],
    ]);
    expect(subjects[3]).toMatchObject({ pncId: '12/345678A', relationship: 'Stepfather' });
  });

  it('gives an unborn child no date of birth', () => {
    const [subject] = checkSubjects(aContactReceived({ children: [anUnbornChild()], adults: [] }));
    expect(subject).not.toHaveProperty('dateOfBirth');
    expect(subject).not.toHaveProperty('expectedDueDate');
  });

  it('gives a child known by an approximate age the band of dates of birth it allows, as of receipt', () => {
    const [child, other] = checkSubjects(
      aContactReceived({
        receivedAt: '2026-12-04T10:00:00.000Z',
        children: [
          aChild({ dateOfBirth: null, approximateAge: { schoolYear: 'year-4' } }),
          aChild({ dateOfBirth: undefined }),
        ],
        adults: [],
      }),
    );
    expect(child.bornBetween).toEqual({ earliest: '2017-09-01', latest: '2018-08-31' });
    expect(other).not.toHaveProperty('bornBetween');
    expect(other).not.toHaveProperty('dateOfBirth');
  });

  it('passes on identifiers but not the school or the adult’s part in the concern', () => {
    const [child, adult] = checkSubjects(
      aContactReceived({
        children: [aChild({ upn: 'A12345678901B' })],
        adults: [anAdult({ allegedPerpetrator: true })],
      }),
    );
    expect(child).toMatchObject({ nhsNumber: '9434765919', upn: 'A12345678901B' });
    expect(child).not.toHaveProperty('school');
    expect(adult).not.toHaveProperty('allegedPerpetrator');
    expect(adult).not.toHaveProperty('parentalResponsibility');
  });

  it('builds subjects that satisfy the check.requested contract', () => {
    const contact = aContactReceived({ children: [aChild(), anUnbornChild()], adults: [anAdult()] });
    const validation = validateMessage('check.requested', {
      checkId: '3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c02',
      contactId: contact.contactId,
      reference: contact.reference,
      agency: 'police',
      rag: 'amber',
      requestedAt: '2024-03-04T09:40:00.000Z',
      dueAt: null,
      concernCategories: contact.concern.categories,
      concernSummary: contact.concern.summary,
      subjects: checkSubjects(contact),
    });
    expect(validation).toMatchObject({ ok: true });
  });
});
