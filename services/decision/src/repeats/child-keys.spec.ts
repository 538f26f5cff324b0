import { aChild, anUnbornChild, aSocialCareIndexResult } from '@mash/contracts/testing';
import { childKeys, isReReferral, normaliseName } from './child-keys';

const nameKeys = (children: Parameters<typeof childKeys>[0]) =>
  childKeys(children, []).filter((key) => key.keyKind === 'name-and-date-of-birth');

describe('recognising a child seen before (Northamptonshire 12, repeat referrals)', () => {
  it('compares names without case, accents, spaces, apostrophes or hyphens', () => {
    expect(normaliseName("  Zoë O'Brien-Smith ")).toBe('zoeobriensmith');
  });

  it('gives the same key to the same child written differently', () => {
    const [first] = nameKeys([aChild({ givenName: 'Amelia', familyName: 'Example' })]);
    const [second] = nameKeys([aChild({ givenName: ' AMELIA', familyName: 'example ' })]);
    expect(first.key).toBe(second.key);
  });

  it('tells apart two children with the same name born on different days (twins excepted, they share a birthday)', () => {
    const [first] = nameKeys([aChild({ dateOfBirth: '2016-05-14' })]);
    const [second] = nameKeys([aChild({ dateOfBirth: '2016-05-15' })]);
    expect(first.key).not.toBe(second.key);
  });

  it('keeps no name in clear in the key', () => {
    const [key] = nameKeys([aChild({ givenName: 'Amelia', familyName: 'Example' })]);
    expect(key.key).toMatch(/^[0-9a-f]{64}$/);
    expect(key.key).not.toContain('amelia');
  });

  it('recognises a child under each other name given', () => {
    const keys = nameKeys([aChild({ givenName: 'Amelia', otherNames: ['Millie'] })]);
    const [millie] = nameKeys([aChild({ givenName: 'Millie' })]);
    expect(keys).toHaveLength(2);
    expect(keys.map((key) => key.key)).toContain(millie.key);
  });

  it('recognises an unborn child only by the social care record, when screening found one', () => {
    const keys = childKeys(
      [aChild(), anUnbornChild()],
      [aSocialCareIndexResult({ childIndex: 1, known: true, recordId: 'SC-900' })],
    );
    expect(keys.filter((key) => key.childIndex === 1)).toEqual([
      { childIndex: 1, keyKind: 'social-care-record', key: 'SC-900' },
    ]);
  });

  it('does not use a social care result for a child the index did not know', () => {
    const keys = childKeys([aChild()], [aSocialCareIndexResult({ known: false, recordId: null })]);
    expect(keys.every((key) => key.keyKind === 'name-and-date-of-birth')).toBe(true);
  });
});

describe('a re-referral (Croydon 13: re-referral rate)', () => {
  const received = new Date('2024-03-04T09:15:00.000Z');
  const daysBefore = (days: number) => new Date(received.getTime() - days * 86_400_000);

  it('is a contact with an earlier one about the same child within the window', () => {
    expect(isReReferral(received, [daysBefore(200)], 365)).toBe(true);
  });

  it('is not one when the earlier contact is older than the window', () => {
    expect(isReReferral(received, [daysBefore(400)], 365)).toBe(false);
  });

  it('counts any earlier contact with a window of 0', () => {
    expect(isReReferral(received, [daysBefore(4000)], 0)).toBe(true);
  });

  it('is not one without an earlier contact', () => {
    expect(isReReferral(received, [], 365)).toBe(false);
  });
});
