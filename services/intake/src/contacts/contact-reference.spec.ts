import { contactReference } from './contact-reference';

describe('contact reference', () => {
  it('reads as the day received and a zero-padded sequence', () => {
    expect(contactReference(new Date('2026-11-22T23:30:00Z'), 42)).toBe('MASH-20261122-000042');
  });
});
