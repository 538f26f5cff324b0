import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Client } from 'pg';
import { startService } from '@mash/messaging';
import { loadConfig, ManualClock } from '@mash/platform';
import { AppModule } from '../src/app.module';
import { IntakeConfig } from '../src/config';
import { testServiceEnv, adminPg } from '../../../test-support/env';
import { Capture, TestBroker } from '../../../test-support/broker';

/** The API.md example, as a referrer's portal would send it. */
function aReferral(overrides: Record<string, unknown> = {}) {
  return {
    source: 'school',
    channel: 'portal',
    requestType: 'safeguarding',
    referrer: {
      name: 'Ann Smith',
      role: 'Designated Safeguarding Lead',
      organisation: 'Hill Primary',
      email: 'a.smith@hill.example',
      phone: '020 7946 0000',
      relationshipToChild: 'teacher',
    },
    children: [
      {
        givenName: 'Amy',
        familyName: 'Jones',
        dateOfBirth: '2016-03-04',
        gender: 'female',
        address: { line1: '1 High St', town: 'Croydon', postcode: 'CR0 1AA' },
        nhsNumber: null,
        upn: null,
        school: 'Hill Primary',
      },
    ],
    adults: [
      {
        givenName: 'Beth',
        familyName: 'Jones',
        dateOfBirth: '1990-01-02',
        relationship: 'mother',
        parentalResponsibility: true,
        livesWithChild: true,
        allegedPerpetrator: false,
      },
    ],
    concern: {
      summary: 'Amy came to school with a bruise and said she is scared to go home.',
      categories: ['neglect'],
      immediateDanger: false,
      allegationAgainstProfessional: false,
      childSaid: 'I do not want to go home',
      safetyScale: 4,
    },
    consent: { status: 'given', givenBy: 'mother' },
    ...overrides,
  };
}

describe('intake (real broker and database)', () => {
  let app: INestApplication;
  let broker: TestBroker;
  let db: Client;
  let received: Capture<Record<string, unknown>>;
  const clock = new ManualClock(new Date('2026-11-20T10:15:00Z'));

  beforeAll(async () => {
    db = await adminPg('intake');
    await db.query('TRUNCATE contacts, outbox, inbox');
    broker = await TestBroker.connect();
    received = await broker.capture('intake.events', 'contact.received');
    const config = loadConfig(IntakeConfig, testServiceEnv('intake'));
    app = await startService({
      service: 'intake',
      module: AppModule.register(config, clock),
      config,
      title: 'intake',
      description: '',
    });
  });

  afterAll(async () => {
    await app?.close();
    await broker?.close();
    await db?.end();
  });

  async function storedCounts() {
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM contacts)::int AS contacts, (SELECT count(*) FROM outbox)::int AS outbox`,
    );
    return rows[0] as { contacts: number; outbox: number };
  }

  it('records a valid contact, answers 201 with a reference and publishes contact.received with the wire properties', async () => {
    const response = await request(app.getHttpServer())
      .post('/contacts')
      .set('traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')
      .send(aReferral())
      .expect(201);
    expect(response.body).toEqual({
      contactId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      receivedAt: '2026-11-20T10:15:00.000Z',
      reference: expect.stringMatching(/^MASH-20261120-\d{6}$/),
    });

    const [message] = await received.waitFor(1, (m) => m.body.contactId === response.body.contactId);
    expect(message.properties).toMatchObject({
      type: 'contact.received',
      correlationId: response.body.contactId,
      contentType: 'application/json',
      deliveryMode: 2,
      headers: expect.objectContaining({ 'schema-version': '1' }),
    });
    expect(message.properties.messageId).toEqual(expect.any(String));
    // One trace follows the contact: the referrer's traceparent continues into the message.
    expect(String(message.properties.headers?.traceparent)).toContain('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(message.body).toMatchObject({
      reference: response.body.reference,
      children: [expect.objectContaining({ givenName: 'Amy' })],
    });
  });

  it('accepts a child with only an approximate age, and one with neither a date of birth nor an age (issue 17)', async () => {
    const response = await request(app.getHttpServer())
      .post('/contacts')
      .send(
        aReferral({
          children: [
            { givenName: 'Amy', familyName: 'Jones', approximateAge: { schoolYear: 'year-3' } },
            { givenName: 'Ben', familyName: 'Jones' },
          ],
        }),
      )
      .expect(201);
    const [message] = await received.waitFor(1, (m) => m.body.contactId === response.body.contactId);
    expect(message.body).toMatchObject({
      children: [
        expect.objectContaining({ givenName: 'Amy', approximateAge: { schoolYear: 'year-3' } }),
        expect.objectContaining({ givenName: 'Ben' }),
      ],
    });
  });

  it.each([
    [
      'an impossible date',
      { children: [{ ...aReferral().children[0], dateOfBirth: '2016-02-30' }] },
      'children[0].dateOfBirth',
    ],
    [
      'an approximate age beside a date of birth',
      { children: [{ ...aReferral().children[0], approximateAge: { years: 7 } }] },
      'children[0].approximateAge',
    ],
    [
      'an age of 18 or more for a child',
      { children: [{ givenName: 'Amy', familyName: 'Jones', approximateAge: { years: 18 } }] },
      'children[0].approximateAge.years',
    ],
    [
      'an unborn child without a due date',
      { children: [{ givenName: 'Baby', familyName: 'Jones', unborn: true }] },
      'children[0].expectedDueDate',
    ],
    ['an unknown source', { source: 'carrier-pigeon' }, 'source'],
    [
      'an unknown concern category',
      { concern: { ...aReferral().concern, categories: ['bad-vibes'] } },
      'concern.categories',
    ],
    [
      'an oversized summary',
      { concern: { ...aReferral().concern, summary: 'x'.repeat(10_001) } },
      'concern.summary',
    ],
    [
      'a misspelt field',
      { children: [{ ...aReferral().children[0], dateofBirth: '2016-03-04' }] },
      'children[0].dateofBirth',
    ],
    [
      'a child born in the future',
      { children: [{ ...aReferral().children[0], dateOfBirth: '2027-01-01' }] },
      'children[0].dateOfBirth',
    ],
    ['no children', { children: [] }, 'children'],
    ['refused consent without a reason', { consent: { status: 'refused' } }, 'consent.reason'],
  ])(
    'refuses %s with problem details naming the field, and stores nothing',
    async (_case, overrides, field) => {
      const before = await storedCounts();
      const response = await request(app.getHttpServer())
        .post('/contacts')
        .send(aReferral(overrides))
        .expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        status: 400,
        type: expect.stringContaining('validation-failed'),
      });
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      // Problem details name the field and rule, never echo the child's details back.
      expect(JSON.stringify(response.body)).not.toContain('Jones');
      expect(await storedCounts()).toEqual(before);
    },
  );

  it('answers a body that is not JSON, or too large, with problem details and stores nothing', async () => {
    const before = await storedCounts();
    const notJson = await request(app.getHttpServer())
      .post('/contacts')
      .set('content-type', 'application/json')
      .send('{"children": [{"givenName": "Amy"')
      .expect(400);
    expect(notJson.body).toMatchObject({ status: 400, detail: 'the request body is not valid JSON' });
    expect(JSON.stringify(notJson.body)).not.toContain('Amy');
    const tooLarge = await request(app.getHttpServer())
      .post('/contacts')
      .send(aReferral({ concern: { ...aReferral().concern, summary: 'x'.repeat(2_000_000) } }))
      .expect(413);
    expect(tooLarge.headers['content-type']).toContain('application/problem+json');
    expect(await storedCounts()).toEqual(before);
  });

  it('accepts an unborn child with an expected due date', async () => {
    await request(app.getHttpServer())
      .post('/contacts')
      .send(
        aReferral({
          children: [{ givenName: 'Baby', familyName: 'Jones', unborn: true, expectedDueDate: '2027-02-01' }],
        }),
      )
      .expect(201);
  });

  it('a repeated submission with the same Idempotency-Key records one contact', async () => {
    const first = await request(app.getHttpServer())
      .post('/contacts')
      .set('Idempotency-Key', 'portal-abc-1')
      .send(aReferral())
      .expect(201);
    const before = await storedCounts();
    const second = await request(app.getHttpServer())
      .post('/contacts')
      .set('Idempotency-Key', 'portal-abc-1')
      .send(aReferral())
      .expect(201);
    expect(second.body.contactId).toBe(first.body.contactId);
    expect(await storedCounts()).toEqual(before);
  });

  it('serves health, metrics and its OpenAPI document', async () => {
    const health = await request(app.getHttpServer()).get('/health').expect(200);
    expect(health.body.checks).toEqual({ database: 'up', 'broker-publisher': 'up' });
    const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toContain('mash_messages_published_total{type="contact.received"}');
    const docs = await request(app.getHttpServer()).get('/docs').expect(200);
    expect(docs.body.paths['/contacts'].post).toBeDefined();
  });
});
