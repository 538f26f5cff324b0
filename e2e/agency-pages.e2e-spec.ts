import type { Browser } from 'playwright-core';
import { adminPg } from '../test-support/env';
import { eventually } from '../test-support/broker';
import { expectAccessible, launchBrowser, newContext, signInForDevelopment } from '../test-support/browser';
import { Hub, startHub } from '../test-support/hub';

/**
 * The agency practitioner's pages on the police node of the whole hub (seven real processes, the real
 * broker and databases, a real Chromium): a possible match waits, the practitioner confirms it in the
 * browser, answers in part and then completely, and the decision service shows each answer.
 */
const SUITE = 'agency-pages';

describe("the agency practitioner's pages (whole hub, headless Chromium)", () => {
  let hub: Hub;
  let browser: Browser;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([
      startHub({
        healthTimeoutMs: 120_000,
        env: {
          'health-checks': { AUTO_NO_TRACE: 'true' },
          'education-checks': { AUTO_NO_TRACE: 'true' },
          'police-checks': { AUTO_NO_TRACE: 'false' },
        },
      }),
      launchBrowser(),
    ]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('a police practitioner confirms a possible match, sends a partial answer then completes it; decision shows both; a health practitioner is refused', async () => {
    const police = (path: string) => hub.url('police-checks', path);
    const practitioner = await hub.practitioner('police');
    // Importing an agency's records is its records administrator's job, not a practitioner's.
    const recordsAdmin = await hub.token(['agency-records-admin'], { agency: 'police' });
    // Police hold Dana born 2014-05-06; the referral gives 2014-06-05 (day and month transposed): a
    // possible match only. One fact is shareable, the other police intelligence (always mash-only).
    const line = {
      recordId: 'P-DANA',
      givenName: 'Dana',
      familyName: 'Okafor',
      otherNames: [],
      dateOfBirth: '2014-05-06',
      gender: 'female',
      address: { line1: '2 Low St', town: 'Croydon', postcode: 'CR0 2BB' },
      facts: [
        {
          factId: 'P-DANA-1',
          date: '2026-06-01',
          kind: 'incident',
          role: 'person-of-concern',
          summary: 'Reported missing overnight',
          classification: 'shareable',
          severity: 'amber',
          details: { type: 'missing-person', sensitivity: 'standard' },
        },
        {
          factId: 'P-DANA-2',
          date: '2026-07-01',
          kind: 'intelligence',
          role: 'person-of-concern',
          summary: 'Seen with older males linked to county lines',
          classification: 'shareable',
          severity: 'red',
          details: { type: 'child-criminal-exploitation', sensitivity: 'standard' },
        },
      ],
    };
    const imported = await fetch(police('/records/import'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${recordsAdmin}` },
      body: JSON.stringify(line) + '\n',
    });
    expect(imported.status).toBe(200);

    const submitted = await fetch(hub.url('intake', '/contacts'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        source: 'school',
        channel: 'portal',
        requestType: 'safeguarding',
        referrer: { name: 'Ann Smith', organisation: 'Hill Primary', email: 'a.smith@hill.example' },
        children: [{ givenName: 'Dana', familyName: 'Okafor', dateOfBirth: '2014-06-05', gender: 'female' }],
        concern: { summary: 'Often missing from school', categories: ['missing'], immediateDanger: false },
        consent: { status: 'given', givenBy: 'mother' },
      }),
    });
    expect(submitted.status).toBe(201);
    const { contactId } = (await submitted.json()) as { contactId: string };
    const check = await eventually(
      async () => {
        const list = (await (
          await fetch(police('/checks?status=open'), { headers: { authorization: `Bearer ${practitioner}` } })
        ).json()) as Array<{ checkId: string; contactId: string; reference: string }>;
        return list.find((entry) => entry.contactId === contactId);
      },
      20_000,
      'the police check on the work list',
    );

    const decisionMaker = await hub.token(['decision-maker']);
    const policeCheckAtDecision = async () => {
      const record = (await (
        await fetch(hub.url('decision', `/contacts/${contactId}`), {
          headers: { authorization: `Bearer ${decisionMaker}` },
        })
      ).json()) as { checks?: Array<{ agency: string; response?: Record<string, any> | null }> };
      return record.checks?.find((entry) => entry.agency === 'police');
    };

    // A health practitioner signs in at the police node: refused its pages, the list and the check.
    const healthContext = await newContext(browser);
    const healthPage = await healthContext.newPage();
    await signInForDevelopment(healthPage, police(''), {
      role: 'agency-practitioner',
      name: 'Hana Health',
      agency: 'health',
    });
    for (const path of ['/', `/work/${check.checkId}`, `/work/${check.checkId}/answer`]) {
      const refused = await healthPage.goto(police(path));
      expect(refused?.status()).toBe(403);
      await expect(healthPage.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
        'You do not have access',
      );
    }
    expect(await healthPage.content()).not.toContain(check.reference);
    await expectAccessible(healthPage, SUITE, 'health-practitioner-refused');
    await healthContext.close();

    // The police practitioner: the work list, soonest due first, with the check waiting for review.
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInForDevelopment(page, police(''), {
      role: 'agency-practitioner',
      name: 'Pat Police',
      agency: 'police',
    });
    await page.goto(police('/'));
    const row = page.getByRole('row', { name: new RegExp(check.reference) });
    await expect(row.getByRole('cell').nth(3).textContent()).resolves.toBe('1'); // candidates to review
    await expectAccessible(page, SUITE, 'work-list');
    await page.getByRole('tab', { name: /Answered and cancelled/ }).click();
    await expectAccessible(page, SUITE, 'work-list-answered-tab');
    await page.getByRole('tab', { name: /Open/ }).click();

    await page.getByRole('link', { name: check.reference }).click();
    const card = page.getByTestId('candidate-P-DANA');
    await expect(card.textContent()).resolves.toMatch(/Possible match/);
    await expect(card.textContent()).resolves.toMatch(/transposed/);
    await expect(card.textContent()).resolves.toMatch(/To review/);
    await expect(card.getByRole('cell', { name: 'Mash-only' }).count()).resolves.toBe(1);
    await expectAccessible(page, SUITE, 'check-possible-match');

    // The search term goes in a POST body: the address stays the check's.
    await page.getByLabel('Record id, NHS number, UPN, PNC id or name').fill('Okafor');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(new URL(page.url()).search).toBe('');
    expect(page.url()).not.toContain('Okafor');
    await expect(page.getByTestId('result-P-DANA').textContent()).resolves.toMatch(
      /already a candidate for child-0/,
    );
    await expectAccessible(page, SUITE, 'check-record-search');

    await page.getByRole('button', { name: 'Confirm record P-DANA is child-0' }).click();
    await expect(card.textContent()).resolves.toMatch(/Confirmed/);
    await expectAccessible(page, SUITE, 'check-confirmed');

    // The answer from the draft: the intelligence item is mash-only and cannot be made shareable.
    await page.getByRole('button', { name: 'Answer the check' }).click();
    await expect(page.getByTestId('matched').textContent()).resolves.toBe('P-DANA');
    const summaries = await page
      .getByLabel(/What item \d tells the MASH/)
      .evaluateAll((areas) => areas.map((area) => (area as unknown as { value: string }).value));
    expect(summaries).toHaveLength(2);
    const intelligence = summaries.findIndex((summary) => /county lines/.test(summary));
    const incident = 1 - intelligence;
    await expect(page.getByTestId(`mash-only-${intelligence}`).textContent()).resolves.toMatch(
      /cannot be made shareable/,
    );
    await expect(
      page.getByRole('group', { name: `Who may see item ${intelligence + 1}` }).count(),
    ).resolves.toBe(0);
    await page
      .getByRole('group', { name: `Who may see item ${incident + 1}` })
      .getByLabel('Shareable')
      .check();
    await expectAccessible(page, SUITE, 'answer-draft');

    // Forgetting to say partial or complete, and what is awaited: errors, with what was typed kept.
    await page.getByLabel('So what does it mean for the child?').fill('Dana goes missing and is exploited.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert').getByRole('link').allTextContents()).resolves.toEqual([
      'Select whether this answer is partial or complete',
    ]);
    await expect(page.getByLabel('So what does it mean for the child?').inputValue()).resolves.toBe(
      'Dana goes missing and is exploited.',
    );
    await expectAccessible(page, SUITE, 'answer-errors');
    await page.getByLabel(/No, this is a partial answer/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert').getByRole('link').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Enter what you are still waiting for']),
    );
    await page.getByLabel('What you are waiting for').fill('Missing episode return interview');
    await page.getByLabel('Who from').fill('Missing persons coordinator');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(new URL(page.url()).pathname).toBe(`/work/${check.checkId}/answer/check`);
    await expect(page.locator('main').textContent()).resolves.toMatch(/Partial/);
    await expectAccessible(page, SUITE, 'check-partial-answer');

    // Pressed twice: sent once.
    await page.getByRole('button', { name: 'Send partial answer' }).dblclick();
    await page.waitForURL(police(`/work/${check.checkId}`));
    await expect(page.getByRole('heading', { name: 'Partial answer sent' }).count()).resolves.toBe(1);
    await expectAccessible(page, SUITE, 'check-partial-sent');
    const db = await adminPg('police-checks');
    try {
      const responses = await db.query(
        'SELECT partial FROM check_responses WHERE check_id = $1 ORDER BY responded_at',
        [check.checkId],
      );
      expect(responses.rows.map((r) => r.partial)).toEqual([true]);
    } finally {
      await db.end();
    }
    const partial = await eventually(
      async () => {
        const entry = await policeCheckAtDecision();
        return entry?.response?.partial ? entry : undefined;
      },
      20_000,
      'decision to show the partial answer',
    );
    expect(partial.response).toMatchObject({
      partial: true,
      awaiting: [
        expect.objectContaining({
          what: 'Missing episode return interview',
          from: 'Missing persons coordinator',
        }),
      ],
      matches: [expect.objectContaining({ recordId: 'P-DANA', confidence: 'possible-match' })],
    });

    // Completing it: the form starts from the partial answer.
    await page.getByRole('button', { name: 'Complete the answer' }).click();
    await page.getByLabel('Yes, this is the complete answer').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectAccessible(page, SUITE, 'check-complete-answer');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.waitForURL(police(`/work/${check.checkId}`));
    await expect(page.getByRole('heading', { name: 'Answer sent' }).count()).resolves.toBe(1);
    await expect(page.getByTestId('answer').count()).resolves.toBe(2);
    await expectAccessible(page, SUITE, 'check-answered');

    const complete = await eventually(
      async () => {
        const entry = await policeCheckAtDecision();
        return entry?.response && entry.response.partial === false ? entry : undefined;
      },
      20_000,
      'decision to show the complete answer',
    );
    expect(
      complete.response!.items.map((item: { classification: string }) => item.classification).sort(),
    ).toEqual(['mash-only', 'shareable']);
    expect(complete.response).toMatchObject({ respondedBy: expect.any(String), noTrace: false });

    // Both answers left the node's outbox: its backlog metric is back to nothing.
    await eventually(
      async () =>
        /^mash_outbox_unpublished_messages 0$/m.test(await (await fetch(police('/metrics'))).text()) ||
        undefined,
      20_000,
      'the police outbox backlog to be empty',
    );

    await page.goto(police('/'));
    await page.getByRole('tab', { name: /Answered and cancelled/ }).click();
    await expect(page.getByTestId('closed-checks').textContent()).resolves.toContain(check.reference);
    await expectAccessible(page, SUITE, 'work-list-answered');
    await context.close();
  }, 300_000);
});
