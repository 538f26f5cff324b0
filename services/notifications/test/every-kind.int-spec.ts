import { INestApplication } from '@nestjs/common';
import { ParsedMail, simpleParser } from 'mailparser';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import {
  ContactReceived,
  DecisionRecorded,
  eventsExchange,
  MessageTypes,
  NotificationSent,
} from '@mash/contracts';
import {
  aContactReceived,
  aContactScreened,
  aDecisionRecorded,
  aLetterChild,
  aLetterRecipient,
} from '@mash/contracts/testing';
import { startService } from '@mash/messaging';
import { issueDevelopmentToken, loadConfig, ManualClock } from '@mash/platform';
import { Capture, eventually, TestBroker } from '../../../test-support/broker';
import { adminAmqpUrl, adminPg, testServiceEnv } from '../../../test-support/env';
import { AppModule } from '../src/app.module';
import { NotificationsConfig } from '../src/config';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

const LADO = 'lado@council.example';
const MASH_ONLY = 'MASH-ONLY soft intelligence';

interface Listed {
  id: string;
  kind: string;
  recipient: string;
  channel: string;
  status: string;
  dueAt: string | null;
  sentAt: string | null;
  overdue: boolean;
}

describe('every kind of notification, through the real broker, database and an SMTP server', () => {
  const clock = new ManualClock(new Date('2024-03-05T10:00:00.000Z')); // a Tuesday
  const mails: { to: string[]; parsed: ParsedMail; raw: string }[] = [];
  let smtp: SMTPServer;
  let app: INestApplication;
  let broker: TestBroker;
  let sent: Capture<NotificationSent>;
  let pg: Client;
  let staff: string;
  let decisionMaker: string;
  let officer: string;

  const mailsTo = (address: string) => mails.filter((mail) => mail.to.includes(address));
  const list = async (contactId: string): Promise<Listed[]> =>
    (
      await request(app.getHttpServer())
        .get('/notifications')
        .query({ contactId })
        .set('Authorization', `Bearer ${staff}`)
        .expect(200)
    ).body;
  const listWhen = (contactId: string, ready: (all: Listed[]) => boolean, what: string) =>
    eventually(
      async () => {
        const all = await list(contactId);
        return ready(all) ? all : undefined;
      },
      15_000,
      what,
    );
  const mailTo = (address: string, count = 1) =>
    eventually(
      async () => (mailsTo(address).length >= count ? mailsTo(address) : undefined),
      15_000,
      `mail to ${address}`,
    );
  const publishDecision = (decision: DecisionRecorded) =>
    broker.publish('decision.events', 'decision.recorded', MessageTypes.DecisionRecorded, {
      ...decision,
      items: [{ summary: MASH_ONLY, classification: 'mash-only' }],
    });
  const aContact = (): ContactReceived => {
    const contactId = randomUUID();
    const contact = aContactReceived({
      contactId,
      reference: `MASH-20240305-${contactId.slice(0, 6)}`,
      receivedAt: '2024-03-05T10:00:00.000Z',
    });
    contact.referrer = { ...contact.referrer, email: `ref-${contactId.slice(0, 8)}@school.example` };
    return contact;
  };
  const aDecision = (overrides: Partial<DecisionRecorded> = {}): DecisionRecorded => {
    const contactId = randomUUID();
    return aDecisionRecorded({
      contactId,
      reference: `MASH-20240305-${contactId.slice(0, 6)}`,
      decidedAt: clock.now().toISOString(),
      referrer: aLetterRecipient({
        email: `ref-${contactId.slice(0, 8)}@school.example`,
        phone: '020 7946 0000',
      }),
      children: [aLetterChild({ givenName: 'Дмитрий', familyName: 'Иванов' })],
      family: [
        { name: 'Ольга Иванова', role: 'parent', relationship: 'mother', phone: '020 7946 0001' },
        { name: 'محمد علي', role: 'parent', relationship: 'father', phone: '020 7946 0002' },
      ],
      ...overrides,
    });
  };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          void simpleParser(raw).then((parsed) => {
            mails.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              parsed,
              raw: raw.toString('utf8'),
            });
            callback();
          });
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const folder = mkdtempSync(join(tmpdir(), 'directory-'));
    writeFileSync(
      join(folder, 'teams.yaml'),
      `- { name: Croydon LADO, alert: lado, email: ${LADO} }\n- { name: Pat Worker, phone: '020 7946 0999' }\n`,
    );
    pg = await adminPg('notifications');
    await pg.query('TRUNCATE notifications, outbox, inbox');
    broker = await TestBroker.connect(adminAmqpUrl());
    await broker.purge('notifications.inbox');
    sent = await broker.capture<NotificationSent>(
      eventsExchange('notifications'),
      MessageTypes.NotificationSent,
    );
    const config = loadConfig(NotificationsConfig, {
      ...testServiceEnv('notifications'),
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      DISPATCH_POLL_MS: '50',
      MASH_PROFILE: 'northamptonshire',
      TEAM_DIRECTORY_FILE: join(folder, 'teams.yaml'),
    });
    app = await startService({
      service: 'notifications',
      module: AppModule.register(config, clock),
      config,
      title: 'notifications (test)',
      description: '',
      listen: false,
    });
    const secret = config.AUTH_DEV_SECRET!;
    staff = await issueDevelopmentToken({ roles: ['hub-operator'] }, secret);
    decisionMaker = await issueDevelopmentToken({ sub: 'dm-7', roles: ['decision-maker'] }, secret);
    officer = await issueDevelopmentToken({ roles: ['contact-officer'] }, secret);
  });

  afterAll(async () => {
    await app?.close();
    await broker?.close();
    await pg?.end();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  it('acknowledges a contact to the referrer within one working day: the reference and whom to call, nothing about the child', async () => {
    const contact = aContact();
    await broker.publish('intake.events', 'contact.received', MessageTypes.ContactReceived, {
      ...contact,
      items: [{ summary: MASH_ONLY, classification: 'mash-only' }],
    });
    const [mail] = await mailTo(contact.referrer.email!);
    expect(mail.parsed.subject).toContain(contact.reference);
    expect(mail.parsed.text).toContain('999');
    for (const child of contact.children) {
      expect(mail.raw).not.toContain(child.givenName);
      expect(mail.raw).not.toContain(child.familyName);
    }
    expect(mail.raw).not.toContain(contact.concern.summary);
    expect(mail.raw).not.toContain('MASH-ONLY');
    expect(mail.parsed.attachments).toHaveLength(0);
    const [ack] = await listWhen(
      contact.contactId,
      (all) => all[0]?.status === 'sent',
      'the acknowledgement sent',
    );
    expect(ack).toMatchObject({ kind: 'acknowledgement', recipient: 'referrer', channel: 'email' });
    expect(ack.dueAt).toBe('2024-03-06T10:00:00.000Z'); // one working day on
  });

  it('emails the LADO alert from the directory, and leaves a worker with no address to be alerted by hand, saying so', async () => {
    const contact = aContact();
    const screened = aContactScreened({
      contactId: contact.contactId,
      contact,
      alerts: [
        { kind: 'lado', childIndex: null, to: null, dueAt: '2024-03-05T12:00:00.000Z' },
        { kind: 'allocated-worker', childIndex: 0, to: 'Pat Worker', dueAt: '2024-03-05T12:00:00.000Z' },
      ],
    });
    await broker.publish('triage.events', 'contact.screened', MessageTypes.ContactScreened, screened);
    const [alert] = (await mailTo(LADO)).filter((mail) => mail.parsed.subject?.includes(contact.reference));
    expect(alert.parsed.text).toContain(contact.reference);
    expect(alert.raw).not.toContain('MASH-ONLY');
    const all = await listWhen(
      contact.contactId,
      (rows) => rows.some((n) => n.recipient === 'lado' && n.status === 'sent'),
      'the LADO alert sent',
    );
    const byHand = all.find((n) => n.recipient === 'allocated-worker')!;
    expect(byHand).toMatchObject({ kind: 'alert', status: 'send-by-hand', sentAt: null });
    const detail = await request(app.getHttpServer())
      .get(`/notifications/${byHand.id}`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(detail.body.reason).toContain('send it by hand');
    const [event] = await sent.waitFor(
      1,
      (m) => m.body.contactId === contact.contactId && m.body.kind === 'alert',
    );
    expect(event.body).toMatchObject({ recipient: 'lado', alertIndex: 0 });

    // Staff send it by hand and record it: it then counts as sent, and the record hears so.
    await request(app.getHttpServer())
      .post(`/notifications/${byHand.id}/sent-by-hand`)
      .set('Authorization', `Bearer ${staff}`)
      .send({ note: 'Phoned and emailed Pat' })
      .expect(200)
      .expect((res) => expect(res.body).toMatchObject({ status: 'sent', note: 'Phoned and emailed Pat' }));
    await sent.waitFor(1, (m) => m.body.notificationId === byHand.id && m.body.alertIndex === 1);
  });

  it('a strategy discussion: no email or letter to anyone, a phone task each for the referrer and the family, marked done or not done', async () => {
    const decision = aDecision({ outcome: 's47-strategy-discussion' });
    await publishDecision(decision);
    const tasks = await listWhen(decision.contactId, (all) => all.length === 2, 'two phone tasks');
    expect(tasks.map((n) => [n.kind, n.recipient, n.channel, n.status])).toEqual([
      ['phone-task', 'referrer', 'phone', 'to-do'],
      ['phone-task', 'family', 'phone', 'to-do'],
    ]);
    const [referrerTask, familyTask] = tasks;
    const detail = await request(app.getHttpServer())
      .get(`/notifications/${familyTask.id}`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(detail.body.callList.map((c: { phone: string }) => c.phone)).toEqual([
      '020 7946 0001',
      '020 7946 0002',
    ]);
    expect(detail.body.hasDocument).toBe(false);

    // Only those who make the calls may mark them; the note and reason are required.
    await request(app.getHttpServer())
      .post(`/notifications/${referrerTask.id}/done`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ note: 'x' })
      .expect(403);
    const blank = await request(app.getHttpServer())
      .post(`/notifications/${referrerTask.id}/done`)
      .set('Authorization', `Bearer ${decisionMaker}`)
      .send({ note: '   ' })
      .expect(400);
    expect(JSON.stringify(blank.body)).toContain('note');

    const done = await request(app.getHttpServer())
      .post(`/notifications/${referrerTask.id}/done`)
      .set('Authorization', `Bearer ${decisionMaker}`)
      .send({ note: 'Told Ms Teacher of the strategy discussion' })
      .expect(200);
    expect(done.body).toMatchObject({
      status: 'done',
      doneBy: 'dm-7',
      note: 'Told Ms Teacher of the strategy discussion',
    });
    expect(done.body.doneAt).toBe(clock.now().toISOString());
    await request(app.getHttpServer())
      .post(`/notifications/${referrerTask.id}/not-done`)
      .set('Authorization', `Bearer ${decisionMaker}`)
      .send({ reason: 'changed my mind' })
      .expect(409);
    await sent.waitFor(1, (m) => m.body.notificationId === referrerTask.id && m.body.kind === 'phone-task');

    // The family's call is still to do: once due, it is on the overdue list.
    clock.advance(2 * 24 * 60 * 60_000);
    const overdue = await request(app.getHttpServer())
      .get('/notifications')
      .query({ overdue: 'true' })
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(overdue.body.map((n: Listed) => n.id)).toContain(familyTask.id);
    expect(overdue.body.map((n: Listed) => n.id)).not.toContain(referrerTask.id);
    const notDone = await request(app.getHttpServer())
      .post(`/notifications/${familyTask.id}/not-done`)
      .set('Authorization', `Bearer ${decisionMaker}`)
      .send({ reason: 'No answer on either number; a social worker will visit' })
      .expect(200);
    expect(notDone.body).toMatchObject({
      status: 'not-done',
      reason: 'No answer on either number; a social worker will visit',
    });
    clock.set('2024-03-05T10:00:00.000Z');

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(decision.referrer.email!)).toHaveLength(0);
  });

  it('early help: the referrer’s email with the letter naming who leads, and a letter to each parent, printed as written', async () => {
    const decision = aDecision({
      outcome: 'early-help',
      receivingTeam: { name: 'Early Help North', phone: '020 7946 0100', email: null },
      rationaleForReferrer: 'The family asked for support with routines.',
    });
    await publishDecision(decision);
    const [mail] = await mailTo(decision.referrer.email!);
    const letter = (await pdfParse(mail.parsed.attachments[0].content)).text.replace(/\s+/g, ' ');
    expect(letter).toContain('Early Help North');
    expect(letter).toContain('The family asked for support with routines.'); // Northamptonshire sends the rationale
    expect(letter).toContain('Дмитрий Иванов');
    expect(letter).not.toContain('MASH-ONLY');
    const all = await listWhen(decision.contactId, (rows) => rows.length === 3, 'three notifications');
    const family = all.filter((n) => n.recipient === 'family');
    expect(family.map((n) => [n.kind, n.channel, n.status])).toEqual([
      ['outcome-letter', 'post', 'ready-to-post'],
      ['outcome-letter', 'post', 'ready-to-post'],
    ]);
    const texts = await Promise.all(
      family.map(async (n) => {
        const document = await request(app.getHttpServer())
          .get(`/notifications/${n.id}/document`)
          .set('Authorization', `Bearer ${staff}`)
          .responseType('blob')
          .expect(200);
        return (await pdfParse(document.body as Buffer)).text.replace(/\s+/g, ' ');
      }),
    );
    expect(texts.join(' ')).toContain('Dear Ольга Иванова,');
    // Each Arabic word reads back as written; a run of several is laid out right to left, so a text
    // extractor that does not reorder (pdf.js 1.10 here) gives the words in visual order.
    expect(texts.join(' ')).toContain('محمد');
    expect(texts.join(' ')).toContain('علي');
    expect(texts.join(' ')).not.toContain('MASH-ONLY');
  });

  it('never writes to the family when the decision maker recorded why not, and keeps the reason', async () => {
    const reason = 'Telling the parents would prejudice the police enquiry';
    const decision = aDecision({ outcome: 's17-assessment', familyNotToldReason: reason });
    await publishDecision(decision);
    const all = await listWhen(decision.contactId, (rows) => rows.length === 2, 'outcome and withheld');
    const withheld = all.find((n) => n.recipient === 'family')!;
    expect(withheld.status).toBe('withheld');
    const detail = await request(app.getHttpServer())
      .get(`/notifications/${withheld.id}`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(detail.body).toMatchObject({ reason, hasDocument: false });
  });

  it('a LADO outcome: the LADO is told first, then the referrer’s letter that says so', async () => {
    const decision = aDecision({ outcome: 'lado' });
    await publishDecision(decision);
    await mailTo(decision.referrer.email!);
    const lado = mails.findIndex(
      (m) => m.to.includes(LADO) && m.parsed.subject?.includes(decision.reference),
    );
    const referrer = mails.findIndex((m) => m.to.includes(decision.referrer.email!));
    expect(lado).toBeGreaterThanOrEqual(0);
    expect(lado).toBeLessThan(referrer);
  });

  it('a consultation: the summary of the advice to the person who asked, no outcome letter (Bexley 5 and 6)', async () => {
    const decision = aDecision({
      requestType: 'advice',
      outcome: 'no-further-action',
      adviceGiven: 'Speak to the school nurse, and call us again if the bruising recurs.',
    });
    await publishDecision(decision);
    const [mail] = await mailTo(decision.referrer.email!);
    expect(mail.parsed.subject).toContain('Summary of your consultation');
    const summary = (await pdfParse(mail.parsed.attachments[0].content)).text.replace(/\s+/g, ' ');
    expect(summary).toContain('Speak to the school nurse');
    const all = await list(decision.contactId);
    expect(all.map((n) => n.kind)).toEqual(['consultation-summary']);
  });

  it('lists every kind with recipient, channel, status, due and sent times, and refuses a list of nothing', async () => {
    const contact = aContact();
    await broker.publish('intake.events', 'contact.received', MessageTypes.ContactReceived, contact);
    await broker.publish(
      'triage.events',
      'contact.screened',
      MessageTypes.ContactScreened,
      aContactScreened({
        contactId: contact.contactId,
        contact,
        alerts: [{ kind: 'lado', childIndex: null, to: null, dueAt: '2024-03-05T12:00:00.000Z' }],
      }),
    );
    await publishDecision(
      aDecision({ contactId: contact.contactId, reference: contact.reference, outcome: 'no-further-action' }),
    );
    const all = await listWhen(contact.contactId, (rows) => rows.length === 5, 'five notifications');
    expect(new Set(all.map((n) => n.kind))).toEqual(
      new Set(['acknowledgement', 'alert', 'outcome-email', 'outcome-letter']),
    );
    for (const n of all)
      expect(Object.keys(n)).toEqual(
        expect.arrayContaining(['recipient', 'channel', 'status', 'dueAt', 'sentAt']),
      );
    await request(app.getHttpServer())
      .get('/notifications')
      .set('Authorization', `Bearer ${staff}`)
      .expect(400);
  });
});
