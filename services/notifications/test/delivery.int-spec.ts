import { INestApplication } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { SMTPServer, SMTPServerOptions } from 'smtp-server';
import request from 'supertest';
import { DecisionRecorded, MessageTypes } from '@mash/contracts';
import { aDecisionRecorded, aLetterChild, aLetterRecipient } from '@mash/contracts/testing';
import { startService } from '@mash/messaging';
import { issueDevelopmentToken, loadConfig, ManualClock } from '@mash/platform';
import { eventually, TestBroker } from '../../../test-support/broker';
import { adminAmqpUrl, adminPg, testServiceEnv } from '../../../test-support/env';
import { AppModule } from '../src/app.module';
import { NotificationsConfig } from '../src/config';

/**
 * Delivery that can be trusted (issue 13): a real SMTP server in the test that is down, slow, and then up
 * again; each email arrives exactly once, with the Message-ID made from its notification id. And TLS:
 * with SMTP_REQUIRE_TLS a server that offers no STARTTLS gets nothing; one that does gets it encrypted.
 */

const TIMEOUT_MS = 300;
const MINUTE = 60_000;

interface Received {
  to: string[];
  messageId: string | undefined;
  secure: boolean;
}

type Mode = 'up' | 'slow-before-data' | 'slow-after-data';

/** A real SMTP server on a fixed port that can be stopped, slowed and started again. */
class ControllableSmtp {
  readonly received: Received[] = [];
  mode: Mode = 'up';
  private server?: SMTPServer;

  constructor(
    readonly port: number,
    private readonly tls?: { key: Buffer; cert: Buffer } | 'none',
  ) {}

  static async freePort(): Promise<number> {
    const probe = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.server.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return port;
  }

  async start(): Promise<void> {
    const options: SMTPServerOptions = {
      authOptional: true,
      logger: false,
      disabledCommands: this.tls && this.tls !== 'none' ? ['AUTH'] : ['STARTTLS', 'AUTH'],
      ...(this.tls && this.tls !== 'none' ? { key: this.tls.key, cert: this.tls.cert } : {}),
      onMailFrom: (_address, _session, callback) => {
        // Slow before the message: the client gives up before sending it, so nothing is received.
        if (this.mode === 'slow-before-data') setTimeout(() => callback(), TIMEOUT_MS * 6);
        else callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          void simpleParser(Buffer.concat(chunks)).then((parsed) => {
            this.received.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              messageId: parsed.messageId,
              secure: session.secure,
            });
            // Slow after the message: it is received, but the client times out waiting for the answer.
            if (this.mode === 'slow-after-data') setTimeout(() => callback(), TIMEOUT_MS * 6);
            else callback();
          });
        });
      },
    };
    this.server = new SMTPServer(options);
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): Received[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }
}

function aDecisionFor(overrides: Partial<DecisionRecorded> = {}): DecisionRecorded {
  const contactId = randomUUID();
  return aDecisionRecorded({
    contactId,
    reference: `MASH-20240304-${contactId.slice(0, 6)}`,
    referrer: aLetterRecipient({ name: 'Ann Smith', email: `dsl-${contactId.slice(0, 8)}@hill.example` }),
    children: [aLetterChild({ givenName: 'Amelia', familyName: 'Quigley' })],
    outcome: 'transfer-to-allocated-worker',
    ...overrides,
  });
}

interface Listed {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  sentAt: string | null;
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
  const token = await issueDevelopmentToken({ roles: ['hub-operator'] }, config.AUTH_DEV_SECRET!);
  return { app, token };
}

describe('delivery through a mail server that is down, slow, then up again', () => {
  const clock = new ManualClock(new Date('2024-03-05T10:00:00.000Z'));
  let smtp: ControllableSmtp;
  let app: INestApplication;
  let token: string;
  let broker: TestBroker;
  let pg: Client;

  const listed = async (contactId: string): Promise<Listed> => {
    const { body } = await request(app.getHttpServer())
      .get('/notifications')
      .query({ contactId })
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    return (body as Listed[]).find((n) => n.kind === 'outcome-email')!;
  };
  const afterAttempts = (contactId: string, attempts: number) =>
    eventually(
      async () => {
        const n = await listed(contactId);
        return n && n.attempts >= attempts ? n : undefined;
      },
      15_000,
      `attempt ${attempts}`,
    );
  const sentNotification = (contactId: string) =>
    eventually(
      async () => {
        const n = await listed(contactId);
        return n?.status === 'sent' ? n : undefined;
      },
      15_000,
      'the email sent',
    );
  const lastError = async (id: string) =>
    (await pg.query('SELECT last_error FROM notifications WHERE id = $1', [id])).rows[0].last_error as string;
  /** Lets the dispatcher poll a few more times: if a second email were to go, it would go now. */
  const morePolls = async () => {
    clock.advance(24 * 60 * MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 400));
  };

  beforeAll(async () => {
    smtp = new ControllableSmtp(await ControllableSmtp.freePort());
    pg = await adminPg('notifications');
    await pg.query('TRUNCATE notifications, outbox, inbox');
    broker = await TestBroker.connect(adminAmqpUrl());
    await broker.purge('notifications.inbox');
    ({ app, token } = await bootApp(
      {
        ...testServiceEnv('notifications'),
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        SMTP_TIMEOUT_MS: String(TIMEOUT_MS),
        DISPATCH_POLL_MS: '50',
      },
      clock,
    ));
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.stop();
    await broker?.close();
    await pg?.end();
  });

  it('keeps an email while the server is down, and sends it exactly once when it is back', async () => {
    const decision = aDecisionFor();
    await broker.publish('decision.events', 'decision.recorded', MessageTypes.DecisionRecorded, decision);
    const failed = await afterAttempts(decision.contactId, 1);
    expect(failed).toMatchObject({ status: 'queued', sentAt: null });
    // nodemailer's code for a refused connection (never the address or the server's text).
    expect(await lastError(failed.id)).toMatch(/^(ESOCKET|ECONNECTION)$/);
    expect(smtp.received).toHaveLength(0);

    await smtp.start();
    clock.advance(MINUTE); // the first back-off
    const sent = await sentNotification(decision.contactId);
    expect(sent.attempts).toBe(2);
    await morePolls();
    expect(smtp.to(decision.referrer.email!)).toHaveLength(1);
    expect(smtp.to(decision.referrer.email!)[0].messageId).toBe(`<${sent.id}@mash-hub>`);
  });

  it('gives up on a server that is slow before the message, and sends it exactly once when it answers', async () => {
    smtp.mode = 'slow-before-data';
    const decision = aDecisionFor();
    await broker.publish('decision.events', 'decision.recorded', MessageTypes.DecisionRecorded, decision);
    const timedOut = await afterAttempts(decision.contactId, 1);
    expect(timedOut.status).toBe('queued');
    expect(await lastError(timedOut.id)).toMatch(/^ETIMEDOUT|^ESOCKET|^ECONNECTION/);
    expect(smtp.to(decision.referrer.email!)).toHaveLength(0);

    smtp.mode = 'up';
    clock.advance(MINUTE);
    await sentNotification(decision.contactId);
    await morePolls();
    expect(smtp.to(decision.referrer.email!)).toHaveLength(1);
  });

  it('resends an email whose acceptance timed out with the same Message-ID, so the receiver keeps one', async () => {
    // The server has the message but answers too late: SMTP cannot tell the sender it arrived. The resend
    // carries the same Message-ID (RFC 5322), which is how a receiving system recognises the copy.
    smtp.mode = 'slow-after-data';
    const decision = aDecisionFor();
    await broker.publish('decision.events', 'decision.recorded', MessageTypes.DecisionRecorded, decision);
    const first = await afterAttempts(decision.contactId, 1);
    expect(first.status).toBe('queued');

    smtp.mode = 'up';
    clock.advance(MINUTE);
    const sent = await sentNotification(decision.contactId);
    await morePolls();
    const copies = smtp.to(decision.referrer.email!);
    expect(copies.length).toBeGreaterThanOrEqual(1);
    expect(new Set(copies.map((mail) => mail.messageId))).toEqual(new Set([`<${sent.id}@mash-hub>`]));
  });
});

describe('SMTP over TLS', () => {
  const clock = new ManualClock(new Date('2024-03-06T10:00:00.000Z'));
  const folder = mkdtempSync(join(tmpdir(), 'smtp-tls-'));
  let port: number;
  let app: INestApplication;
  let token: string;
  let broker: TestBroker;
  let key: Buffer;
  let cert: Buffer;

  beforeAll(async () => {
    // A certificate for 127.0.0.1, trusted through SMTP_TLS_CA_FILE (a private CA, as a hub's may be).
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(folder, 'key.pem'),
        '-out',
        join(folder, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    key = readFileSync(join(folder, 'key.pem'));
    cert = readFileSync(join(folder, 'cert.pem'));
    port = await ControllableSmtp.freePort();
    broker = await TestBroker.connect(adminAmqpUrl());
    await broker.purge('notifications.inbox');
    ({ app, token } = await bootApp(
      {
        ...testServiceEnv('notifications'),
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        SMTP_REQUIRE_TLS: 'true',
        SMTP_TLS_CA_FILE: join(folder, 'cert.pem'),
        SMTP_TIMEOUT_MS: String(TIMEOUT_MS * 3),
        DISPATCH_POLL_MS: '50',
      },
      clock,
    ));
  });

  afterAll(async () => {
    await app?.close();
    await broker?.close();
  });

  it('with SMTP_REQUIRE_TLS sends nothing to a server without STARTTLS, and sends it encrypted once one offers it', async () => {
    const plain = new ControllableSmtp(port, 'none');
    await plain.start();
    const decision = aDecisionFor();
    await broker.publish('decision.events', 'decision.recorded', MessageTypes.DecisionRecorded, decision);
    const list = async () =>
      (
        (
          await request(app.getHttpServer())
            .get('/notifications')
            .query({ contactId: decision.contactId })
            .set('Authorization', `Bearer ${token}`)
            .expect(200)
        ).body as Listed[]
      ).find((n) => n.kind === 'outcome-email');
    const refused = await eventually(
      async () => ((await list())?.attempts ? await list() : undefined),
      15_000,
    );
    expect(refused).toMatchObject({ status: 'queued', attempts: 1 });
    expect(plain.received).toHaveLength(0);
    await plain.stop();

    const secure = new ControllableSmtp(port, { key, cert });
    await secure.start();
    clock.advance(MINUTE);
    await eventually(
      async () => ((await list())?.status === 'sent' ? true : undefined),
      15_000,
      'sent over TLS',
    );
    expect(secure.received).toHaveLength(1);
    expect(secure.received[0].secure).toBe(true);
    await secure.stop();
  });
});
