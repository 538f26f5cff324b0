import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from '../vocabulary';
import { aNotificationSent, violationsOf } from '../testing';

const check = (body: unknown) => violationsOf('notification.sent', JSON.parse(JSON.stringify(body)));

describe('notification.sent', () => {
  it.each(NOTIFICATION_KINDS)('accepts the kind %s', (kind) => {
    expect(check(aNotificationSent({ kind }))).toEqual([]);
  });

  it.each(NOTIFICATION_CHANNELS)('accepts the channel %s', (channel) => {
    expect(check(aNotificationSent({ channel }))).toEqual([]);
  });

  it('accepts the family as recipient', () => {
    expect(check(aNotificationSent({ recipient: 'family' }))).toEqual([]);
  });

  it.each([
    ['kind', 'carrier-pigeon', 'isIn'],
    ['channel', 'fax', 'isIn'],
    ['recipient', 'press', 'isIn'],
    ['notificationId', 'n-1', 'isUuid'],
    ['sentAt', 'just now', 'isIso8601'],
  ])('refuses the %s %j', (field, value, rule) => {
    expect(check({ ...aNotificationSent(), [field]: value })).toEqual([`${field} (${rule})`]);
  });
});
