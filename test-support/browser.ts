import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/**
 * Page tests drive Debian's Chromium with playwright-core (a browser download cannot work here) and
 * check every page they reach with axe-core against WCAG 2.2 A and AA, keeping a full-page screenshot
 * of each under test-output/screenshots so a person can look at what the test saw.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', 'test-output', 'screenshots');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A fresh browser profile (no cookies), with JavaScript on or off. */
export function newContext(
  browser: Browser,
  options: { javaScript?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: 1100, height: 900 },
  });
}

/**
 * (axe runs in the page, so it needs a context with JavaScript on; a test of a page without JavaScript
 * keeps a screenshot and checks the same page with JavaScript on.)
 * Fails with the rule ids and the elements they found (never the page's text) when axe finds any
 * WCAG 2.2 A or AA violation, after keeping a screenshot named `<suite>/<state>.png`.
 */
export async function expectAccessible(page: Page, suite: string, state: string): Promise<void> {
  await screenshot(page, suite, state);
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  if (violations.length) {
    throw new Error(`axe found violations on ${suite}/${state}: ${JSON.stringify(violations, null, 2)}`);
  }
}

export async function screenshot(page: Page, suite: string, state: string): Promise<string> {
  const directory = join(SCREENSHOTS, suite);
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `${state}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in through the development sign-in of a service's pages (`/sign-in`), by its labels. */
export async function signInForDevelopment(
  page: Page,
  baseUrl: string,
  who: { role: string; name: string; agency?: string },
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(ROLE_LABELS[who.role] ?? who.role, { exact: true }).check();
  if (who.agency) await page.getByLabel('Agency', { exact: true }).selectOption(who.agency);
  await page.getByLabel('Your name').fill(who.name);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);
  if (new URL(page.url()).pathname.startsWith('/sign-in')) {
    const problem = await page.locator('.govuk-error-summary, h1').first().textContent();
    throw new Error(`the development sign-in did not sign in: ${problem?.replace(/\s+/g, ' ').trim()}`);
  }
}

const ROLE_LABELS: Record<string, string> = {
  'contact-officer': 'Contact officer',
  'social-worker': 'Social worker',
  'decision-maker': 'Decision maker',
  'team-manager': 'Team manager',
  'agency-practitioner': 'Agency practitioner',
  'hub-operator': 'Hub operator',
  auditor: 'Auditor',
};
