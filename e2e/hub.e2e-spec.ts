import { Agency, ServiceName, StaffRole } from '@mash/contracts';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');
import { adminPg } from '../test-support/env';
import { eventually } from '../test-support/broker';
import { Hub, startHub } from '../test-support/hub';

/**
 * The whole hub: seven real processes (the built services), the real broker and databases, and a real
 * SMTP server. A referral goes in at the front door; the referrer's outcome email comes out.
 */
const MASH_ONLY = 'Intelligence suggests an associate of the household is linked to county lines supply';

function record(
  recordId: string,
  givenName: string,
  familyName: string,
  dateOfBirth: string,
  facts: object[],
) {
  return JSON.stringify({
    recordId,
    givenName,
    familyName,
    otherNames: [],
    dateOfBirth,
    gender: 'female',
    address: { line1: '1 High St', town: 'Croydon', postcode: 'CR0 1AA' },
    facts,
  });
}

describe('the hub end to end', () => {
  let hub: Hub;
  const mail = () => hub.mail;
  const url = (service: ServiceName, path: string) => hub.url(service, path);
  const token = (roles: StaffRole[], agency?: Agency) => hub.token(roles, { agency });
  const practitioner = (agency: Agency) => hub.practitioner(agency);

  /**
   * What an agency practitioner does: finds the contact's check on the work list, confirms the
   * candidate records (`confirm` picks which), and sends the draft answer.
   */
  async function practitionerAnswers(
    service: ServiceName,
    agency: Agency,
    contactId: string,
    confirm: (candidate: { subjectId: string; recordId: string; confidence: string }) => boolean = () => true,
  ): Promise<Record<string, any>> {
    const auth = {
      authorization: `Bearer ${await practitioner(agency)}`,
      'content-type': 'application/json',
    };
    const check = await eventually(
      async () => {
        const list = (await (
          await fetch(url(service, '/checks?status=open'), { headers: auth })
        ).json()) as Array<{
          checkId: string;
          contactId: string;
        }>;
        return list.find((entry) => entry.contactId === contactId);
      },
      20_000,
      `the ${agency} check on the work list`,
    );
    const detail = async () =>
      (await (await fetch(url(service, `/checks/${check.checkId}`), { headers: auth })).json()) as Record<
        string,
        any
      >;
    const before = (await detail()).candidates as Array<{
      subjectId: string;
      recordId: string;
      confidence: string;
    }>;
    const reviews = before.map((candidate) => ({
      subjectId: candidate.subjectId,
      recordId: candidate.recordId,
      review: confirm(candidate) ? 'confirmed' : 'rejected',
    }));
    if (reviews.length) {
      const reviewed = await fetch(url(service, `/checks/${check.checkId}/candidates/review`), {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ reviews }),
      });
      expect(reviewed.status).toBe(200);
    }
    const { draft, candidates } = await detail();
    const answered = await fetch(url(service, `/checks/${check.checkId}/response`), {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        rag: draft.rag,
        analysis: draft.analysis,
        noTrace: draft.noTrace,
        matchedRecordIds: draft.matchedRecordIds,
        items: draft.items,
      }),
    });
    expect(answered.status).toBe(200);
    return { checkId: check.checkId, candidates, before };
  }

  beforeAll(async () => {
    hub = await startHub({
      mail: true,
      // Health and education answer "no trace" by themselves; police leave every answer to a practitioner.
      env: {
        'health-checks': { AUTO_NO_TRACE: 'true' },
        'education-checks': { AUTO_NO_TRACE: 'true' },
        'police-checks': { AUTO_NO_TRACE: 'false' },
      },
    });
  }, 90_000);

  afterAll(async () => {
    await hub?.stop();
  });

  it('a contact goes from the front door to ready-for-decision, and the decision reaches the referrer by email with the PDF letter', async () => {
    // Each agency loads its own records about the family, police with a mash-only intelligence item.
    const imports: Array<[ServiceName, Agency, string]> = [
      [
        'police-checks',
        'police',
        record('P-1', 'Amy', 'Jones', '2016-03-04', [
          {
            factId: 'P-1-1',
            date: '2026-06-01',
            kind: 'incident',
            role: 'witness',
            summary: 'Child present at a domestic incident at the home',
            classification: 'shareable',
            severity: 'amber',
            details: { type: 'domestic-abuse', sensitivity: 'standard' },
          },
          {
            factId: 'P-1-2',
            date: '2026-08-01',
            kind: 'intelligence',
            role: 'person-of-concern',
            summary: MASH_ONLY,
            classification: 'mash-only',
            severity: 'red',
            details: { type: 'drugs', sensitivity: 'standard' },
          },
        ]),
      ],
      [
        'health-checks',
        'health',
        record('H-1', 'Amy', 'Jones', '2016-03-04', [
          {
            factId: 'H-1-1',
            date: '2026-05-01',
            kind: 'ed-attendance',
            summary: 'Attended the emergency department with a wrist injury',
            classification: 'shareable',
            severity: 'amber',
            details: { site: 'Croydon University Hospital', reason: 'injury', admitted: false },
          },
        ]),
      ],
      [
        'education-checks',
        'education',
        record('E-1', 'Amy', 'Jones', '2016-03-04', [
          {
            factId: 'E-1-1',
            date: '2026-10-01',
            kind: 'attendance',
            summary: 'Attendance 82% this term',
            classification: 'shareable',
            severity: 'green',
            details: { academicYear: '2026/27', term: 'autumn', attendancePercent: 82 },
          },
        ]),
      ],
    ];
    for (const [service, agency, ndjson] of imports) {
      const response = await fetch(url(service, '/records/import'), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-ndjson',
          authorization: `Bearer ${await token(['agency-practitioner'], agency)}`,
        },
        body: ndjson + '\n',
      });
      expect(response.ok).toBe(true);
    }

    const submitted = await fetch(url('intake', '/contacts'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        source: 'school',
        channel: 'portal',
        requestType: 'safeguarding',
        referrer: {
          name: 'Ann Smith',
          organisation: 'Hill Primary',
          email: 'a.smith@hill.example',
          role: 'DSL',
        },
        children: [{ givenName: 'Amy', familyName: 'Jones', dateOfBirth: '2016-03-04', gender: 'female' }],
        adults: [
          { givenName: 'Beth', familyName: 'Jones', dateOfBirth: '1990-01-02', relationship: 'mother' },
        ],
        concern: {
          summary: 'Bruise on arm; says she is scared to go home',
          categories: ['physical-abuse'],
          immediateDanger: false,
        },
        consent: { status: 'given', givenBy: 'mother' },
      }),
    });
    expect(submitted.status).toBe(201);
    const { contactId, reference } = (await submitted.json()) as { contactId: string; reference: string };

    // Every agency holds Amy, so each waits for its practitioner to confirm her record and answer.
    await practitionerAnswers('police-checks', 'police', contactId);
    await practitionerAnswers('health-checks', 'health', contactId);
    await practitionerAnswers('education-checks', 'education', contactId);

    const decisionMaker = await token(['decision-maker']);
    const readRecord = async () => {
      const response = await fetch(url('decision', `/contacts/${contactId}`), {
        headers: { authorization: `Bearer ${decisionMaker}` },
      });
      return response.status === 200 ? ((await response.json()) as Record<string, any>) : undefined;
    };
    const ready = await eventually(
      async () => {
        const mashRecord = await readRecord();
        return mashRecord?.status === 'ready-for-decision' ? mashRecord : undefined;
      },
      20_000,
      'the record to be ready for decision',
    );
    expect(ready.checks.map((check: { agency: string }) => check.agency).sort()).toEqual([
      'education',
      'health',
      'police',
    ]);
    const police = ready.checks.find((check: { agency: string }) => check.agency === 'police');
    expect(police.status).toBe('responded');
    expect(police.response.respondedBy).toBe('e2e-police-practitioner');
    expect(police.response.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ classification: 'mash-only', summary: expect.stringContaining(MASH_ONLY) }),
      ]),
    );

    // One trace follows the contact: intake's message and the agencies' answers share its trace id.
    const traceIdOf = async (service: ServiceName, type: string) => {
      const db = await adminPg(service);
      const { rows } = await db.query(
        `SELECT headers->>'traceparent' AS tp FROM outbox WHERE correlation_id = $1 AND type = $2`,
        [contactId, type],
      );
      await db.end();
      return String(rows[0]?.tp ?? '').split('-')[1];
    };
    const trace = await traceIdOf('intake', 'contact.received');
    expect(trace).toMatch(/^[0-9a-f]{32}$/);
    expect(await traceIdOf('triage', 'check.requested')).toBe(trace);
    expect(await traceIdOf('police-checks', 'check.responded')).toBe(trace);

    const decided = await fetch(url('decision', `/contacts/${contactId}/decision`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${decisionMaker}` },
      body: JSON.stringify({
        outcome: 's17-assessment',
        rationale: `Agency information (including ${MASH_ONLY}) shows needs`,
        feedbackToReferrer: 'Thank you for your referral.',
      }),
    });
    expect(decided.ok).toBe(true);

    const email = await eventually(
      async () => mail().find((m) => m.subject === `Outcome of your contact: reference ${reference}`),
      20_000,
      'the outcome email',
    );
    expect(email.to && 'text' in email.to ? email.to.text : JSON.stringify(email.to)).toContain(
      'a.smith@hill.example',
    );
    const pdf = email.attachments.find((attachment) => attachment.contentType === 'application/pdf');
    expect(pdf).toBeDefined();
    expect(pdf!.content.subarray(0, 5).toString()).toBe('%PDF-');
    const letter = (await pdfParse(pdf!.content)).text;
    expect(letter).toContain(reference);
    expect(letter).toContain('Amy');
    // Nothing mash-only, and not the internal rationale, leaves the hub.
    for (const text of [letter, email.text ?? '', String(email.html || '')]) {
      expect(text).not.toContain('county lines');
      expect(text).not.toContain('Agency information');
    }

    const notifications = await eventually(
      async () => {
        const response = await fetch(url('notifications', `/notifications?contactId=${contactId}`), {
          headers: { authorization: `Bearer ${decisionMaker}` },
        });
        const list = (await response.json()) as Array<{ id: string; status: string; kind: string }>;
        return list.some((n) => n.kind === 'outcome-email' && n.status === 'sent') ? list : undefined;
      },
      10_000,
      'the notification to be sent',
    );
    // The acknowledgement went first (no letter); the outcome email carries the PDF.
    expect(notifications.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['acknowledgement', 'outcome-email']),
    );
    const outcome = notifications.find((n) => n.kind === 'outcome-email')!;
    const document = await fetch(url('notifications', `/notifications/${outcome.id}/document`), {
      headers: { authorization: `Bearer ${decisionMaker}` },
    });
    expect(document.headers.get('content-type')).toContain('application/pdf');

    const after = await eventually(
      async () => {
        const mashRecord = await readRecord();
        return mashRecord?.feedbackSentAt ? mashRecord : undefined;
      },
      10_000,
      'the record to show feedback sent',
    );
    expect(after.status).toBe('decided');
    expect(after.decision).toMatchObject({ outcome: 's17-assessment', decidedBy: 'e2e-decision-maker' });
  }, 90_000);

  it('a possible match waits for a police practitioner, who confirms it and answers; the decision maker sees the answer', async () => {
    // Police hold Cara born 2015-03-04; the referral gives 2015-04-03, day and month transposed. The
    // matcher proposes her as a possible match only: nothing is shared until a practitioner confirms.
    const imported = await fetch(url('police-checks', '/records/import'), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-ndjson',
        authorization: `Bearer ${await practitioner('police')}`,
      },
      body:
        record('P-CARA', 'Cara', 'Whitlock', '2015-03-04', [
          {
            factId: 'P-CARA-1',
            date: '2026-07-01',
            kind: 'incident',
            role: 'person-of-concern',
            summary: 'Reported missing overnight; found at a friend address',
            classification: 'shareable',
            severity: 'amber',
            details: { type: 'missing-person', sensitivity: 'standard' },
          },
        ]) + '\n',
    });
    expect(imported.status).toBe(200);

    const submitted = await fetch(url('intake', '/contacts'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        source: 'school',
        channel: 'portal',
        requestType: 'safeguarding',
        referrer: { name: 'Ann Smith', organisation: 'Hill Primary', email: 'a.smith@hill.example' },
        children: [
          { givenName: 'Cara', familyName: 'Whitlock', dateOfBirth: '2015-04-03', gender: 'female' },
        ],
        concern: { summary: 'Often missing from school', categories: ['missing'], immediateDanger: false },
        consent: { status: 'given', givenBy: 'mother' },
      }),
    });
    expect(submitted.status).toBe(201);
    const { contactId } = (await submitted.json()) as { contactId: string };

    const decisionMaker = await token(['decision-maker']);
    const readRecord = async () =>
      (await (
        await fetch(url('decision', `/contacts/${contactId}`), {
          headers: { authorization: `Bearer ${decisionMaker}` },
        })
      ).json()) as Record<string, any>;
    // Health and education hold nothing on Cara and say so by themselves; police wait for a person.
    const waiting = await eventually(
      async () => {
        const mashRecord = await readRecord();
        const answered = (mashRecord.checks ?? []).filter(
          (check: { status: string }) => check.status === 'responded',
        );
        return answered.length === 2 ? mashRecord : undefined;
      },
      20_000,
      'health and education to answer no trace',
    );
    expect(waiting.status).toBe('awaiting-checks');
    expect(waiting.checks.find((check: { agency: string }) => check.agency === 'police').status).toBe(
      'requested',
    );

    const { candidates, before } = await practitionerAnswers(
      'police-checks',
      'police',
      contactId,
      (candidate) => candidate.recordId === 'P-CARA',
    );
    // Depends on the fuzzy matcher (branch matching): a day/month transposition is a possible match,
    // proposed with its reasons, waiting for the practitioner.
    expect(before).toEqual([
      expect.objectContaining({
        recordId: 'P-CARA',
        confidence: 'possible-match',
        review: 'pending',
        reasons: expect.arrayContaining([expect.stringMatching(/transposed/)]),
      }),
    ]);
    expect(candidates).toEqual([
      expect.objectContaining({
        subjectId: 'child-0',
        recordId: 'P-CARA',
        confidence: 'possible-match',
        review: 'confirmed',
        reviewedBy: 'e2e-police-practitioner',
      }),
    ]);

    const ready = await eventually(
      async () => {
        const mashRecord = await readRecord();
        return mashRecord.status === 'ready-for-decision' ? mashRecord : undefined;
      },
      20_000,
      'the record to be ready for decision',
    );
    const police = ready.checks.find((check: { agency: string }) => check.agency === 'police');
    expect(police.response).toMatchObject({
      respondedBy: 'e2e-police-practitioner',
      noTrace: false,
      rag: 'amber',
      matches: [{ subjectId: 'child-0', recordId: 'P-CARA', confidence: 'possible-match' }],
    });
    expect(police.response.items).toEqual([
      expect.objectContaining({
        classification: 'shareable',
        summary: expect.stringContaining('missing person'),
      }),
    ]);
  }, 90_000);
});
