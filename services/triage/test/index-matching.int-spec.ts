import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import request from 'supertest';
import { aChild, aContactReceived, anAdult, anUnbornChild } from '@mash/contracts/testing';
import {
  CheckRequested,
  ContactReceived,
  ContactScreened,
  eventsExchange,
  MessageTypes,
} from '@mash/contracts';
import { startService } from '@mash/messaging';
import { issueDevelopmentToken, loadConfig, ManualClock } from '@mash/platform';
import { AppModule } from '../src/app.module';
import { TriageConfig } from '../src/config';
import { adminPg, testServiceEnv } from '../../../test-support/env';
import { Capture, CapturedMessage, TestBroker } from '../../../test-support/broker';

/**
 * Issue 17 on the real broker and database: the social care index searched with the hub's matcher,
 * possible matches put to a contact officer through the JSON API, unborn children found by the
 * mother's record, children referred with only an age or with nothing known of their age.
 */
const QUEUE = 'triage.contacts';
const NOW = '2026-12-04T10:00:00.000Z';
const HOME = { line1: '14 Elm Road', town: 'Croydon', postcode: 'CR0 2AB' };

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({
    status: 'open',
    allocatedWorker: 'Sam Worker',
    team: 'Children in Need Team 2',
    ...fields,
  });

const INDEX = [
  // Kasia Nowak's open case, under her formal name.
  line({
    recordId: 'SC-KN',
    givenName: 'Katarzyna',
    familyName: 'Nowak',
    dateOfBirth: '2015-06-20',
    address: HOME,
    familyId: 'FAM-N',
  }),
  // Her brother, of the same family group.
  line({
    recordId: 'SC-KN-BROTHER',
    givenName: 'Piotr',
    familyName: 'Nowak',
    dateOfBirth: '2012-02-11',
    status: 'closed',
    allocatedWorker: null,
    closedAt: '2024-01-10',
    familyId: 'FAM-N',
  }),
  // Recorded with day and month the other way round.
  line({
    recordId: 'SC-AB',
    givenName: 'Amelia',
    familyName: 'Bright',
    dateOfBirth: '2016-04-03',
    address: HOME,
    allocatedWorker: 'Ana Worker',
  }),
  // Under her mother's new name at another address (only the matcher's household or name change could find her).
  line({
    recordId: 'SC-LO',
    givenName: 'Leah',
    familyName: 'Okafor',
    dateOfBirth: '2017-09-14',
    address: { line1: '3 Ash Close', postcode: 'SE25 4QT' },
    allocatedWorker: 'Lee Worker',
  }),
  // Year 4 in 2026/27: born September 2017 to August 2018.
  line({
    recordId: 'SC-TZ',
    givenName: 'Tomasz',
    familyName: 'Zielinski',
    dateOfBirth: '2018-01-30',
    address: HOME,
    allocatedWorker: 'Tia Worker',
  }),
  // A namesake of another age at the same postcode.
  line({
    recordId: 'SC-TZ-OLD',
    givenName: 'Tomasz',
    familyName: 'Zielinski',
    dateOfBirth: '2009-05-05',
    address: { line1: '99 Elm Road', postcode: 'CR0 2AB' },
    status: 'closed',
    allocatedWorker: null,
    closedAt: '2020-01-01',
  }),
  // A pre-birth case: the mother's record and the due date.
  line({
    recordId: 'SC-UNBORN',
    givenName: 'Unborn',
    familyName: 'Mensah',
    unborn: true,
    expectedDueDate: '2027-03-01',
    address: HOME,
    allocatedWorker: 'Una Worker',
    mother: { givenName: 'Abena', familyName: 'Mensah', dateOfBirth: '1995-07-07' },
    familyId: 'FAM-M',
  }),
  line({
    recordId: 'SC-MENSAH-SISTER',
    givenName: 'Efua',
    familyName: 'Mensah',
    dateOfBirth: '2019-10-10',
    address: HOME,
    status: 'closed',
    allocatedWorker: null,
    closedAt: '2025-01-01',
    mother: { givenName: 'Abena', familyName: 'Mensah', dateOfBirth: '1995-07-07' },
  }),
].join('\n');

describe('triage: the social care index searched with the matcher (real broker and database)', () => {
  let app: INestApplication;
  let broker: TestBroker;
  let db: Client;
  let published: Capture<Record<string, unknown>>;
  let config: TriageConfig;
  const clock = new ManualClock(new Date(NOW));
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await adminPg('triage');
    await db.query(
      'TRUNCATE social_care_index, social_care_index_mothers, index_match_reviews, screenings, outbox, inbox',
    );
    broker = await TestBroker.connect();
    await broker.purge(QUEUE);
    published = await broker.capture(eventsExchange('triage'), '#');
    config = loadConfig(TriageConfig, testServiceEnv('triage'));
    app = await startService({
      service: 'triage',
      module: AppModule.register(config, clock),
      config,
      title: '',
      description: '',
      listen: false,
    });
    for (const role of ['hub-operator', 'contact-officer', 'decision-maker']) {
      tokens[role] = await issueDevelopmentToken(
        { roles: [role as never], sub: `${role}-1` },
        config.AUTH_DEV_SECRET!,
      );
    }
    await request(app.getHttpServer())
      .post('/social-care-index/import')
      .set('Content-Type', 'application/x-ndjson')
      .set('Authorization', `Bearer ${tokens['hub-operator']}`)
      .send(INDEX)
      .expect(200, { imported: 8 });
  });

  afterAll(async () => {
    await app?.close();
    await broker?.close();
    await db?.end();
  });

  const publishContact = (contact: ContactReceived) =>
    broker.publish(
      eventsExchange('intake'),
      MessageTypes.ContactReceived,
      MessageTypes.ContactReceived,
      contact,
    );
  const ofType = (type: string, contactId: string) => (message: CapturedMessage<Record<string, unknown>>) =>
    message.properties.correlationId === contactId && message.properties.type === type;
  const screenedOf = async (contactId: string) =>
    (await published.waitFor(1, ofType(MessageTypes.ContactScreened, contactId)))[0]
      .body as unknown as ContactScreened;
  const api = () => request(app.getHttpServer());
  const as = (role: string) => ({ Authorization: `Bearer ${tokens[role]}` });
  const heldFor = async (contactId: string) => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { rows } = await db.query('SELECT 1 FROM index_match_reviews WHERE contact_id = $1', [contactId]);
      if (rows.length) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the contact was not held for review');
  };
  const contactAbout = (children: ContactReceived['children'], adults: ContactReceived['adults'] = []) =>
    aContactReceived({ contactId: randomUUID(), receivedAt: NOW, children, adults });

  it('finds "Kasia Nowak" as Katarzyna Nowak’s open case and routes her to the allocated worker, with the reasons and her brother linked', async () => {
    const contact = contactAbout([
      aChild({ givenName: 'Kasia', familyName: 'Nowak', dateOfBirth: '2015-06-20', address: HOME }),
    ]);
    await publishContact(contact);
    const screened = await screenedOf(contact.contactId);
    expect(screened.route).toBe('transfer-to-allocated-worker');
    expect(screened.socialCareIndex[0]).toMatchObject({
      known: true,
      recordId: 'SC-KN',
      allocatedWorker: 'Sam Worker',
      match: 'match',
      reasons: expect.arrayContaining(['given name is a short form or other form of the same name']),
      linkedRecords: [{ recordId: 'SC-KN-BROTHER', status: 'closed', linkedBy: 'family' }],
    });
    expect(screened.alerts).toEqual([
      expect.objectContaining({ kind: 'allocated-worker', to: 'Sam Worker' }),
    ]);
  });

  it('holds a contact whose child may be a record (day and month transposed) until a contact officer confirms it, then routes to the worker', async () => {
    const contact = contactAbout([
      aChild({ givenName: 'Amelia', familyName: 'Bright', dateOfBirth: '2016-03-04', address: HOME }),
    ]);
    await publishContact(contact);
    await heldFor(contact.contactId);
    expect(published.messages.filter(ofType(MessageTypes.ContactScreened, contact.contactId))).toHaveLength(
      0,
    );

    const list = await api().get('/index-matches').set(as('contact-officer')).expect(200);
    expect(list.body).toContainEqual(
      expect.objectContaining({ contactId: contact.contactId, childrenToReview: 1, candidatesToReview: 1 }),
    );
    expect(JSON.stringify(list.body)).not.toContain('Amelia');

    const held = await api()
      .get(`/index-matches/${contact.contactId}`)
      .set(as('contact-officer'))
      .expect(200);
    expect(held.headers['cache-control']).toBe('no-store');
    expect(held.body.children[0]).toMatchObject({
      childIndex: 0,
      settled: false,
      child: { givenName: 'Amelia', dateOfBirth: '2016-03-04' },
      candidates: [
        {
          recordId: 'SC-AB',
          confidence: 'possible-match',
          reasons: expect.arrayContaining(['date of birth day and month transposed']),
          review: null,
          record: {
            givenName: 'Amelia',
            dateOfBirth: '2016-04-03',
            status: 'open',
            allocatedWorker: 'Ana Worker',
          },
        },
      ],
    });

    // Only a contact officer or team manager reviews; a review must name a possible match of this contact.
    await api()
      .post(`/index-matches/${contact.contactId}/review`)
      .set(as('decision-maker'))
      .send({ reviews: [{ childIndex: 0, recordId: 'SC-AB', review: 'confirmed' }] })
      .expect(403);
    const wrong = await api()
      .post(`/index-matches/${contact.contactId}/review`)
      .set(as('contact-officer'))
      .send({ reviews: [{ childIndex: 0, recordId: 'SC-KN', review: 'confirmed' }] })
      .expect(422);
    expect(wrong.body.errors).toEqual([
      expect.objectContaining({ field: 'reviews[0]', rule: 'isCandidate' }),
    ]);

    const done = await api()
      .post(`/index-matches/${contact.contactId}/review`)
      .set(as('contact-officer'))
      .send({ reviews: [{ childIndex: 0, recordId: 'SC-AB', review: 'confirmed' }] })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'screened', childrenToReview: 0 });
    expect(done.body.children[0].child).toBeNull();
    expect(done.body.children[0].candidates[0]).toMatchObject({
      review: 'confirmed',
      reviewedBy: 'contact-officer-1',
    });

    const screened = await screenedOf(contact.contactId);
    expect(screened.route).toBe('transfer-to-allocated-worker');
    expect(screened.socialCareIndex[0]).toMatchObject({
      recordId: 'SC-AB',
      match: 'confirmed',
      reasons: expect.arrayContaining(['confirmed by a contact officer']),
    });
    // The contact is not kept once screened.
    const { rows } = await db.query('SELECT contact FROM index_match_reviews WHERE contact_id = $1', [
      contact.contactId,
    ]);
    expect(rows[0].contact).toBeNull();
    await api()
      .post(`/index-matches/${contact.contactId}/review`)
      .set(as('contact-officer'))
      .send({ reviews: [{ childIndex: 0, recordId: 'SC-AB', review: 'rejected' }] })
      .expect(409);
  });

  it('makes a child under a wholly different family name, same given name, date of birth and address, a possible match with the reason, and screens as unknown once rejected', async () => {
    const contact = contactAbout([
      aChild({
        givenName: 'Leah',
        familyName: 'Adams',
        dateOfBirth: '2017-09-14',
        address: { line1: '3 Ash Close', postcode: 'SE25 4QT' },
      }),
    ]);
    await publishContact(contact);
    await heldFor(contact.contactId);
    const held = await api()
      .get(`/index-matches/${contact.contactId}`)
      .set(as('contact-officer'))
      .expect(200);
    expect(held.body.children[0].candidates).toEqual([
      expect.objectContaining({
        recordId: 'SC-LO',
        reasons: expect.arrayContaining([expect.stringMatching(/perhaps a changed family name/)]),
      }),
    ]);
    await api()
      .post(`/index-matches/${contact.contactId}/review`)
      .set(as('contact-officer'))
      .send({ reviews: [{ childIndex: 0, recordId: 'SC-LO', review: 'rejected' }] })
      .expect(200);
    const screened = await screenedOf(contact.contactId);
    expect(screened.route).toBe('mash-checks');
    expect(screened.socialCareIndex[0]).toEqual({ childIndex: 0, known: false, rejectedPossibleMatches: 1 });
  });

  it('accepts a child with only a school year: the record of that age is put to a contact officer (not its older namesake), and the agencies are asked by the age band', async () => {
    const contact = contactAbout([
      aChild({
        givenName: 'Tomasz',
        familyName: 'Zielinski',
        dateOfBirth: null,
        approximateAge: { schoolYear: 'year-4' },
        address: HOME,
      }),
    ]);
    await publishContact(contact);
    await heldFor(contact.contactId);
    const held = await api()
      .get(`/index-matches/${contact.contactId}`)
      .set(as('contact-officer'))
      .expect(200);
    expect(held.body.children[0].candidates.map((one: { recordId: string }) => one.recordId)).toEqual([
      'SC-TZ',
    ]);
    expect(held.body.children[0].candidates[0].reasons).toContain(
      'the record’s date of birth fits the approximate age given',
    );
    expect(held.body.children[0].child.approximateAge).toEqual({ schoolYear: 'year-4' });

    // Rejected: screened as MASH checks, the agencies asked by the age band, the date of birth to find out.
    await api()
      .post(`/index-matches/${contact.contactId}/review`)
      .set(as('contact-officer'))
      .send({ reviews: [{ childIndex: 0, recordId: 'SC-TZ', review: 'rejected' }] })
      .expect(200);
    const screened = await screenedOf(contact.contactId);
    expect(screened.children?.[0]).toMatchObject({ route: 'mash-checks', unknown: ['date-of-birth'] });
    expect(screened.alerts).toContainEqual(
      expect.objectContaining({ kind: 'missing-details', childIndex: 0, to: 'contact-officer' }),
    );
    const [check] = await published.waitFor(1, ofType(MessageTypes.CheckRequested, contact.contactId));
    expect((check.body as unknown as CheckRequested).subjects[0]).toMatchObject({
      subjectId: 'child-0',
      bornBetween: { earliest: '2017-09-01', latest: '2018-08-31' },
    });
    expect((check.body as unknown as CheckRequested).subjects[0].dateOfBirth).toBeFalsy();
  });

  it('screens a child with neither date of birth nor age, saying what is unknown and asking a contact officer to find out', async () => {
    const contact = contactAbout([
      aChild({ givenName: 'Nobody', familyName: 'Known-Here', dateOfBirth: undefined, address: null }),
    ]);
    await publishContact(contact);
    const screened = await screenedOf(contact.contactId);
    expect(screened.socialCareIndex[0]).toEqual({ childIndex: 0, known: false });
    expect(screened.children?.[0]).toMatchObject({ unknown: ['date-of-birth', 'age'] });
    expect(screened.rationale).toMatch(/neither a date of birth nor an age/);
    expect(screened.alerts).toContainEqual(
      expect.objectContaining({ kind: 'missing-details', childIndex: 0, to: 'contact-officer' }),
    );
  });

  it('finds an unborn child by the mother’s record and the due date, routes to the pre-birth worker and links the sister', async () => {
    const contact = contactAbout(
      [
        anUnbornChild({
          givenName: 'Baby',
          familyName: 'Mensah',
          expectedDueDate: '2027-03-12',
          address: HOME,
        }),
      ],
      [
        anAdult({
          givenName: 'Abena',
          familyName: 'Mensah',
          dateOfBirth: '1995-07-07',
          relationship: 'mother',
          address: HOME,
        }),
      ],
    );
    await publishContact(contact);
    const screened = await screenedOf(contact.contactId);
    expect(screened.route).toBe('transfer-to-allocated-worker');
    expect(screened.socialCareIndex[0]).toMatchObject({
      known: true,
      recordId: 'SC-UNBORN',
      allocatedWorker: 'Una Worker',
      match: 'mother-and-due-date',
      reasons: expect.arrayContaining([
        'mother: date of birth agrees',
        'expected due date agrees with the record’s (within 11 days)',
      ]),
      linkedRecords: [expect.objectContaining({ recordId: 'SC-MENSAH-SISTER', linkedBy: 'mother' })],
    });
  });

  it('does not take another mother’s pre-birth record, nor one due months apart', async () => {
    const contact = contactAbout(
      [
        anUnbornChild({
          givenName: 'Baby',
          familyName: 'Mensah',
          expectedDueDate: '2027-08-01',
          address: HOME,
        }),
      ],
      [
        anAdult({
          givenName: 'Abena',
          familyName: 'Mensah',
          dateOfBirth: '1995-07-07',
          relationship: 'mother',
          address: HOME,
        }),
      ],
    );
    await publishContact(contact);
    const screened = await screenedOf(contact.contactId);
    expect(screened.socialCareIndex[0]).toMatchObject({ known: false });
    // The mother is known to the index by her daughter's record: the family is linked.
    expect(screened.socialCareIndex[0].linkedRecords?.map((one) => one.recordId).sort()).toEqual([
      'SC-MENSAH-SISTER',
      'SC-UNBORN',
    ]);
  });
});
