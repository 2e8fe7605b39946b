/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Browser, Page } from 'playwright-core';
import { startApi } from '../support/apiServer';
import { eventually } from '../support/eventually';
import { goodJudgements, startWorker } from '../support/inspectionHarness';
import { PROVIDER_ID } from '../support/pureDriver';
import { createLocalEnv } from '../support/temporal';
import { INSPECTION_TYPES } from '../../machines/registry';
import { addCalendarDays, addWorkingDays, londonDateOf } from '../../calendar';

/**
 * The managers' web page (/ui) in a real browser: Debian's headless Chromium driven by playwright-core, against
 * the dev server, a worker and the API. Nothing downloads a browser: without /usr/bin/chromium this is skipped
 * with a warning, or fails when REQUIRE_BROWSER=1 (as CI sets it).
 */
const CHROMIUM = '/usr/bin/chromium';
const hasBrowser = existsSync(CHROMIUM);
const required = process.env.REQUIRE_BROWSER === '1';
const SHOTS = path.resolve(__dirname, '../../test-artifacts/screenshots');
if (!hasBrowser && !required) console.warn(`web page tests skipped: ${CHROMIUM} is missing (apt-get install chromium; REQUIRE_BROWSER=1 makes this a failure)`);
const suite = hasBrowser || required ? describe : describe.skip;

let env: TestWorkflowEnvironment;
let worker: Awaited<ReturnType<typeof startWorker>>;
let api: Awaited<ReturnType<typeof startApi>>;
let browser: Browser;

suite('the web page for managers (headless Chromium)', () => {
  beforeAll(async () => {
    if (!hasBrowser) throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium)`);
    process.env.TEMPORAL_UI_URL = 'http://temporal-ui.test:8080';
    mkdirSync(SHOTS, { recursive: true });
    const { chromium } = await import('playwright-core');
    [env, browser] = await Promise.all([
      createLocalEnv(),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
    ]);
    worker = await startWorker(env.nativeConnection);
    api = await startApi(env.client, worker.db, worker.taskQueue);
  }, 180_000);

  afterAll(async () => {
    delete process.env.TEMPORAL_UI_URL;
    await browser?.close();
    await api?.close();
    await worker?.stop();
    await env?.teardown();
  });

  const daysAgo = (n: number) => addCalendarDays(londonDateOf(Date.now()), -n);
  const decide = (id: string, role: 'manager' | 'inspector' | 'provider', body: unknown) =>
    api.call('POST', `/inspections/${id}/decisions`, { role, body });
  /** Opened 63 days ago, so its steps may be entered late, dated from then on. */
  async function create() {
    return (await api.call('POST', '/inspections', { role: 'manager', body: { type: 'sccif-rfc-full', providerId: PROVIDER_ID, at: daysAgo(63) } })).body.inspectionId as string;
  }
  const stageOf = async (id: string) => (await api.call('GET', `/inspections/${id}`, { role: 'manager' })).body.stage as string;

  /** Back-dated: feedback 61 days ago, draft and comments on time, the final report (a manager's step) overdue. */
  async function overdueFinalReport() {
    const id = await create();
    await decide(id, 'inspector', { event: 'INSPECTION_STARTED', at: daysAgo(63) });
    await decide(id, 'inspector', { event: 'FEEDBACK_GIVEN', at: daysAgo(61), judgements: goodJudgements });
    // The draft after the working day the provider has to raise a concern (the next-day contact).
    await decide(id, 'inspector', { event: 'DRAFT_REPORT_SENT', at: addWorkingDays(daysAgo(61), 2) });
    // The comment window closed long ago by the clock; dated inside it, the comments take their place before it.
    await decide(id, 'provider', { event: 'COMMENTS_SUBMITTED', at: addWorkingDays(daysAgo(61), 3) });
    await eventually(async () => ((await stageOf(id)) === 'reporting.finalising' ? true : undefined));
    await eventually(async () => {
      const inbox = (await api.call('GET', '/inbox?limit=200', { role: 'manager' })).body.items;
      return inbox.some((i: { inspectionId: string; event: string; overdue: boolean }) => i.inspectionId === id && i.event === 'FINAL_REPORT_SENT' && i.overdue) ? true : undefined;
    });
    return id;
  }

  /** Feedback 6 working days ago, the draft 2 after it, the provider's complaint inside its comment window. */
  async function underComplaint() {
    const id = await create();
    const feedbackOn = addWorkingDays(londonDateOf(Date.now()), -6);
    await decide(id, 'inspector', { event: 'INSPECTION_STARTED', at: feedbackOn });
    await decide(id, 'inspector', { event: 'FEEDBACK_GIVEN', at: feedbackOn, judgements: goodJudgements });
    await decide(id, 'inspector', { event: 'DRAFT_REPORT_SENT', at: addWorkingDays(feedbackOn, 2) });
    await decide(id, 'provider', { event: 'COMPLAINT_MADE', at: addWorkingDays(feedbackOn, 3), summary: 'the judgement on leadership is unfair' });
    await eventually(async () => ((await stageOf(id)) === 'reporting.complaint' ? true : undefined));
    await eventually(async () => {
      const inbox = (await api.call('GET', '/inbox?limit=200', { role: 'manager' })).body.items;
      return inbox.some((i: { inspectionId: string; event: string }) => i.inspectionId === id && i.event === 'COMPLAINT_RESPONDED') ? true : undefined;
    });
    return id;
  }

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => { throw error; });
    return page;
  }

  async function signIn(page: Page, token: string) {
    await page.goto(`${api.base}/ui/`);
    await page.waitForSelector('h1:has-text("Sign in")');
    await page.getByLabel('Bearer token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForSelector('h1:has-text("Decisions waiting for you")');
  }

  it('serves /ui under its own CSP and /ui/config.json with the Temporal UI address', async () => {
    const res = await fetch(`${api.base}/ui/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await res.text()).toContain('<script type="module" src="app.js">');
    expect((await api.call('GET', '/ui/config.json')).body).toEqual({ temporalUiUrl: 'http://temporal-ui.test:8080' });
    const types = (await api.call('GET', '/types')).body.types;
    const chart = types.find((t: { type: string }) => t.type === 'sccif-rfc-full').chart;
    expect(chart.states.find((s: { path: string }) => s.path === 'reporting')).toMatchObject({ type: 'compound', initial: 'reporting.qualityAssurance', parent: '' });
    expect(chart.transitions).toContainEqual({ source: 'reporting.finalising', event: 'FINAL_REPORT_SENT', targets: ['awaitingPublication'], guard: null });
  });

  it('signs in, shows an overdue decision, makes it through the generated form; the stage moves on the picture and the audit trail grows', async () => {
    const id = await overdueFinalReport();
    const page = await newPage();
    const started = Date.now();
    await signIn(page, api.tokens.manager);
    expect(await page.evaluate(() => sessionStorage.getItem('inspections.token'))).toBe(api.tokens.manager);
    const row = page.locator(`tr[data-inspection="${id}"][data-event="FINAL_REPORT_SENT"]`);
    await expect(row.locator('.overdue-badge').textContent()).resolves.toBe('Overdue');
    await page.screenshot({ path: `${SHOTS}/inbox.png`, fullPage: true });

    // The inspection page before: the current stage highlighted on the machine's picture.
    await page.click(`tr[data-inspection="${id}"] a[href="#/inspections/${id}"]`);
    await page.waitForSelector('svg.chart g.state.active');
    expect(await page.locator('svg.chart g.state.active').getAttribute('data-path')).toBe('reporting.finalising');
    expect(await page.getByTestId('temporal-link').getAttribute('href')).toBe(`http://temporal-ui.test:8080/namespaces/default/workflows/${id}`);
    await expect(page.getByTestId('verification').textContent()).resolves.toMatch(/Hash chain verified: \d+ entries, intact/);
    expect(await page.locator('svg.gantt rect[data-kind="future"]').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.gantt circle[data-kind="past"]').count()).toBeGreaterThanOrEqual(4);
    const entriesBefore = await page.locator('table.audit tbody tr').count();

    // Make the decision through the generated form.
    await page.click('button[data-event="FINAL_REPORT_SENT"]');
    const form = page.locator('form[data-event="FINAL_REPORT_SENT"]');
    await expect(form.getByLabel(/Date it happened/).getAttribute('type')).resolves.toBe('date');
    await form.getByLabel(/Note for the audit trail/).fill('sent late; see the breach');
    await form.getByRole('button', { name: /^Send/ }).click();
    await page.waitForSelector('#inspection-result .success');
    expect(await page.locator('svg.chart g.state.active').getAttribute('data-path')).toBe('awaitingPublication');
    expect(await page.getByTestId('stage').textContent()).toBe('awaitingPublication');
    expect(await page.locator('table.audit tbody tr').count()).toBeGreaterThan(entriesBefore);
    expect(await page.locator('table.audit tbody tr[data-kind="decision.accepted"]').last().textContent()).toContain('FINAL_REPORT_SENT');
    expect(await page.locator('table.audit tbody tr[data-kind="transition"]').last().textContent()).toContain('reporting.finalising → awaitingPublication');
    await page.screenshot({ path: `${SHOTS}/inspection-after-decision.png`, fullPage: true });
    await page.locator('svg.chart').screenshot({ path: `${SHOTS}/chart-after-decision.png` });
    console.log(`web: overdue decision made in the browser in ${Date.now() - started} ms`);
    await page.context().close();
  });

  it("shows the API's reason when a decision is refused; the judgements form is generated from the nested schema", async () => {
    const id = await underComplaint();
    const page = await newPage();
    await signIn(page, api.tokens.manager);
    await page.click(`button[data-inspection="${id}"][data-event="COMPLAINT_RESPONDED"]`);
    const form = page.locator('form[data-event="COMPLAINT_RESPONDED"]');
    await form.waitFor();
    expect(await form.locator('fieldset legend').first().textContent()).toContain('Judgements');
    await form.getByLabel(/^Outcome/).selectOption('not_upheld');
    for (const judgement of ['Overall experiences and progress', 'Help and protection', 'Leadership and management']) {
      const select = form.getByLabel(new RegExp(`^${judgement}`));
      expect(await select.locator('option').allTextContents()).toEqual(expect.arrayContaining(['Good', 'Requires improvement']));
    }
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel(/Date it happened/).fill(tomorrow);
    await form.getByRole('button', { name: /^Send/ }).click();
    const message = page.getByTestId('api-message');
    await message.waitFor();
    const direct = await api.call('POST', `/inspections/${id}/decisions`, { role: 'manager', body: { event: 'COMPLAINT_RESPONDED', outcome: 'not_upheld', at: tomorrow } });
    expect(direct.status).toBe(400);
    expect(await message.textContent()).toBe(direct.body.error.message);
    expect(await message.textContent()).toContain('is in the future');
    expect(await page.locator('[data-testid="decision-error"]').getAttribute('role')).toBe('alert');
    await page.screenshot({ path: `${SHOTS}/refused-decision.png`, fullPage: true });
    expect(await stageOf(id)).toBe('reporting.complaint');
    await page.context().close();
  });

  it('reaches the inbox action by keyboard alone, with a visible focus ring', async () => {
    const id = await overdueFinalReport();
    const page = await newPage();
    await page.goto(`${api.base}/ui/`);
    await page.evaluate((t) => sessionStorage.setItem('inspections.token', t), api.tokens.manager);
    await page.goto(`${api.base}/ui/#/inbox`);
    await page.reload();
    await page.waitForSelector('h1:has-text("Decisions waiting for you")');
    let reached = false;
    for (let i = 0; i < 200 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((inspection) => {
        const el = document.activeElement as HTMLElement | null;
        return el?.tagName === 'BUTTON' && el.dataset.inspection === inspection && el.dataset.event === 'FINAL_REPORT_SENT';
      }, id);
    }
    expect(reached).toBe(true);
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(ring.outline).toBe('solid');
    expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: `${SHOTS}/keyboard-focus.png` });
    await page.keyboard.press('Enter');
    await page.waitForSelector('form[data-event="FINAL_REPORT_SENT"]');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    await tabUntil(page, () => (document.activeElement as HTMLTextAreaElement | null)?.name === 'note'); // past the date's parts
    await page.keyboard.type('decided by keyboard');
    await tabUntil(page, () => /^Send/.test(document.activeElement?.textContent ?? ''));
    await page.keyboard.press('Enter');
    await page.waitForSelector('#inbox-result .success');
    await eventually(async () => ((await stageOf(id)) === 'awaitingPublication' ? true : undefined));
    await page.context().close();
  });

  it('has labelled controls, a single h1 and text contrast of at least 4.5:1 on every page', async () => {
    await overdueFinalReport();
    const page = await newPage();
    await signIn(page, api.tokens.manager);
    const id = await page.locator('table.inbox tbody tr').first().getAttribute('data-inspection');
    for (const [hash, ready] of [['#/inbox', 'table.inbox'], [`#/inspections/${id}`, 'svg.chart'], ['#/catalogue', 'section.type svg.chart']] as const) {
      await page.goto(`${api.base}/ui/${hash}`);
      await page.waitForSelector(`main ${ready}`, { timeout: 10_000 }).catch(async (error) => {
        throw new Error(`${hash}: ${String(error)}\n${await page.locator('main').innerText()}`);
      });
      const report = await page.evaluate(auditPage);
      expect({ hash, ...report, lowContrast: report.lowContrast.slice(0, 5) }).toEqual({ hash, h1: 1, unlabelled: [], lowContrast: [], lang: 'en' });
    }
    await page.screenshot({ path: `${SHOTS}/catalogue.png`, fullPage: true });
    expect(await page.locator('svg.chart').count()).toBe(INSPECTION_TYPES.length); // one picture per type and version
    await page.context().close();
  });
});

async function tabUntil(page: Page, reached: () => boolean, limit = 30) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(reached)) return;
  }
  throw new Error('not reached by Tab');
}

/** Runs in the page: counts h1s, finds form controls without a label, and text whose contrast is under 4.5:1. */
function auditPage() {
  const parse = (c: string) => {
    const m = c.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
    return m ? { r: +m[1]!, g: +m[2]!, b: +m[3]!, a: m[4] === undefined ? 1 : +m[4] } : { r: 0, g: 0, b: 0, a: 0 };
  };
  const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
    const f = (v: number) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el: Element | null): { r: number; g: number; b: number } => {
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg.a > 0.5) return bg;
    }
    return { r: 255, g: 255, b: 255 };
  };
  const lowContrast: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent?.trim() || el.closest('svg, .visually-hidden, noscript, script, [hidden]')) continue;
    if (el.closest('.skip-link')) continue; // off-screen until focused
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const fg = lum(parse(style.color));
    const bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 4.5) lowContrast.push(`${ratio.toFixed(2)} "${node.textContent.trim().slice(0, 30)}"`);
  }
  const unlabelled = [...document.querySelectorAll('input, select, textarea, button')]
    .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby') && !el.textContent?.trim())
    .map((el) => el.outerHTML.slice(0, 80));
  return { h1: document.querySelectorAll('h1').length, unlabelled, lowContrast, lang: document.documentElement.lang };
}
