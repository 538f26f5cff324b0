import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import type { Client } from 'pg';
import request from 'supertest';
import { startService } from '@mash/messaging';
import { loadConfig, ManualClock } from '@mash/platform';
import { AppModule } from '../src/app.module';
import { IntakeConfig } from '../src/config';
import { adminPg, testServiceEnv } from '../../../test-support/env';

/**
 * Issue 14, bad input in bulk: generated malformed bodies and headers at the public front door
 * (`POST /contacts`, real database). Every one is answered 4xx or, if it happens to be a valid
 * contact, 201 with exactly one contact stored; none is half-stored, none is answered 5xx, and no
 * personal value planted in them reaches the logs or an answer.
 */
const PLANTED = 'Zephyrinequux';

function aReferral(): Record<string, unknown> {
  return {
    source: 'school',
    channel: 'portal',
    requestType: 'safeguarding',
    referrer: { name: `${PLANTED} Referrer`, organisation: 'Hill Primary', email: 'ref@hill.example' },
    children: [{ givenName: PLANTED, familyName: 'Jones', dateOfBirth: '2016-03-04', gender: 'female' }],
    adults: [{ givenName: 'Beth', familyName: PLANTED, dateOfBirth: '1990-01-02', relationship: 'mother' }],
    concern: { summary: `${PLANTED} was hurt`, categories: ['neglect'], immediateDanger: false },
    consent: { status: 'given', givenBy: 'mother' },
  };
}

/** Anything JSON can hold, with the planted name among the strings. */
const jsonValue = fc.oneof(
  fc.constant(PLANTED),
  fc.constant(`${PLANTED} 2016-03-04`),
  fc.jsonValue({ maxDepth: 3 }),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.string({ maxLength: 3000 }),
);

/** A valid referral broken at one path: a value replaced, removed, or an unknown field added. */
const brokenReferral = fc
  .tuple(
    fc.constantFrom(
      [],
      ['source'],
      ['channel'],
      ['requestType'],
      ['referrer'],
      ['referrer', 'email'],
      ['children'],
      ['children', 0],
      ['children', 0, 'dateOfBirth'],
      ['children', 0, 'givenName'],
      ['adults', 0, 'relationship'],
      ['concern'],
      ['concern', 'categories'],
      ['concern', 'immediateDanger'],
      ['consent', 'status'],
    ),
    fc.constantFrom('replace', 'remove', 'add'),
    jsonValue,
  )
  .map(([path, how, value]) => {
    const body = aReferral();
    // An unknown field is refused by its name (README: "naming them"), so the planted value goes in its value.
    if (!path.length) return how === 'add' ? { ...body, unexpectedField: value } : value;
    let parent = body as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path[path.length - 1];
    if (how === 'replace') parent[last] = value;
    else if (how === 'remove') delete parent[last];
    else parent[`${String(last)}Extra`] = value;
    return body;
  });

describe('intake: malformed input in bulk (fast-check, real database)', () => {
  let app: INestApplication;
  let db: Client;
  const logged: string[] = [];
  const write = process.stdout.write.bind(process.stdout);

  beforeAll(async () => {
    db = await adminPg('intake');
    const config = loadConfig(IntakeConfig, { ...testServiceEnv('intake'), LOG_LEVEL: 'info' });
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      logged.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stdout.write;
    app = await startService({
      service: 'intake',
      module: AppModule.register(config, new ManualClock(new Date('2026-11-20T10:15:00Z'))),
      config,
      title: 'intake',
      description: '',
      listen: false,
    });
  });

  afterAll(async () => {
    process.stdout.write = write;
    await app?.close();
    await db?.end();
  });

  const contacts = async () =>
    (await db.query('SELECT count(*)::int AS n FROM contacts')).rows[0].n as number;

  async function expectAnsweredWithoutHarm(response: request.Response, before: number): Promise<void> {
    const after = await contacts();
    if (response.status === 201) {
      expect(after).toBe(before + 1);
    } else {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(after).toBe(before);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(JSON.stringify(response.body)).not.toContain(PLANTED);
  }

  it('answers a referral broken anywhere with 4xx and stores nothing of it', async () => {
    await fc.assert(
      fc.asyncProperty(brokenReferral, async (body) => {
        const before = await contacts();
        const response = await request(app.getHttpServer())
          .post('/contacts')
          .send(body as object);
        await expectAnsweredWithoutHarm(response, before);
      }),
      { numRuns: 400 },
    );
  });

  it('answers bodies that are not JSON, with any content type and any idempotency key, with 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 2000 }), fc.constant(`{"children":[{"givenName":"${PLANTED}"`)),
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-ndjson',
          'application/xml',
          'application/json; charset=latin1',
        ),
        fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
        async (raw, contentType, key) => {
          const before = await contacts();
          let call = request(app.getHttpServer()).post('/contacts').set('content-type', contentType);
          if (key !== undefined && /^[\t\x20-\x7e]*$/.test(key)) call = call.set('idempotency-key', key);
          const response = await call.send(raw);
          await expectAnsweredWithoutHarm(response, before);
          expect(response.status).not.toBe(201);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never logs a planted personal value', () => {
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('')).not.toContain(PLANTED);
  });
});
