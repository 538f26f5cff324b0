import type { CheckItem, StaffRole } from '@mash/contracts';
import { itemsAsSeenBy, maySeeMashOnly } from './mash-only-redaction';

const shareable: CheckItem = {
  summary: 'Attends school regularly',
  classification: 'shareable',
  recordId: 'E-1',
};
const mashOnly: CheckItem = {
  summary: 'Intelligence suggests the father is linked to county lines',
  classification: 'mash-only',
  recordId: 'P-9',
  subjectId: 'adult-0',
};

describe('mash-only redaction', () => {
  it.each<StaffRole>(['contact-officer', 'social-worker'])(
    'withholds a mash-only item from a %s, saying only that it exists and which agency holds it',
    (role) => {
      const [, withheld] = itemsAsSeenBy([shareable, mashOnly], 'police', [role]);
      expect(withheld).toEqual({ classification: 'mash-only', agency: 'police', withheld: true });
      expect(JSON.stringify(withheld)).not.toContain('county lines');
      expect(JSON.stringify(withheld)).not.toContain('P-9');
    },
  );

  it.each<StaffRole>(['decision-maker', 'team-manager'])('shows a mash-only item to a %s', (role) => {
    const [, item] = itemsAsSeenBy([shareable, mashOnly], 'police', [role]);
    expect(item).toEqual({
      summary: mashOnly.summary,
      classification: 'mash-only',
      agency: 'police',
      recordId: 'P-9',
      subjectId: 'adult-0',
      withheld: false,
    });
  });

  it('shows shareable items to everyone who may see the record', () => {
    const [item] = itemsAsSeenBy([shareable], 'education', ['contact-officer']);
    expect(item).toMatchObject({ summary: shareable.summary, classification: 'shareable', withheld: false });
  });

  it('lets a caller holding several roles see mash-only items when any of them is a decision role', () => {
    expect(maySeeMashOnly(['social-worker', 'decision-maker'])).toBe(true);
    expect(maySeeMashOnly(['social-worker', 'contact-officer'])).toBe(false);
  });

  it('keeps the order and the number of items, so a reader can tell how much was withheld', () => {
    const seen = itemsAsSeenBy([mashOnly, shareable, mashOnly], 'health', ['social-worker']);
    expect(seen.map((item) => item.withheld)).toEqual([true, false, true]);
  });
});
