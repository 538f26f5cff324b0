import { ServiceName, StaffRole } from '@mash/contracts';
import { eventually } from '../test-support/broker';
import { Hub, startHub } from '../test-support/hub';

/**
 * Who is told what, across the whole hub (issue 13): seven real processes, the real broker and
 * databases, and a real SMTP server. The people are held by no agency, so every check answers "no
 * trace" by itself and the record is soon ready for decision (Croydon's profile, the default).
 */
interface Listed {
  id: string;
  kind: string;
  recipient: string;
  channel: string;
  status: string;
  createdAt: string;
  dueAt: string | null;
  sentAt: string | null;
}

describe('who is told what, end to end', () => {
  let hub: Hub;
  const url = (service: ServiceName, path: string) => hub.url(service, path);
  const token = (roles: StaffRole[]) => hub.token(roles);
  const mailTo = (address: string) =>
    hub.mail.filter(
      (mail) => mail.to && !Array.isArray(mail.to) && mail.to.value.some((to) => to.address === address),
    );

  beforeAll(async () => {
    hub = await startHub({
      mail: true,
      // Seven services starting at once on a shared two-core machine can take longer than the default.
      healthTimeoutMs: 90_000,
      env: {
        'police-checks': { AUTO_NO_TRACE: 'true' },
        'health-checks': { AUTO_NO_TRACE: 'true' },
        'education-checks': { AUTO_NO_TRACE: 'true' },
      },
    });
  }, 150_000);

  afterAll(async () => {
    await hub?.stop();
  });

  async function referAndDecide(
    email: string,
    familyName: string,
    decision: Record<string, unknown>,
  ): Promise<{ contactId: string; reference: string }> {
    const submitted = await fetch(url('intake', '/contacts'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        source: 'school',
        channel: 'portal',
        requestType: 'safeguarding',
        referrer: { name: 'Ann Smith', organisation: 'Hill Primary', email, phone: '020 7946 0000' },
        children: [{ givenName: 'Zebedee', familyName, dateOfBirth: '2015-07-09', gender: 'male' }],
        adults: [
          {
            givenName: 'Xanthe',
            familyName,
            dateOfBirth: '1988-11-02',
            relationship: 'mother',
            parentalResponsibility: true,
            phone: '020 7946 0001',
            address: { line1: '9 Low Road', town: 'Croydon', postcode: 'CR0 2BB' },
          },
        ],
        concern: { summary: 'Unexplained injuries', categories: ['physical-abuse'], immediateDanger: false },
        consent: { status: 'given', givenBy: 'mother' },
      }),
    });
    expect(submitted.status).toBe(201);
    const { contactId, reference } = (await submitted.json()) as { contactId: string; reference: string };
    const decisionMaker = await token(['decision-maker']);
    let lastStatus = 'no record';
    await eventually(
      async () => {
        const response = await fetch(url('decision', `/contacts/${contactId}`), {
          headers: { authorization: `Bearer ${decisionMaker}` },
        });
        const record = response.ok ? ((await response.json()) as { status: string }) : undefined;
        lastStatus = record?.status ?? `HTTP ${response.status}`;
        return record?.status === 'ready-for-decision' ? record : undefined;
      },
      60_000,
      'the record ready for decision',
    ).catch((error: Error) => {
      throw new Error(`${error.message} (last seen: ${lastStatus})`);
    });
    const decided = await fetch(url('decision', `/contacts/${contactId}/decision`), {
      method: 'POST',
      headers: { authorization: `Bearer ${decisionMaker}`, 'content-type': 'application/json' },
      body: JSON.stringify(decision),
    });
    expect(decided.status).toBe(200);
    return { contactId, reference };
  }

  const notificationsOf = async (contactId: string): Promise<Listed[]> => {
    const response = await fetch(url('notifications', `/notifications?contactId=${contactId}`), {
      headers: { authorization: `Bearer ${await token(['hub-operator'])}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Listed[];
  };

  it('a section 47 strategy discussion: no outcome email or letter to anyone, a phone task for the referrer and one for the family', async () => {
    const email = 'dsl.s47@hill.example';
    const { contactId, reference } = await referAndDecide(email, 'Quennell', {
      outcome: 's47-strategy-discussion',
      rationale: 'Injuries consistent with non-accidental harm.',
    });
    const all = await eventually(
      async () => {
        const rows = await notificationsOf(contactId);
        return rows.filter((n) => n.kind === 'phone-task').length === 2 ? rows : undefined;
      },
      20_000,
      'two phone tasks',
    );
    expect(all.filter((n) => n.kind === 'phone-task').map((n) => [n.recipient, n.channel, n.status])).toEqual(
      [
        ['referrer', 'phone', 'to-do'],
        ['family', 'phone', 'to-do'],
      ],
    );
    expect(all.map((n) => n.kind).sort()).toEqual(['acknowledgement', 'phone-task', 'phone-task']);
    // The only email the referrer ever gets is the acknowledgement of the contact, not the outcome.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(mailTo(email).map((mail) => mail.subject)).toEqual([
      `We have received your contact: reference ${reference}`,
    ]);
    expect(
      hub.mail.filter((mail) => mail.subject?.includes(reference) && /Outcome/.test(mail.subject)),
    ).toEqual([]);

    // The decision maker calls the family and records it.
    const familyTask = all.find((n) => n.kind === 'phone-task' && n.recipient === 'family')!;
    const detail = (await (
      await fetch(url('notifications', `/notifications/${familyTask.id}`), {
        headers: { authorization: `Bearer ${await token(['decision-maker'])}` },
      })
    ).json()) as { callList: unknown };
    expect(detail.callList).toEqual([
      { name: 'Xanthe Quennell', relationship: 'mother', phone: '020 7946 0001' },
    ]);
    const done = await fetch(url('notifications', `/notifications/${familyTask.id}/done`), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await token(['decision-maker'])}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ note: 'Told the mother a strategy discussion is being held today' }),
    });
    expect(done.status).toBe(200);
    expect(((await done.json()) as { status: string }).status).toBe('done');
  });

  it('early help: the acknowledgement first, then the referrer’s outcome email with the letter, and a letter to the mother', async () => {
    const email = 'dsl.eh@hill.example';
    const { contactId, reference } = await referAndDecide(email, 'Ravensworth', {
      outcome: 'early-help',
      rationale: 'Family would benefit from parenting support.',
      feedbackToReferrer: 'Thank you for the referral.',
      receivingTeam: { name: 'Early Help North', phone: '020 7946 0100' },
    });
    const mails = await eventually(
      async () => (mailTo(email).length >= 2 ? mailTo(email) : undefined),
      20_000,
      'the acknowledgement and the outcome',
    );
    expect(mails.map((mail) => mail.subject)).toEqual([
      `We have received your contact: reference ${reference}`,
      `Outcome of your contact: reference ${reference}`,
    ]);
    expect(mails[1].attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    const all = await eventually(
      async () => {
        const rows = await notificationsOf(contactId);
        return rows.length === 3 && rows.every((n) => n.status !== 'queued') ? rows : undefined;
      },
      20_000,
      'three notifications',
    );
    const ack = all.find((n) => n.kind === 'acknowledgement')!;
    const outcome = all.find((n) => n.kind === 'outcome-email')!;
    const family = all.find((n) => n.recipient === 'family')!;
    expect(ack.status).toBe('sent');
    expect(outcome.status).toBe('sent');
    expect(Date.parse(ack.sentAt!)).toBeLessThan(Date.parse(outcome.sentAt!));
    expect(family).toMatchObject({ kind: 'outcome-letter', channel: 'post', status: 'ready-to-post' });
    const document = await fetch(url('notifications', `/notifications/${family.id}/document`), {
      headers: { authorization: `Bearer ${await token(['hub-operator'])}` },
    });
    expect(document.headers.get('content-type')).toBe('application/pdf');
  });
});
