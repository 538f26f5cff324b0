import { INestApplication } from '@nestjs/common';
import { simpleParser, ParsedMail } from 'mailparser';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { SMTPServer, SMTPServerAddress } from 'smtp-server';
import request from 'supertest';
import { DecisionRecorded, eventsExchange, MessageTypes, NotificationSent } from '@mash/contracts';
import { aDecisionRecorded, aLetterChild, aLetterRecipient } from '@mash/contracts/testing';
import { startService } from '@mash/messaging';
import { issueDevelopmentToken, loadConfig, ManualClock } from '@mash/platform';
import { Capture, eventually, TestBroker } from '../../../test-support/broker';
import { adminAmqpUrl, adminPg, testServiceEnv } from '../../../test-support/env';
import { AppModule } from '../src/app.module';
import { NotificationsConfig } from '../src/config';
import { MAX_DISPATCH_ATTEMPTS } from '../src/dispatch/dispatch-backoff';

// pdf-parse's index runs a self-test when loaded; its lib entry does not.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

const QUEUE = 'notifications.inbox';
const REJECTED_ADDRESS = 'no-such-user@hill.example';
/** A mash-only item smuggled onto the message: it must never reach a letter or an email. */
const MASH_ONLY_SUMMARY = 'MASH-ONLY: soft intelligence about the mother held by police';

interface ReceivedMail {
  envelopeTo: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

/** A real SMTP server on an ephemeral port, refusing one recipient the way a mail server does (550). */
async function startSmtpServer(received: ReceivedMail[]): Promise<{ server: SMTPServer; url: string }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (address.address === REJECTED_ADDRESS) {
        return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            received.push({ envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw, parsed });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { server, url: `smtp://127.0.0.1:${port}` };
}

function aDecisionFor(overrides: Partial<DecisionRecorded> = {}): DecisionRecorded {
  const contactId = randomUUID();
  return aDecisionRecorded({
    contactId,
    reference: `MASH-20240304-${contactId.slice(0, 6)}`,
    referrer: aLetterRecipient({ name: 'Ann Smith', email: `dsl-${contactId.slice(0, 8)}@hill.example` }),
    children: [aLetterChild({ givenName: 'Amelia', familyName: 'Quigley' })],
    ...overrides,
  });
}

async function bootApp(env: Record<string, string>, clock: ManualClock) {
  const config = loadConfig(NotificationsConfig, env);
  const app = await startService({
    service: 'notifications',
    module: AppModule.register(config, clock),
    config,
    title: 'notifications (test)',
    description: '',
    listen: false,
  });
  return { app, config };
}

async function consumedDuplicates(app: INestApplication): Promise<number> {
  const metrics = await request(app.getHttpServer()).get('/metrics');
  const line = metrics.text
    .split('\n')
    .find((l) => l.startsWith('mash_messages_consumed_total{type="decision.recorded",result="duplicate"}'));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('notifications, with an SMTP server', () => {
  const clock = new ManualClock(new Date('2024-03-05T10:00:00.000Z'));
  const received: ReceivedMail[] = [];
  let smtp: SMTPServer;
  let app: INestApplication;
  let broker: TestBroker;
  let sent: Capture<NotificationSent>;
  let pg: Client;
  let token: string;

  const mailsTo = (address: string) => received.filter((mail) => mail.envelopeTo.includes(address));
  const list = (contactId: string) =>
    request(app.getHttpServer())
      .get('/notifications')
      .query({ contactId })
      .set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    const started = await startSmtpServer(received);
    smtp = started.server;
    pg = await adminPg('notifications');
    await pg.query('TRUNCATE notifications, outbox, inbox');
    broker = await TestBroker.connect(adminAmqpUrl());
    await broker.purge(QUEUE);
    sent = await broker.capture<NotificationSent>(
      eventsExchange('notifications'),
      MessageTypes.NotificationSent,
    );
    const booted = await bootApp(
      { ...testServiceEnv('notifications'), SMTP_URL: started.url, DISPATCH_POLL_MS: '50' },
      clock,
    );
    app = booted.app;
    token = await issueDevelopmentToken({ roles: ['contact-officer'] }, booted.config.AUTH_DEV_SECRET!);
  });

  afterAll(async () => {
    await app?.close();
    await broker?.close();
    await pg?.end();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  describe('a decision for a referrer with an email address', () => {
    const decision = aDecisionFor({ outcome: 'early-help', feedbackToReferrer: 'Thank you for telling us.' });
    const address = decision.referrer.email!;
    let messageId: string;
    let mail: ReceivedMail;
    let notificationId: string;

    beforeAll(async () => {
      const withMashOnlyItem = {
        ...decision,
        items: [{ summary: MASH_ONLY_SUMMARY, classification: 'mash-only' }],
      };
      messageId = await broker.publish(
        'decision.events',
        'decision.recorded',
        MessageTypes.DecisionRecorded,
        withMashOnlyItem,
      );
      [mail] = await eventually(
        async () => (mailsTo(address).length ? mailsTo(address) : undefined),
        15_000,
        'the email',
      );
      const [event] = await sent.waitFor(1, (message) => message.body.contactId === decision.contactId);
      notificationId = event.body.notificationId;
    });

    it('emails the referrer the outcome letter as a PDF, naming the reference in the subject', () => {
      expect(mail.parsed.to).toMatchObject({ value: [{ address }] });
      expect(mail.parsed.subject).toContain(decision.reference);
      expect(mail.parsed.attachments).toHaveLength(1);
      const [attachment] = mail.parsed.attachments;
      expect(attachment.contentType).toBe('application/pdf');
      expect(attachment.filename).toBe(`outcome-${decision.reference}.pdf`);
      expect(attachment.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('gives the email a Message-ID made from the notification id, so a resend can be recognised', () => {
      expect(mail.parsed.messageId).toBe(`<${notificationId}@mash-hub>`);
    });

    it('names the children by first name only in the email, and nothing mash-only anywhere in it', () => {
      expect(mail.parsed.text).toContain('Amelia');
      expect(mail.parsed.text).not.toContain('Quigley');
      expect(mail.raw.toString('utf8')).not.toContain('MASH-ONLY');
      expect(mail.parsed.text).not.toContain('soft intelligence');
    });

    it('attaches a letter naming the children in full, with the feedback, and nothing mash-only', async () => {
      const letter = (await pdfParse(mail.parsed.attachments[0].content)).text.replace(/\s+/g, ' ');
      expect(letter).toContain(decision.reference);
      expect(letter).toContain('Amelia Quigley');
      expect(letter).toContain('Thank you for telling us.');
      expect(letter).not.toContain('MASH-ONLY');
      expect(letter).not.toContain('soft intelligence');
    });

    it('publishes notification.sent with the time from the clock', async () => {
      const [event] = await sent.waitFor(1, (message) => message.body.contactId === decision.contactId);
      expect(event.body).toEqual({
        notificationId,
        contactId: decision.contactId,
        kind: 'outcome-email',
        channel: 'email',
        recipient: 'referrer',
        sentAt: clock.now().toISOString(),
      });
      expect(event.properties.correlationId).toBe(decision.contactId);
    });

    it('lists the email as sent for the contact', async () => {
      const response = await list(decision.contactId).expect(200);
      expect(response.body).toEqual([
        {
          id: notificationId,
          contactId: decision.contactId,
          kind: 'outcome-email',
          recipient: 'referrer',
          channel: 'email',
          status: 'sent',
          createdAt: clock.now().toISOString(),
          // Croydon: the referrer hears within one working day of the decision (8).
          dueAt: '2024-03-05T15:30:00.000Z',
          sentAt: clock.now().toISOString(),
          attempts: 1,
          overdue: false,
        },
      ]);
    });

    it('serves the letter that was emailed as a PDF download', async () => {
      const response = await request(app.getHttpServer())
        .get(`/notifications/${notificationId}/document`)
        .set('Authorization', `Bearer ${token}`)
        .responseType('blob')
        .expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="outcome-${decision.reference}.pdf"`,
      );
      expect(Buffer.compare(response.body as Buffer, mail.parsed.attachments[0].content)).toBe(0);
    });

    it('counts the sent email by kind in the metrics', async () => {
      const metrics = await request(app.getHttpServer()).get('/metrics');
      expect(metrics.text).toMatch(
        /mash_notifications_dispatched_total\{kind="outcome-email",result="sent"\} [1-9]/,
      );
      expect(metrics.text).not.toContain(address);
    });

    it('sends no second email for a redelivery or for a second decision on the same contact', async () => {
      const duplicatesBefore = await consumedDuplicates(app);
      await broker.publish('decision.events', 'decision.recorded', MessageTypes.DecisionRecorded, decision, {
        messageId,
      });
      const secondId = await broker.publish(
        'decision.events',
        'decision.recorded',
        MessageTypes.DecisionRecorded,
        {
          ...decision,
          outcome: 's17-assessment',
        },
      );
      await eventually(
        async () => ((await consumedDuplicates(app)) > duplicatesBefore ? true : undefined),
        10_000,
        'the redelivery',
      );
      await eventually(
        async () =>
          (await pg.query('SELECT 1 FROM inbox WHERE message_id = $1', [secondId])).rowCount
            ? true
            : undefined,
        10_000,
        'the second decision',
      );
      await new Promise((resolve) => setTimeout(resolve, 500)); // ten dispatcher polls
      expect(mailsTo(address)).toHaveLength(1);
      expect(sent.messages.filter((message) => message.body.contactId === decision.contactId)).toHaveLength(
        1,
      );
      expect((await list(decision.contactId).expect(200)).body).toHaveLength(1);
    });
  });

  it('prepares a letter to post, and sends nothing, when the referrer has no email address', async () => {
    const decision = aDecisionFor({
      referrer: aLetterRecipient({ name: 'A Neighbour', organisation: null, email: null }),
    });
    await broker.publish('decision.events', 'decision.recorded', MessageTypes.DecisionRecorded, decision);
    const [letter] = await eventually(async () => {
      const { body } = await list(decision.contactId).expect(200);
      return body.length
        ? (body as Array<{ id: string; kind: string; channel: string; status: string; sentAt: null }>)
        : undefined;
    });
    expect(letter).toMatchObject({
      kind: 'outcome-letter',
      channel: 'post',
      status: 'ready-to-post',
      sentAt: null,
    });
    const document = await request(app.getHttpServer())
      .get(`/notifications/${letter.id}/document`)
      .set('Authorization', `Bearer ${token}`)
      .responseType('blob')
      .expect(200);
    expect((document.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sent.messages.filter((message) => message.body.contactId === decision.contactId)).toHaveLength(0);
  });

  it('retries an email the mail server refuses, never marks it sent, and gives up after the last attempt', async () => {
    const decision = aDecisionFor({ referrer: aLetterRecipient({ email: REJECTED_ADDRESS }) });
    await broker.publish('decision.events', 'decision.recorded', MessageTypes.DecisionRecorded, decision);
    const attemptsSoFar = async (at: number) => {
      const { body } = await list(decision.contactId).expect(200);
      return body[0]?.attempts >= at
        ? (body[0] as { status: string; attempts: number; sentAt: null })
        : undefined;
    };

    const first = await eventually(() => attemptsSoFar(1), 15_000, 'the first attempt');
    expect(first).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
    // The next attempt waits for its back-off: nothing happens until the clock passes it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await list(decision.contactId)).body[0].attempts).toBe(1);

    clock.advance(61_000);
    const second = await eventually(() => attemptsSoFar(2), 15_000, 'the second attempt');
    expect(second).toMatchObject({ status: 'queued', attempts: 2, sentAt: null });

    for (let attempt = 3; attempt <= MAX_DISPATCH_ATTEMPTS; attempt++) {
      clock.advance(4 * 60 * 60_000);
      await eventually(() => attemptsSoFar(attempt), 15_000, `attempt ${attempt}`);
    }
    const { body } = await list(decision.contactId).expect(200);
    expect(body[0]).toMatchObject({ status: 'failed', attempts: MAX_DISPATCH_ATTEMPTS, sentAt: null });
    const { rows } = await pg.query('SELECT last_error FROM notifications WHERE contact_id = $1', [
      decision.contactId,
    ]);
    expect(rows[0].last_error).toBe('EENVELOPE 550');

    clock.advance(24 * 60 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await list(decision.contactId)).body[0].attempts).toBe(MAX_DISPATCH_ATTEMPTS);
    expect(mailsTo(REJECTED_ADDRESS)).toHaveLength(0);
    expect(sent.messages.filter((message) => message.body.contactId === decision.contactId)).toHaveLength(0);
  });

  it('refuses a list without a contact id, or with one that is not a uuid, naming the field', async () => {
    const missing = await request(app.getHttpServer())
      .get('/notifications')
      .set('Authorization', `Bearer ${token}`)
      .expect(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'contactId', rule: 'isUuid' })]),
    );
    const malformed = await list('not-a-uuid').expect(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'contactId', rule: 'isUuid' })]);
  });

  it('answers 404 problem details for an unknown notification document', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const response = await request(app.getHttpServer())
        .get(`/notifications/${id}/document`)
        .set('Authorization', `Bearer ${token}`)
        .expect(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('describes both endpoints in the OpenAPI document', async () => {
    const { body } = await request(app.getHttpServer()).get('/docs').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/notifications', '/notifications/{id}/document']),
    );
  });

  it('lets only hub staff see notifications', async () => {
    const contactId = randomUUID();
    await request(app.getHttpServer()).get('/notifications').query({ contactId }).expect(401);
    const practitioner = await issueDevelopmentToken(
      { roles: ['agency-practitioner'], agency: 'police' },
      testServiceEnv('notifications').AUTH_DEV_SECRET,
    );
    await request(app.getHttpServer())
      .get('/notifications')
      .query({ contactId })
      .set('Authorization', `Bearer ${practitioner}`)
      .expect(403);
  });
});

describe('notifications, without an SMTP server', () => {
  const clock = new ManualClock(new Date('2024-03-05T10:00:00.000Z'));
  let outboxDir: string;
  let app: INestApplication;
  let broker: TestBroker;

  beforeAll(async () => {
    outboxDir = await mkdtemp(join(tmpdir(), 'mash-outbox-'));
    broker = await TestBroker.connect(adminAmqpUrl());
    const env: Record<string, string> = {
      ...testServiceEnv('notifications'),
      NOTIFICATIONS_OUTBOX_DIR: outboxDir,
      DISPATCH_POLL_MS: '50',
    };
    delete env.SMTP_URL;
    ({ app } = await bootApp(env, clock));
  });

  afterAll(async () => {
    await app?.close();
    await broker?.close();
    if (outboxDir) await rm(outboxDir, { recursive: true, force: true });
  });

  it('writes the email as <id>.eml and the letter as <id>.pdf into the outbox folder', async () => {
    const decision = aDecisionFor();
    await broker.publish('decision.events', 'decision.recorded', MessageTypes.DecisionRecorded, decision);
    const files = await eventually(
      async () => {
        const names = (await readdir(outboxDir)).filter((name) => !name.endsWith('.partial')).sort();
        return names.length === 2 ? names : undefined;
      },
      15_000,
      'the outbox files',
    );
    const id = files[0].replace(/\.eml$/, '');
    expect(files).toEqual([`${id}.eml`, `${id}.pdf`]);

    const email = await simpleParser(await readFile(join(outboxDir, `${id}.eml`)));
    const pdf = await readFile(join(outboxDir, `${id}.pdf`));
    expect(email.messageId).toBe(`<${id}@mash-hub>`);
    expect(email.to).toMatchObject({ value: [{ address: decision.referrer.email }] });
    expect(email.subject).toContain(decision.reference);
    expect(email.attachments[0].contentType).toBe('application/pdf');
    expect(Buffer.compare(email.attachments[0].content, pdf)).toBe(0);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
