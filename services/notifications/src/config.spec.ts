import { ConfigurationError, loadConfig } from '@mash/platform';
import { NotificationsConfig } from './config';

const REQUIRED = { PORT: '3007', DATABASE_URL: 'postgres://n@localhost/n', AMQP_URL: 'amqp://localhost' };

describe('notifications configuration', () => {
  it('writes to the local outbox folder, from the hub, polling twice a second, when nothing is set', () => {
    const config = loadConfig(NotificationsConfig, REQUIRED);
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.NOTIFICATIONS_OUTBOX_DIR).toBe('var/outbox');
    expect(config.MAIL_FROM).toBe('MASH Hub <mash@localhost>');
    expect(config.HUB_NAME).toBe('Multi-Agency Safeguarding Hub');
    expect(config.DISPATCH_POLL_MS).toBe(500);
  });

  it('treats an empty SMTP_URL as not configured', () => {
    expect(loadConfig(NotificationsConfig, { ...REQUIRED, SMTP_URL: '' }).SMTP_URL).toBeUndefined();
  });

  it('accepts an smtp:// or smtps:// URL', () => {
    expect(loadConfig(NotificationsConfig, { ...REQUIRED, SMTP_URL: 'smtp://127.0.0.1:1025' }).SMTP_URL).toBe(
      'smtp://127.0.0.1:1025',
    );
    expect(
      loadConfig(NotificationsConfig, { ...REQUIRED, SMTP_URL: 'smtps://u:p@mail.example:465' }).SMTP_URL,
    ).toBe('smtps://u:p@mail.example:465');
  });

  it('stops start-up naming SMTP_URL or DISPATCH_POLL_MS when they are wrong', () => {
    expect(() => loadConfig(NotificationsConfig, { ...REQUIRED, SMTP_URL: 'mail.example' })).toThrow(
      expect.objectContaining({ variables: ['SMTP_URL'] }) as ConfigurationError,
    );
    expect(() => loadConfig(NotificationsConfig, { ...REQUIRED, DISPATCH_POLL_MS: '0' })).toThrow(
      /DISPATCH_POLL_MS/,
    );
  });
});
