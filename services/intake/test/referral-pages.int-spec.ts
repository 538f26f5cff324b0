import type { INestApplication } from '@nestjs/common';
import type { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { startService } from '@mash/messaging';
import { loadConfig } from '@mash/platform';
import { AppModule } from '../src/app.module';
import { IntakeConfig } from '../src/config';
import { adminPg, TEST_SERVICE_PORTS, testServiceEnv } from '../../../test-support/env';
import { Capture, TestBroker } from '../../../test-support/broker';
import {
  expectAccessible,
  launchBrowser,
  newContext,
  screenshot,
  signInForDevelopment,
} from '../../../test-support/browser';

/**
 * The referral portal and the contact officers' entry in a real browser, against intake started in
 * this process with its real database and broker. Every page reached with JavaScript on is checked
 * with axe (WCAG 2.2 A and AA) and kept as a screenshot under test-output/screenshots/portal.
 */
const BASE = `http://127.0.0.1:${TEST_SERVICE_PORTS.intake}`;
type Check = (state: string) => Promise<void>;

interface Child {
  givenName: string;
  familyName: string;
  born?: [string, string, string];
  due?: [string, string, string];
  /** Born, date of birth not known: an age in years instead. */
  age?: string;
  gender?: string;
  postcode?: string;
}

/** A date this many days from today, as GOV.UK's date input takes it (day, month, year). */
function daysFromNow(days: number): [string, string, string] {
  const date = new Date(Date.now() + days * 86_400_000);
  return [String(date.getUTCDate()), String(date.getUTCMonth() + 1), String(date.getUTCFullYear())];
}

function isoOf([day, month, year]: [string, string, string]): string {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

async function submit(page: Page, name: string) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);
}

async function fillDate(page: Page, legend: string, [day, month, year]: [string, string, string]) {
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

async function choose(page: Page, legend: string, option: string) {
  await page.getByRole('group', { name: legend, exact: true }).getByLabel(option, { exact: true }).check();
}

async function fillReferrer(
  page: Page,
  who: { source: string; name: string; email?: string; phone?: string },
) {
  await choose(page, await page.locator('main fieldset legend').first().innerText(), who.source);
  await page.getByLabel(/Your name|Caller’s name/).fill(who.name);
  await page.getByLabel('Job title or role (optional)').fill('Designated Safeguarding Lead');
  await page.getByLabel('Organisation (optional)').fill('Hill Primary');
  await page.getByLabel('Email address (optional)').fill(who.email ?? '');
  await page.getByLabel('Telephone number (optional)').fill(who.phone ?? '');
  await page.getByLabel('Relationship to the child (optional)').fill('teacher');
}

async function fillChild(page: Page, child: Child) {
  await page.getByLabel('First name').fill(child.givenName);
  await page.getByLabel('Last name').fill(child.familyName);
  if (child.born) {
    await choose(page, 'Has the child been born?', 'Yes');
    await fillDate(page, 'Date of birth', child.born);
  } else if (child.age) {
    await choose(page, 'Has the child been born?', 'Yes');
    await page
      .getByLabel('If you do not know their date of birth, how old are they? (optional)')
      .fill(child.age);
  } else {
    await choose(page, 'Has the child been born?', 'No, the baby is not born yet');
    await fillDate(page, 'Expected due date', child.due!);
  }
  if (child.gender) await choose(page, 'Gender (optional)', child.gender);
  await page.getByLabel('Address line 1').fill('1 High Street');
  await page.getByLabel('Town or city').fill('Croydon');
  await page.getByLabel('Postcode').fill(child.postcode ?? 'CR0 1AA');
  await page.getByLabel('School, college or nursery (optional)').fill(child.born ? 'Hill Primary' : '');
}

async function fillAdult(page: Page) {
  await page.getByLabel('First name').fill('Beth');
  await page.getByLabel('Last name').fill('Jones');
  await fillDate(page, 'Date of birth (optional)', ['2', '1', '1990']);
  await page.getByLabel('Relationship to the child (optional)').fill('mother');
  await choose(page, 'Do they have parental responsibility for the child?', 'Yes');
  await choose(page, 'Do they live with the child?', 'Yes');
  await choose(page, 'Are they thought to have caused harm to the child?', 'No');
}

async function fillConcern(page: Page) {
  await choose(
    page,
    'What are you asking the MASH for?',
    'I am worried a child is being harmed or is at risk of harm',
  );
  await page
    .getByLabel('What happened?')
    .fill('Amy came to school with a bruise and said she is scared to go home.');
  await choose(page, 'What is the concern about?', 'Neglect');
  await choose(page, 'What is the concern about?', 'Physical abuse');
  await page.getByLabel('What did the child say? (optional)').fill('I do not want to go home');
  await page.getByLabel('How safe do you think the child is, from 0 to 10? (optional)').fill('4');
  await choose(page, 'Is a child in danger right now?', 'No');
  await choose(page, 'Is the concern about someone who works or volunteers with children?', 'No');
}

/**
 * A whole referral from the start page to "Check your answers": two children (one unborn) and one adult.
 * With `mistakes`, the referrer first types a wrong email address and leaves out why consent was refused.
 */
async function fillReferral(
  page: Page,
  check: Check,
  options: { name: string; mistakes?: boolean; secondChildByAge?: boolean },
) {
  await page.goto(`${BASE}/refer`);
  await check('start');
  await submit(page, 'Start now');
  await check('referrer');
  await fillReferrer(page, {
    source: 'School or college',
    name: options.name,
    email: options.mistakes ? 'a.smith-at-hill.example' : 'a.smith@hill.example',
    phone: '020 7946 0000',
  });
  await submit(page, 'Continue');
  if (options.mistakes) {
    expect(await page.locator('.govuk-error-summary a').allInnerTexts()).toEqual([
      'Enter an email address in the correct format, like name@example.com',
    ]);
    expect(await page.locator('.govuk-error-summary a').getAttribute('href')).toBe('#referrer-email');
    // What was typed is kept.
    expect(await page.getByLabel('Email address (optional)').inputValue()).toBe('a.smith-at-hill.example');
    expect(await page.getByLabel('Your name').inputValue()).toBe(options.name);
    await check('referrer-errors');
    await page.getByLabel('Email address (optional)').fill('a.smith@hill.example');
    await submit(page, 'Continue');
  }
  expect(new URL(page.url()).pathname).toBe('/refer/child/1');
  await check('child');
  await fillChild(page, {
    givenName: 'Amy',
    familyName: 'Jones',
    born: ['4', '3', '2016'],
    gender: 'Female',
  });
  await submit(page, 'Save and continue');
  await check('children-one');
  await choose(page, 'Do you need to add another child?', 'Yes');
  await submit(page, 'Continue');
  await fillChild(
    page,
    options.secondChildByAge
      ? { givenName: 'Ben', familyName: 'Jones', age: '7' }
      : { givenName: 'Baby', familyName: 'Jones', due: daysFromNow(90) },
  );
  await submit(page, 'Save and continue');
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('You have added 2 children');
  await check('children-two');
  await choose(page, 'Do you need to add another child?', 'No');
  await submit(page, 'Continue');
  await check('adults-none');
  await choose(page, 'Do you want to tell us about an adult?', 'Yes');
  await submit(page, 'Continue');
  await check('adult');
  await fillAdult(page);
  await submit(page, 'Save and continue');
  await check('adults-one');
  await choose(page, 'Do you need to tell us about another adult?', 'No');
  await submit(page, 'Continue');
  await check('concern');
  await fillConcern(page);
  await submit(page, 'Save and continue');
  await check('urgent');
  await page.getByLabel('The child has an injury that may not be accidental').check();
  await submit(page, 'Save and continue');
  await check('consent');
  await choose(page, 'Did a parent or carer agree?', 'No, they refused');
  if (options.mistakes) {
    await submit(page, 'Save and continue');
    expect(await page.locator('.govuk-error-summary a').allInnerTexts()).toEqual([
      'Enter why the family refused or why you did not ask them',
    ]);
    await check('consent-errors');
  }
  await page
    .getByLabel('If they refused, or you did not ask them, why?')
    .fill('The mother may harm the child if told');
  await submit(page, 'Save and continue');
  expect(new URL(page.url()).pathname).toBe('/refer/check');
  await check('check');
}

describe('the referral pages (a real browser, intake with its database and broker)', () => {
  let app: INestApplication;
  let broker: TestBroker;
  let db: Client;
  let received: Capture<Record<string, unknown>>;
  let browser: Browser;

  beforeAll(async () => {
    db = await adminPg('intake');
    broker = await TestBroker.connect();
    received = await broker.capture('intake.events', 'contact.received');
    const config = loadConfig(IntakeConfig, testServiceEnv('intake'));
    app = await startService({
      service: 'intake',
      module: AppModule.register(config),
      config,
      title: 'intake',
      description: '',
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await broker?.close();
    await db?.end();
  });

  async function contactsBy(referrerName: string) {
    const { rows } = await db.query(
      `SELECT reference, source, channel, request_type, details FROM contacts WHERE details->'referrer'->>'name' = $1`,
      [referrerName],
    );
    return rows as {
      reference: string;
      source: string;
      channel: string;
      request_type: string;
      details: any;
    }[];
  }

  it('a referrer gives two children and an adult, corrects mistakes, sends once and sees the reference', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    const check: Check = (state) => expectAccessible(page, 'portal', state);
    await page.goto(`${BASE}/refer`);
    // First of all: call 999 if a child is in immediate danger; and a way to leave quickly.
    expect(await page.locator('main .govuk-warning-text').first().innerText()).toContain(
      'If a child is in immediate danger, call 999 now',
    );
    expect(await page.locator('.govuk-exit-this-page').count()).toBe(1);

    await fillReferral(page, check, { name: 'Ann Smith-Portal', mistakes: true });
    // Nothing is a contact before "Send referral".
    expect(await contactsBy('Ann Smith-Portal')).toEqual([]);

    // Change an answer from "Check your answers": back to the page, then back to the check.
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'Change telephone number' }).click(),
    ]);
    expect(await page.getByLabel('Telephone number (optional)').inputValue()).toBe('020 7946 0000');
    await page.getByLabel('Telephone number (optional)').fill('020 7946 0999');
    await submit(page, 'Continue');
    expect(new URL(page.url()).pathname).toBe('/refer/check');
    expect(await page.locator('main').innerText()).toContain('020 7946 0999');
    expect(await page.locator('.govuk-exit-this-page').count()).toBe(1);

    await submit(page, 'Send referral');
    const reference = (await page.getByTestId('reference').innerText()).trim();
    expect(reference).toMatch(/^MASH-\d{8}-\d{6}$/);
    expect(await page.locator('.govuk-panel__title').innerText()).toBe('Referral sent');
    expect(await page.getByRole('heading', { name: 'What happens next' }).count()).toBe(1);
    await check('sent');

    const stored = await contactsBy('Ann Smith-Portal');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      reference,
      source: 'school',
      channel: 'portal',
      request_type: 'safeguarding',
    });
    expect(stored[0].details).toEqual({
      source: 'school',
      channel: 'portal',
      requestType: 'safeguarding',
      referrer: {
        name: 'Ann Smith-Portal',
        role: 'Designated Safeguarding Lead',
        organisation: 'Hill Primary',
        email: 'a.smith@hill.example',
        phone: '020 7946 0999',
        relationshipToChild: 'teacher',
      },
      children: [
        {
          givenName: 'Amy',
          familyName: 'Jones',
          dateOfBirth: '2016-03-04',
          gender: 'female',
          address: { line1: '1 High Street', town: 'Croydon', postcode: 'CR0 1AA' },
          school: 'Hill Primary',
        },
        {
          givenName: 'Baby',
          familyName: 'Jones',
          unborn: true,
          expectedDueDate: isoOf(daysFromNow(90)),
          address: { line1: '1 High Street', town: 'Croydon', postcode: 'CR0 1AA' },
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
        categories: ['neglect', 'physical-abuse'],
        childSaid: 'I do not want to go home',
        safetyScale: 4,
        immediateDanger: false,
        allegationAgainstProfessional: false,
        urgentIndicators: ['non-accidental-injury'],
      },
      consent: { status: 'refused', reason: 'The mother may harm the child if told' },
    });
    const [message] = await received.waitFor(1, (m) => m.body.reference === reference);
    expect(message.body).toMatchObject({ reference, channel: 'portal', children: expect.any(Array) });

    // Back to "Check your answers" and send again: the same confirmation, still one contact.
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/refer/sent');
    const token = await page.locator('input[name=_csrf]').first().inputValue();
    const again = await context.request.post(`${BASE}/refer/send`, { form: { _csrf: token } });
    expect(again.status()).toBe(200);
    expect(await again.text()).toContain(reference);
    expect(await contactsBy('Ann Smith-Portal')).toHaveLength(1);
    // The answers were cleared: a new referral starts empty.
    await submit(page, 'Make another referral');
    expect(await page.getByLabel('Your name').inputValue()).toBe('');
    await context.close();
  }, 240_000);

  it('a child whose date of birth the referrer does not know is referred with an age', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await fillReferral(page, async () => undefined, { name: 'Alex Age', secondChildByAge: true });
    expect(await page.locator('main').innerText()).toContain('About 7 years old');
    await expectAccessible(page, 'portal', 'check-with-an-age');
    await submit(page, 'Send referral');
    const [stored] = await contactsBy('Alex Age');
    expect(stored.details.children[1]).toMatchObject({ givenName: 'Ben', approximateAge: { years: 7 } });
    expect(stored.details.children[1].dateOfBirth ?? null).toBeNull();
    await context.close();
  }, 180_000);

  it('sending twice at once (a double click) records one contact', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await fillReferral(page, async () => undefined, { name: 'Dee Double' });
    const token = await page.locator('form[action="/refer/send"] input[name=_csrf]').inputValue();
    const [first, second] = await Promise.all([
      context.request.post(`${BASE}/refer/send`, { form: { _csrf: token } }),
      context.request.post(`${BASE}/refer/send`, { form: { _csrf: token } }),
    ]);
    expect([first.status(), second.status()]).toEqual([200, 200]);
    const stored = await contactsBy('Dee Double');
    expect(stored).toHaveLength(1);
    expect(await first.text()).toContain(stored[0].reference);
    expect(await second.text()).toContain(stored[0].reference);
    await context.close();
  }, 180_000);

  it('works without JavaScript, on a phone-sized screen', async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await page.setViewportSize({ width: 390, height: 844 });
    const shot: Check = async (state) => {
      await screenshot(page, 'portal-no-javascript-390', state);
    };
    await fillReferral(page, shot, { name: 'Jo Nojs', mistakes: true });
    await submit(page, 'Send referral');
    const reference = (await page.getByTestId('reference').innerText()).trim();
    await shot('sent');
    expect(await contactsBy('Jo Nojs')).toEqual([expect.objectContaining({ reference })]);
    // Without JavaScript, "Exit this page" is still a link away from the site.
    expect(await page.locator('.govuk-exit-this-page a').getAttribute('href')).toBe(
      'https://www.bbc.co.uk/weather',
    );
    await context.close();
  }, 180_000);

  it('a contact officer records a phone contact on the caller’s behalf', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    const check: Check = (state) => expectAccessible(page, 'contact-officer', state);
    // Not signed in: sent to sign in first.
    await page.goto(`${BASE}/contacts/new`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await signInForDevelopment(page, BASE, { role: 'contact-officer', name: 'Col Officer' });
    await page.goto(`${BASE}/contacts/new`);
    expect(new URL(page.url()).pathname).toBe('/contacts/new/how');
    await check('how');
    await submit(page, 'Continue');
    expect(await page.locator('.govuk-error-summary a').allInnerTexts()).toEqual([
      'Select how the contact was made',
    ]);
    await check('how-errors');
    await page.getByLabel('Phone call').check();
    await submit(page, 'Continue');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('About the caller');
    await check('referrer');
    await fillReferrer(page, { source: 'A member of the public', name: 'Pat Caller', phone: '07700 900982' });
    await submit(page, 'Continue');
    await fillChild(page, { givenName: 'Cal', familyName: 'Brown', born: ['1', '9', '2019'] });
    await submit(page, 'Save and continue');
    await choose(page, 'Do you need to add another child?', 'No');
    await submit(page, 'Continue');
    await choose(page, 'Do you want to tell us about an adult?', 'No');
    await submit(page, 'Continue');
    await fillConcern(page);
    await submit(page, 'Save and continue');
    await page.getByLabel('None of these').check();
    await submit(page, 'Save and continue');
    await choose(page, 'Did a parent or carer agree?', 'I did not ask them');
    await page.getByLabel('If they refused, or you did not ask them, why?').fill('Caller is a neighbour');
    await submit(page, 'Save and continue');
    const main = await page.locator('main').innerText();
    expect(main).toContain('Phone call');
    expect(main).toContain('Col Officer');
    // A contact officer's pages have no "Exit this page".
    expect(await page.locator('.govuk-exit-this-page').count()).toBe(0);
    await check('check');
    await submit(page, 'Send referral');
    expect(await page.locator('.govuk-panel__title').innerText()).toBe('Contact recorded');
    const reference = (await page.getByTestId('reference').innerText()).trim();
    await check('sent');
    const stored = await contactsBy('Pat Caller');
    expect(stored).toEqual([
      expect.objectContaining({ reference, channel: 'phone', source: 'member-of-public' }),
    ]);
    expect(stored[0].details.concern.urgentIndicators).toEqual([]);
    expect(stored[0].details.consent).toEqual({ status: 'not-sought', reason: 'Caller is a neighbour' });
    await context.close();
  }, 180_000);

  it('refuses a form posted without its CSRF token, and keeps nothing from it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await page.goto(`${BASE}/refer`);
    await submit(page, 'Start now');
    const refused = await context.request.post(`${BASE}/refer/referrer`, {
      form: { source: 'school', name: 'Cross Site' },
    });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain('Your form could not be sent');
    await page.goto(`${BASE}/refer/referrer`);
    expect(await page.getByLabel('Your name').inputValue()).toBe('');
    await context.close();
  });
});
