import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agency, agencyService, ServiceName } from '@mash/contracts';
import { loadProfile } from '@mash/policy';
import { eventually } from '../test-support/broker';
import { adminPg } from '../test-support/env';
import { Hub, startHub } from '../test-support/hub';

/**
 * The timescale, consent and escalation rules that cross services (issue 3), end to end: the whole
 * hub as seven real processes on the real broker and databases. What the MASH decides in `decision`
 * must reach each agency's own node, and what an agency does at its node must reach the MASH.
 *
 * The services take time from the system clock (no variable fixes or shifts it), so an overdue check
 * cannot be made by moving time. Instead the hub runs Croydon's profile with one change, written to a
 * temporary file and named by MASH_PROFILE as any hub's own profile would be: Red checks are due
 * within RED_CHECKS_SECONDS instead of 4 hours (a profile may give hours as a fraction). Amber and
 * Green, which the other tests use, are Croydon's as shipped; the overdue sweeper runs every second.
 */
const RED_CHECKS_SECONDS = 2;
const AGENCIES: readonly Agency[] = ['police', 'health', 'education'];

type Json = Record<string, any>;

interface Person {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
}

function contact(child: Person, options: { consent: Json; immediateDanger?: boolean }): Json {
  return {
    source: 'school',
    channel: 'portal',
    requestType: 'safeguarding',
    referrer: { name: 'Ann Smith', organisation: 'Hill Primary', email: 'a.smith@hill.example', role: 'DSL' },
    children: [{ ...child, gender: 'female' }],
    concern: {
      summary: 'Bruise on arm; says she is scared to go home',
      categories: ['physical-abuse'],
      immediateDanger: options.immediateDanger ?? false,
    },
    consent: options.consent,
  };
}

describe('timescales, consent and escalation across the hub', () => {
  let hub: Hub;
  let profileDir: string;

  beforeAll(async () => {
    const { id: _id, ...croydon } = loadProfile('croydon');
    const profile = structuredClone(croydon) as Json;
    profile.timescales.checks.red = { amount: RED_CHECKS_SECONDS / 3600, unit: 'hours' };
    profileDir = mkdtempSync(join(tmpdir(), 'mash-e2e-profile-'));
    const profileFile = join(profileDir, 'croydon-red-checks-in-seconds.yaml');
    // JSON is YAML: the profile loader reads it like any hub's profile file.
    writeFileSync(profileFile, JSON.stringify(profile, null, 2));

    hub = await startHub({
      mail: true,
      env: {
        triage: { MASH_PROFILE: profileFile },
        decision: { MASH_PROFILE: profileFile, OVERDUE_SWEEP_SECONDS: '1' },
        // Police leave every answer to a practitioner, so a police check stays open; health and
        // education answer "no trace" by themselves for anyone they do not hold.
        'police-checks': { AUTO_NO_TRACE: 'false' },
        'health-checks': { AUTO_NO_TRACE: 'true' },
        'education-checks': { AUTO_NO_TRACE: 'true' },
      },
    });
  }, 90_000);

  afterAll(async () => {
    await hub?.stop();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  async function call(
    service: ServiceName,
    method: 'GET' | 'POST',
    path: string,
    token: string | null,
    body?: unknown,
  ): Promise<{ status: number; body: any }> {
    const response = await fetch(hub.url(service, path), {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async function submit(body: Json): Promise<string> {
    const submitted = await call('intake', 'POST', '/contacts', null, body);
    expect(submitted.status).toBe(201);
    return submitted.body.contactId as string;
  }

  /** The MASH record as a decision maker sees it (undefined until decision has it). */
  async function mashRecord(contactId: string): Promise<Json | undefined> {
    const read = await call('decision', 'GET', `/contacts/${contactId}`, await hub.token(['decision-maker']));
    return read.status === 200 ? read.body : undefined;
  }

  async function recordWhen(contactId: string, what: string, test: (record: Json) => boolean) {
    return eventually(
      async () => {
        const record = await mashRecord(contactId);
        return record && test(record) ? record : undefined;
      },
      20_000,
      what,
    );
  }

  /** Every check the agency's node holds for the contact, whatever its status, as its practitioner lists them. */
  async function nodeChecks(agency: Agency, contactId: string): Promise<Json[]> {
    const list = await call(agencyService(agency), 'GET', '/checks', await hub.practitioner(agency));
    expect(list.status).toBe(200);
    return (list.body as Json[]).filter((check) => check.contactId === contactId);
  }

  async function nodeCheckWhen(
    agency: Agency,
    contactId: string,
    what: string,
    test: (check: Json) => boolean,
  ) {
    return eventually(
      async () => {
        const [check] = await nodeChecks(agency, contactId);
        return check && test(check) ? check : undefined;
      },
      20_000,
      `${what} at the ${agency} node`,
    );
  }

  const checkOf = (record: Json, agency: Agency): Json =>
    record.checks.find((check: Json) => check.agency === agency);

  it('consent refused: the checks are held awaiting a consent decision and reach no agency until a team manager overrides with a rationale; then every agency has its check with a due time (Croydon 5, Bexley 27, Northamptonshire 6)', async () => {
    const contactId = await submit(
      contact(
        { givenName: 'Nia', familyName: 'Okafor', dateOfBirth: '2017-02-11' },
        { consent: { status: 'refused', reason: 'Mother declined when asked by the school' } },
      ),
    );

    const held = await recordWhen(contactId, 'the record to be screened', () => true);
    expect(held.status).toBe('awaiting-consent-decision');
    expect(held.consent).toMatchObject({
      referrer: { status: 'refused' },
      outcome: 'awaiting-decision',
      decisions: [],
    });
    expect(held.checks.map((check: Json) => check.agency).sort()).toEqual([...AGENCIES].sort());
    for (const check of held.checks) {
      expect(check).toMatchObject({ status: 'awaiting-consent', requestedAt: null, dueAt: null });
    }

    // Nothing left the hub: triage, which committed contact.screened before decision could hold the
    // record, published no check request for this contact, and no agency's node has one.
    const triage = await adminPg('triage');
    try {
      const { rows } = await triage.query(`SELECT type FROM outbox WHERE correlation_id = $1`, [contactId]);
      expect(rows.map((row) => row.type)).toEqual(['contact.screened']);
    } finally {
      await triage.end();
    }
    for (const agency of AGENCIES) expect(await nodeChecks(agency, contactId)).toEqual([]);

    // A contact officer may not decide consent; a team manager must, and must say why.
    const officer = await hub.token(['contact-officer']);
    const manager = await hub.token(['team-manager']);
    const rationale = 'Concern of physical harm: seeking agreement again would delay protecting the child';
    expect(
      (
        await call('decision', 'POST', `/contacts/${contactId}/consent`, officer, {
          decision: 'override',
          rationale,
        })
      ).status,
    ).toBe(403);
    const noRationale = await call('decision', 'POST', `/contacts/${contactId}/consent`, manager, {
      decision: 'override',
    });
    expect(noRationale.status).toBe(400);
    expect(JSON.stringify(noRationale.body)).toContain('rationale');

    const before = Date.now();
    const overridden = await call('decision', 'POST', `/contacts/${contactId}/consent`, manager, {
      decision: 'override',
      rationale,
    });
    expect(overridden.status).toBe(200);
    expect(overridden.body.status).toBe('awaiting-checks');
    expect(overridden.body.consent).toMatchObject({ referrer: { status: 'refused' }, outcome: 'overridden' });
    expect(overridden.body.consent.decisions).toEqual([
      { decision: 'override', rationale, decidedBy: 'e2e-team-manager', decidedAt: expect.any(String) },
    ]);
    const decidedAt = Date.parse(overridden.body.consent.decisions[0].decidedAt);
    expect(decidedAt).toBeGreaterThanOrEqual(before - 1_000);
    for (const check of overridden.body.checks) {
      expect(check.status).toBe('requested');
      expect(Date.parse(check.requestedAt)).toBe(decidedAt);
      expect(Date.parse(check.dueAt)).toBeGreaterThan(decidedAt);
    }

    // Each agency's own node now holds the check the MASH sent, due when the MASH said.
    for (const agency of AGENCIES) {
      const sent = checkOf(overridden.body, agency);
      const atNode = await nodeCheckWhen(agency, contactId, 'the check', () => true);
      expect(atNode).toMatchObject({ checkId: sent.checkId, rag: 'amber', dueAt: sent.dueAt });
      expect(Date.parse(atNode.requestedAt)).toBe(decidedAt);
      expect(await nodeChecks(agency, contactId)).toHaveLength(1);
    }
    // Police hold the check open for a practitioner, so the record still waits for checks.
    const after = await mashRecord(contactId);
    expect(after!.status).toBe('awaiting-checks');
    expect(after!.consent.decisions).toEqual(overridden.body.consent.decisions);
  });

  it('an agency escalates heightened risk: the RAG rises to red at the MASH with the escalation recorded, and every open check at every agency is re-timed earlier (Northamptonshire 10, stage 2)', async () => {
    const child = { givenName: 'Theodora', familyName: 'Marchbanks', dateOfBirth: '2014-07-19' };
    // Health and education hold her, so their checks wait open for their practitioners.
    const holdings: Array<[Agency, Json]> = [
      [
        'health',
        {
          factId: 'H-TM-1',
          date: '2026-05-01',
          kind: 'ed-attendance',
          summary: 'Attended the emergency department with a wrist injury',
          classification: 'shareable',
          severity: 'amber',
          details: { site: 'Croydon University Hospital', reason: 'injury', admitted: false },
        },
      ],
      [
        'education',
        {
          factId: 'E-TM-1',
          date: '2026-10-01',
          kind: 'attendance',
          summary: 'Attendance 82% this term',
          classification: 'shareable',
          severity: 'green',
          details: { academicYear: '2026/27', term: 'autumn', attendancePercent: 82 },
        },
      ],
    ];
    for (const [agency, fact] of holdings) {
      const imported = await fetch(hub.url(agencyService(agency), '/records/import'), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-ndjson',
          authorization: `Bearer ${await hub.token(['agency-records-admin'], { agency })}`,
        },
        body:
          JSON.stringify({
            recordId: `${agency}-TM`,
            ...child,
            otherNames: [],
            gender: 'female',
            address: { line1: '1 High St', town: 'Croydon', postcode: 'CR0 1AA' },
            facts: [fact],
          }) + '\n',
      });
      expect(imported.status).toBe(200);
    }

    const contactId = await submit(contact(child, { consent: { status: 'given', givenBy: 'mother' } }));
    const amber = await recordWhen(contactId, 'the record to be screened', () => true);
    expect(amber.rag.rating).toBe('amber');
    const open: Partial<Record<Agency, Json>> = {};
    for (const agency of AGENCIES) {
      open[agency] = await nodeCheckWhen(
        agency,
        contactId,
        'the open check',
        (check) => check.status === 'open',
      );
      expect(open[agency]).toMatchObject({ rag: 'amber', dueAt: checkOf(amber, agency).dueAt });
    }
    const amberDue = Date.parse(amber.deadlines.checksDueAt);

    // A police practitioner may only raise the rating, and must say why.
    const police = await hub.practitioner('police');
    const path = `/checks/${open.police!.checkId}/escalation`;
    expect((await call('police-checks', 'POST', path, police, { rag: 'green', reason: 'x' })).status).toBe(
      422,
    );
    expect((await call('police-checks', 'POST', path, police, { rag: 'red' })).status).toBe(400);
    expect(
      (
        await call('police-checks', 'POST', path, await hub.practitioner('health'), {
          rag: 'red',
          reason: 'x',
        })
      ).status,
    ).toBe(403);

    const reason = 'Intelligence received today raises the risk of harm at home';
    const escalated = await call('police-checks', 'POST', path, police, { rag: 'red', reason });
    expect(escalated.status).toBe(200);
    expect(escalated.body).toMatchObject({
      checkId: open.police!.checkId,
      contactId,
      agency: 'police',
      rag: 'red',
      escalatedBy: 'e2e-police-practitioner',
      reason,
    });

    const red = await recordWhen(
      contactId,
      'the RAG to rise to red',
      (record) => record.rag.rating === 'red',
    );
    expect(red.rag).toMatchObject({ rating: 'red', setBy: 'e2e-police-practitioner', reason });
    expect(red.rag.history).toEqual([
      expect.objectContaining({ source: 'screening', rating: 'amber' }),
      expect.objectContaining({
        source: 'escalation',
        rating: 'red',
        previous: 'amber',
        agency: 'police',
        checkId: open.police!.checkId,
        requested: 'red',
        setBy: 'e2e-police-practitioner',
        reason,
      }),
    ]);
    expect(red.escalations).toEqual([
      expect.objectContaining({
        agency: 'police',
        checkId: open.police!.checkId,
        requested: 'red',
        raised: true,
        by: 'e2e-police-practitioner',
        reason,
      }),
    ]);
    expect(red.deadlines.history.map((entry: Json) => entry.cause)).toEqual(['screening', 'escalation']);
    expect(Date.parse(red.deadlines.checksDueAt)).toBeLessThan(amberDue);

    // Every agency's open check takes the new rating and the earlier due time the MASH set. (The
    // police node marks its own check red as it escalates; the due time comes from the MASH.)
    for (const agency of AGENCIES) {
      expect(checkOf(red, agency).dueAt).toBe(red.deadlines.checksDueAt);
      const retimed = await nodeCheckWhen(
        agency,
        contactId,
        'the check re-timed',
        (check) => check.dueAt !== open[agency]!.dueAt,
      );
      expect(retimed).toMatchObject({
        checkId: open[agency]!.checkId,
        status: 'open',
        rag: 'red',
        dueAt: red.deadlines.checksDueAt,
      });
      expect(Date.parse(retimed.dueAt)).toBeLessThan(Date.parse(open[agency]!.dueAt));
    }
  });

  it('a team manager withdraws an agency with a reason: the check is cancelled at that agency, which can no longer answer it, and the record stops waiting for it (Bexley 15, Northamptonshire 16)', async () => {
    const contactId = await submit(
      contact(
        { givenName: 'Ivy', familyName: 'Lindqvist', dateOfBirth: '2012-09-30' },
        { consent: { status: 'given', givenBy: 'father' } },
      ),
    );
    // Health and education hold nothing on her and say so; police wait for a practitioner.
    const waiting = await recordWhen(
      contactId,
      'health and education to answer',
      (record) =>
        checkOf(record, 'health')?.status === 'responded' &&
        checkOf(record, 'education')?.status === 'responded',
    );
    expect(waiting.status).toBe('awaiting-checks');
    expect(checkOf(waiting, 'police').status).toBe('requested');
    const open = await nodeCheckWhen(
      'police',
      contactId,
      'the open check',
      (check) => check.status === 'open',
    );

    const manager = await hub.token(['team-manager']);
    const reason = 'Police information is not proportionate to this concern';
    const unchanged = await call('decision', 'POST', `/contacts/${contactId}/checks`, manager, {
      agencies: [...AGENCIES],
      reason,
    });
    expect(unchanged.status).toBe(400);
    expect(JSON.stringify(unchanged.body)).toContain('changesTheChecks');

    const changed = await call('decision', 'POST', `/contacts/${contactId}/checks`, manager, {
      agencies: ['health', 'education'],
      reason,
    });
    expect(changed.status).toBe(200);
    expect(checkOf(changed.body, 'police')).toMatchObject({
      checkId: open.checkId,
      status: 'cancelled',
      cancelled: { by: 'e2e-team-manager', reason, at: expect.any(String) },
    });
    // Nothing else is owed: the record goes to a decision maker without the police answer.
    expect(changed.body.status).toBe('ready-for-decision');
    expect(changed.body.deadlines.checks.status).toBe('met');

    const cancelled = await nodeCheckWhen(
      'police',
      contactId,
      'the check withdrawn',
      (check) => check.status === 'cancelled',
    );
    expect(cancelled.checkId).toBe(open.checkId);
    expect(cancelled.cancelledAt).toBe(checkOf(changed.body, 'police').cancelled.at);
    const police = await hub.practitioner('police');
    const workList = await call('police-checks', 'GET', '/checks?status=open', police);
    expect(workList.body.map((check: Json) => check.checkId)).not.toContain(open.checkId);

    const answer = await call('police-checks', 'POST', `/checks/${open.checkId}/response`, police, {
      rag: 'green',
      analysis: 'No trace of the child in police systems.',
      noTrace: true,
      matchedRecordIds: [],
      items: [],
    });
    expect(answer.status).toBe(409);
    const escalation = await call('police-checks', 'POST', `/checks/${open.checkId}/escalation`, police, {
      rag: 'red',
      reason: 'Too late',
    });
    expect(escalation.status).toBe(422);

    const after = await mashRecord(contactId);
    expect(after!.status).toBe('ready-for-decision');
    expect(after!.rag.rating).toBe('amber');
    expect(checkOf(after!, 'police')).toMatchObject({ status: 'cancelled', response: null });
  });

  it('a check not answered by its due time becomes overdue at the MASH and the agency is chased on its own queue (Northamptonshire 10, stage 2: the RAG timescale all agencies adhere to)', async () => {
    // Immediate danger: Red, so the checks are due within RED_CHECKS_SECONDS under this hub's profile.
    const contactId = await submit(
      contact(
        { givenName: 'Rory', familyName: 'Fennimore', dateOfBirth: '2019-12-05' },
        { consent: { status: 'given', givenBy: 'mother' }, immediateDanger: true },
      ),
    );
    const screened = await recordWhen(contactId, 'the record to be screened', () => true);
    expect(screened.rag.rating).toBe('red');
    const due = Date.parse(checkOf(screened, 'police').dueAt);
    expect(due - Date.parse(screened.screening.screenedAt)).toBe(RED_CHECKS_SECONDS * 1000);

    const chased = await nodeCheckWhen('police', contactId, 'the chase', (check) => check.chaseCount >= 1);
    expect(chased).toMatchObject({ status: 'open', overdue: true });
    expect(Date.parse(chased.lastChasedAt)).toBeGreaterThan(due);

    const overdue = await recordWhen(
      contactId,
      'the police check to be overdue',
      (record) => checkOf(record, 'police').chases >= 1,
    );
    expect(checkOf(overdue, 'police')).toMatchObject({
      status: 'overdue',
      late: true,
      lastChasedAt: chased.lastChasedAt,
    });
    expect(Date.parse(checkOf(overdue, 'police').overdueSince)).toBeGreaterThan(due);
    expect(overdue.deadlines.checks.status).toBe('missed');

    const operator = await hub.token(['hub-operator']);
    const list = await call('decision', 'GET', '/contacts?overdue=true', operator);
    expect(list.status).toBe(200);
    expect((list.body as Json[]).map((entry) => entry.contactId)).toContain(contactId);
    const figures = await call('decision', 'GET', '/figures', operator);
    expect(figures.status).toBe(200);
    expect(figures.body.overdueNow.checks.police).toBeGreaterThanOrEqual(1);
  });
});
