import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import {
  Agency,
  deadLetterQueueName,
  DecisionRecorded,
  eventsExchange,
  MessageTypes,
  RagRating,
} from '@mash/contracts';
import {
  aCheckItem,
  aCheckResponded,
  aCheckSubject,
  aConsent,
  aContactReceived,
  aContactScreened,
  aRequestedCheck,
} from '@mash/contracts/testing';
import { startService } from '@mash/messaging';
import { issueDevelopmentToken, loadConfig, ManualClock } from '@mash/platform';
import { AppModule } from '../src/app.module';
import { DecisionConfig } from '../src/config';
import { adminPg, testServiceEnv } from '../../../test-support/env';
import { Capture, eventually, TestBroker } from '../../../test-support/broker';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  signInForDevelopment,
} from '../../../test-support/browser';

const QUEUE = 'decision.inbox';
const SUITE = 'decision-staff';
const MASH_ONLY = 'Intelligence links the mother’s partner to supplying drugs from the address.';
const SHAREABLE = 'Police record: one call-out to the address in 2023.';

/** The MASH staff pages in a real browser, on records made the way decision's other tests make them. */
describe('decision: the MASH staff pages (real browser, broker and database)', () => {
  let app: INestApplication;
  let broker: TestBroker;
  let db: Client;
  let browser: Browser;
  let decisions: Capture<DecisionRecorded>;
  let base: string;
  let apiToken: string;
  const clock = new ManualClock(new Date('2024-03-05T10:00:00.000Z'));

  const statusOf = async (contactId: string) =>
    (await db.query('SELECT status FROM mash_records WHERE contact_id = $1', [contactId])).rows[0]?.status as
      string | undefined;
  const waitForStatus = (contactId: string, status: string) =>
    eventually(
      async () => ((await statusOf(contactId)) === status ? status : undefined),
      15_000,
      `status ${status}`,
    );

  /** A contact screened with a police check answered (one shareable, one mash-only item): ready for decision. */
  async function aReadyContact(rag: RagRating = 'amber', receivedAt = '2024-03-05T08:15:00.000Z') {
    const contactId = randomUUID();
    const checkId = randomUUID();
    const reference = `MASH-PAGES-${contactId.slice(0, 8).toUpperCase()}`;
    await broker.publish(
      eventsExchange('triage'),
      MessageTypes.ContactScreened,
      MessageTypes.ContactScreened,
      aContactScreened({
        contactId,
        rag,
        screenedAt: receivedAt,
        checks: [aRequestedCheck({ agency: 'police' as Agency, checkId })],
        contact: aContactReceived({ contactId, receivedAt, reference }),
      }),
    );
    await waitForStatus(contactId, 'awaiting-checks');
    await broker.publish(
      eventsExchange('police-checks'),
      MessageTypes.CheckResponded,
      MessageTypes.CheckResponded,
      aCheckResponded({
        agency: 'police',
        contactId,
        checkId,
        respondedAt: '2024-03-05T09:00:00.000Z',
        items: [
          aCheckItem({ summary: SHAREABLE, classification: 'shareable' }),
          aCheckItem({ summary: MASH_ONLY, classification: 'mash-only' }),
        ],
      }),
    );
    await waitForStatus(contactId, 'ready-for-decision');
    return { contactId, reference };
  }

  async function signedIn(role: string, name: string): Promise<Page> {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInForDevelopment(page, base, { role, name });
    return page;
  }

  beforeAll(async () => {
    db = await adminPg('decision');
    await db.query(
      'TRUNCATE record_links, record_children, consent_decisions, rag_changes, record_deadlines, record_checks, mash_records, audit_log, inbox, outbox',
    );
    broker = await TestBroker.connect();
    await broker.purge(QUEUE, deadLetterQueueName(QUEUE));
    decisions = await broker.capture<DecisionRecorded>(
      eventsExchange('decision'),
      MessageTypes.DecisionRecorded,
    );
    const config = loadConfig(DecisionConfig, testServiceEnv('decision'));
    app = await startService({
      service: 'decision',
      module: AppModule.register(config, clock),
      config,
      title: '',
      description: '',
    });
    base = `http://127.0.0.1:${config.PORT}`;
    apiToken = await issueDevelopmentToken(
      { sub: 'dm-api', roles: ['decision-maker'] },
      config.AUTH_DEV_SECRET!,
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await broker?.close();
    await db?.end();
  });

  it('a decision maker finds the contact on the work list, opens it and records the decision', async () => {
    const { contactId, reference } = await aReadyContact();
    const page = await signedIn('decision-maker', 'Dee Maker');
    await page.goto(`${base}/`);
    await expectAccessible(page, SUITE, 'work-list');
    const row = page.getByRole('row').filter({ hasText: reference });
    await expect(row.getByRole('cell').nth(1).textContent()).resolves.toContain('Amelia Example');
    await expect(row.textContent()).resolves.toContain('A decision');

    await page.getByRole('link', { name: reference }).click();
    expect(new URL(page.url()).pathname).toBe(`/records/${contactId}`);
    await expectAccessible(page, SUITE, 'record-decision-maker');
    // The decision maker sees the mash-only item, marked as such.
    const police = page.getByTestId('items-police');
    await expect(police.getByTestId('mash-only-item').textContent()).resolves.toBe(MASH_ONLY);
    await expect(police.locator('li').filter({ hasText: MASH_ONLY }).textContent()).resolves.toContain(
      'MASH only',
    );
    await expect(police.textContent()).resolves.toContain(SHAREABLE);
    // The view is audited.
    const audited = await db.query(
      `SELECT 1 FROM audit_log WHERE contact_id = $1 AND action = 'view-record'`,
      [contactId],
    );
    expect(audited.rowCount).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Record the decision' }).click();
    await expectAccessible(page, SUITE, 'decision-form');
    // A mistake first: no outcome, no rationale. The form says what is missing and keeps the feedback typed.
    await page
      .getByLabel('Feedback to the referrer (optional)')
      .fill('Thank you: we are offering the family early help.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(
      await page
        .locator('.govuk-error-summary a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).toEqual(['#outcome', '#rationale']);
    await expect(page.getByLabel('Feedback to the referrer (optional)').inputValue()).resolves.toBe(
      'Thank you: we are offering the family early help.',
    );
    expect(await statusOf(contactId)).toBe('ready-for-decision');
    await expectAccessible(page, SUITE, 'decision-form-errors');

    await page.getByLabel('Early help').check();
    await page
      .getByLabel('Rationale')
      .fill('Needs are below the threshold for statutory services; family agree to early help.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.locator('.govuk-notification-banner--success').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/records/${contactId}`);
    await expect(page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain(
      'Decision recorded',
    );
    await expectAccessible(page, SUITE, 'record-decided');

    const stored = await db.query(
      'SELECT status, outcome, decided_by FROM mash_records WHERE contact_id = $1',
      [contactId],
    );
    expect(stored.rows[0]).toMatchObject({ status: 'decided', outcome: 'early-help' });
    const [published] = await decisions.waitFor(1, (message) => message.body.contactId === contactId);
    expect(published.body).toMatchObject({ contactId, outcome: 'early-help' });
    await page.context().close();
  });

  it('a social worker does not see mash-only items, only that one exists', async () => {
    const { contactId } = await aReadyContact();
    const page = await signedIn('social-worker', 'Sam Worker');
    await page.goto(`${base}/records/${contactId}`);
    await expectAccessible(page, SUITE, 'record-social-worker');
    const content = await page.content();
    expect(content).not.toContain(MASH_ONLY);
    expect(content).toContain(SHAREABLE);
    await expect(page.getByTestId('items-police').getByTestId('withheld').count()).resolves.toBe(1);
    await expect(page.getByTestId('items-police').textContent()).resolves.toContain('MASH only');
    // No decision for a social worker: no link, and the form refuses them.
    await expect(page.getByRole('link', { name: 'Record the decision' }).count()).resolves.toBe(0);
    const refused = await page.goto(`${base}/records/${contactId}/decision`);
    expect(refused?.status()).toBe(403);
    await expectAccessible(page, SUITE, 'decision-form-wrong-role');
    await page.context().close();
  });

  it('shows the reason when the record moved on, and records nothing twice', async () => {
    const { contactId } = await aReadyContact();
    const first = await signedIn('decision-maker', 'Dee Maker');
    const second = await signedIn('decision-maker', 'Dan Maker');
    for (const page of [first, second]) {
      await page.goto(`${base}/records/${contactId}/decision`);
      await page.getByLabel('No further action').check();
      await page.getByLabel('Rationale').fill(`Recorded by ${page === first ? 'the first' : 'the second'}.`);
    }
    await first.getByRole('button', { name: 'Record the decision' }).click();
    await first.locator('.govuk-notification-banner--success').waitFor();
    const [response] = await Promise.all([
      second.waitForResponse((r) => r.request().method() === 'POST'),
      second.getByRole('button', { name: 'Record the decision' }).click(),
    ]);
    expect(response.status()).toBe(409);
    await second.locator('.govuk-error-summary').waitFor();
    await expect(second.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'This contact is not ready for decision',
    );
    await expectAccessible(second, SUITE, 'decision-refused');
    const stored = await db.query('SELECT rationale, decided_by FROM mash_records WHERE contact_id = $1', [
      contactId,
    ]);
    expect(stored.rows[0].rationale).toBe('Recorded by the first.');
    await first.context().close();
    await second.context().close();
  });

  it('a team manager changes the RAG rating, and an unchanged rating is refused with its reason', async () => {
    const { contactId } = await aReadyContact('amber');
    const page = await signedIn('team-manager', 'Tess Manager');
    await page.goto(`${base}/records/${contactId}`);
    await page.getByRole('link', { name: 'Change the RAG rating' }).click();
    await page.getByLabel('Amber (the current rating)').check();
    await page.getByLabel('Reason').fill('No change really.');
    await page.getByRole('button', { name: 'Change the rating' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Select a different rating',
    );
    await expectAccessible(page, SUITE, 'rag-refused');
    await page.getByLabel('Red').check();
    await page.getByRole('button', { name: 'Change the rating' }).click();
    await page.locator('.govuk-notification-banner--success').waitFor();
    await expectAccessible(page, SUITE, 'record-rag-changed');
    const stored = await db.query('SELECT rag_rating FROM mash_records WHERE contact_id = $1', [contactId]);
    expect(stored.rows[0].rag_rating).toBe('red');
    await page.context().close();
  });

  it('a team manager decides on consent, withdraws an agency and marks an alert sent', async () => {
    const contactId = randomUUID();
    const reference = `MASH-PAGES-${contactId.slice(0, 8).toUpperCase()}`;
    await broker.publish(
      eventsExchange('triage'),
      MessageTypes.ContactScreened,
      MessageTypes.ContactScreened,
      aContactScreened({
        contactId,
        screenedAt: '2024-03-05T09:00:00.000Z',
        checks: (['police', 'health', 'education'] as Agency[]).map((agency) =>
          aRequestedCheck({
            agency,
            checkId: randomUUID(),
            state: 'awaiting-consent',
            dueAt: null,
            subjectIds: ['child-0'],
          }),
        ),
        subjects: [aCheckSubject()],
        consent: { status: 'refused', outcome: 'awaiting-decision', exception: null },
        alerts: [
          {
            kind: 'allocated-worker',
            childIndex: 0,
            to: 'Children in Need Team 2',
            dueAt: '2024-03-05T12:00:00.000Z',
          },
        ],
        contact: aContactReceived({
          contactId,
          reference,
          receivedAt: '2024-03-05T08:50:00.000Z',
          consent: aConsent({ status: 'refused', givenBy: null, reason: 'Mother does not agree' }),
        }),
      }),
    );
    await waitForStatus(contactId, 'awaiting-consent-decision');
    const page = await signedIn('team-manager', 'Tess Manager');
    await page.goto(`${base}/records/${contactId}`);
    await expectAccessible(page, SUITE, 'record-awaiting-consent');

    await page.getByRole('link', { name: 'Decide on consent' }).click();
    await expectAccessible(page, SUITE, 'consent-form');
    await page.getByLabel('Override consent').check();
    await page.getByRole('button', { name: 'Record the consent decision' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'a rationale is required',
    );
    expect(await statusOf(contactId)).toBe('awaiting-consent-decision');
    await expectAccessible(page, SUITE, 'consent-form-errors');
    await page
      .getByLabel('Rationale')
      .fill('Significant harm is likely: seeking consent would put the child at risk.');
    await page.getByRole('button', { name: 'Record the consent decision' }).click();
    await page.locator('.govuk-notification-banner--success').waitFor();
    expect(await statusOf(contactId)).toBe('awaiting-checks');

    await page.getByRole('link', { name: 'Change the agencies' }).click();
    await expectAccessible(page, SUITE, 'agencies-form');
    await page.getByLabel('Education').uncheck();
    await page.getByLabel('Reason').fill('The child is not of school age at this address.');
    await page.getByRole('button', { name: 'Change the agencies' }).click();
    await page.locator('.govuk-notification-banner--success').waitFor();
    const education = await db.query(
      `SELECT status FROM record_checks WHERE contact_id = $1 AND agency = 'education'`,
      [contactId],
    );
    expect(education.rows[0].status).toBe('cancelled');

    await page.getByRole('button', { name: 'Mark the allocated worker alert as sent' }).click();
    await page.locator('.govuk-notification-banner--success').waitFor();
    await expect(page.getByTestId('alerts').textContent()).resolves.toContain('Sent');
    await expectAccessible(page, SUITE, 'record-alert-sent');
    const alerts = await db.query('SELECT alerts FROM mash_records WHERE contact_id = $1', [contactId]);
    expect(alerts.rows[0].alerts[0].sentAt).toBeTruthy();
    await page.context().close();
  });

  it('refuses a form posted without its CSRF token, recording nothing', async () => {
    const { contactId } = await aReadyContact();
    const page = await signedIn('decision-maker', 'Dee Maker');
    const response = await page.context().request.post(`${base}/records/${contactId}/decision`, {
      form: { outcome: 'no-further-action', rationale: 'Forged.' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await statusOf(contactId)).toBe('ready-for-decision');
    await page.context().close();
  });

  it('filters the work list by RAG, status and overdue, Red first', async () => {
    const red = await aReadyContact('red', '2024-03-05T09:30:00.000Z');
    // Received days ago: its decision deadline has passed, so it is overdue.
    const green = await aReadyContact('green', '2024-02-26T09:00:00.000Z');
    const page = await signedIn('decision-maker', 'Dee Maker');
    await page.goto(`${base}/`);
    const references = () =>
      page.getByTestId('work-list').locator('tbody tr td:first-child a').allTextContents();
    const apply = () =>
      Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Apply filters' }).click()]);
    const all = await references();
    const ratings = await page.getByTestId('work-list').locator('tbody tr td:nth-child(3)').allTextContents();
    const reds = ratings.filter((rating) => rating.trim() === 'Red').length;
    expect(reds).toBeGreaterThan(0);
    expect(ratings.slice(0, reds).every((rating) => rating.trim() === 'Red')).toBe(true);
    expect(all.slice(0, reds)).toContain(red.reference);
    expect(all).toContain(green.reference);
    // No decided contact is on the list of open contacts.
    const decided = await db.query(`SELECT reference FROM mash_records WHERE status = 'decided'`);
    for (const { reference } of decided.rows) expect(all).not.toContain(reference);

    await page.getByLabel('RAG rating').selectOption('green');
    await apply();
    expect(await references()).toEqual([green.reference]);
    await expectAccessible(page, SUITE, 'work-list-green');

    await page.getByLabel('RAG rating').selectOption('');
    await page.getByLabel('Status').selectOption('decided');
    await apply();
    expect((await references()).sort()).toEqual(decided.rows.map((r) => r.reference).sort());

    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Overdue').selectOption('true');
    await apply();
    const api = await request(app.getHttpServer())
      .get('/contacts?overdue=true')
      .set('Authorization', `Bearer ${apiToken}`)
      .expect(200);
    const overdueOpen = (api.body as { reference: string; status: string }[])
      .filter((entry) => !['decided', 'closed'].includes(entry.status))
      .map((entry) => entry.reference);
    expect(overdueOpen).toContain(green.reference);
    expect((await references()).sort()).toEqual(overdueOpen.sort());
    await expectAccessible(page, SUITE, 'work-list-overdue');

    // A value not in the lists is refused with the filter's own message.
    const bad = await page.goto(`${base}/?rag=purple`);
    expect(bad?.status()).toBe(400);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Select a RAG rating',
    );
    await expectAccessible(page, SUITE, 'work-list-bad-filter');
    await page.context().close();
  });

  it('shows the end-of-day list and the figures as pages, and keeps /figures JSON for API calls', async () => {
    const page = await signedIn('team-manager', 'Tess Manager');
    await page.goto(`${base}/end-of-day?date=2024-03-05`);
    await expectAccessible(page, SUITE, 'end-of-day');
    const list = await request(app.getHttpServer())
      .get('/contacts/end-of-day?date=2024-03-05')
      .set('Authorization', `Bearer ${apiToken}`)
      .expect(200);
    await expect(page.getByTestId('end-of-day-summary').textContent()).resolves.toContain(
      `${list.body.count} contact`,
    );
    for (const contact of list.body.contacts) {
      await expect(page.getByRole('link', { name: contact.reference }).count()).resolves.toBe(1);
    }

    await page.getByRole('link', { name: 'Figures' }).click();
    expect(new URL(page.url()).pathname).toBe('/figures');
    await expectAccessible(page, SUITE, 'figures');
    const figures = await request(app.getHttpServer())
      .get('/figures')
      .set('Authorization', `Bearer ${apiToken}`)
      .expect(200)
      .expect('Content-Type', /json/);
    const decisionsRow = page.locator('.govuk-summary-list__row').filter({ hasText: 'Decisions recorded' });
    await expect(decisionsRow.locator('dd').textContent()).resolves.toContain(
      String(figures.body.decisions.total),
    );
    await page.context().close();
  });
});
