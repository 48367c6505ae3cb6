/**
 * Browser: «Sjekk kundelisten» in Chromium with real CSV files — comma, semicolon with a BOM and
 * quoted line breaks, 100,000 rows, an unknown value, an empty and a binary file. The counts on the
 * page, and the outcome column of the downloaded list, equal `lovkode decide --csv` on the same rows
 * (with the campaign answers from the downloaded receipt). No request leaves the page after it has
 * loaded, nothing is stored, keyboard alone is enough, the campaign questions say why they are asked
 * (in each language), axe finds nothing in either language, and without JavaScript the page says so.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadDefaultPack } from '../../compiler/index.ts';
import { todayInNorway } from '../../site/lib/answers.ts';
import { lovkode } from '../support/cli.ts';
import { axeViolations, e2eUnavailable, newPage, useSite } from './support.ts';

const unavailable = e2eUnavailable();
const date = todayInNorway();

/** The per-person facts the generated lists carry (names from the spec's vocabulary), with their values. */
const COLUMNS: Record<string, string[]> = {
  recipientType: ['private_person', 'sole_proprietor', 'generic_business_address', ''],
  hasConsent: ['true', 'false', ''],
  consentMethod: ['active_opt_in', 'pre_ticked_box', 'none', ''],
  recipientOptedOut: ['true', 'false', 'false', 'false'],
  reservedInRegister: ['true', 'false', ''],
  customerRelationship: ['none', 'ongoing', 'single_purchase_low_value', 'ended', ''],
};
/** How the test answers the campaign questions; any other question gets its first answer. */
const CAMPAIGN: Record<string, string> = { channel: 'email', purpose: 'newsletter_with_marketing', senderActsInBusiness: 'true', productOwner: 'own' };

/** A seeded list of `n` rows with the columns above (comma-separated). */
function factList(n: number, seed = 7): string {
  let s = seed;
  const rnd = (k: number) => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s % k);
  const names = Object.keys(COLUMNS);
  const lines = [['email', ...names].join(',')];
  for (let i = 0; i < n; i++) lines.push([`person${i}@example.no`, ...names.map((c) => COLUMNS[c]![rnd(COLUMNS[c]!.length)]!)].join(','));
  return `${lines.join('\n')}\n`;
}

interface Receipt {
  rulesVersion: string;
  date: string;
  campaign: Record<string, string | boolean | null>;
  columns: { column: string; fact: string; values: Record<string, string | boolean | null> }[];
  counts: Record<string, number>;
}

/** The outcome `decide --csv` gives each row of `text`, with the mapping and the campaign of the receipt. */
async function cliOutcomes(text: string, receipt: Receipt): Promise<string[]> {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimiter: text.split('\n')[0]!.includes(';') ? ';' : ',' });
  const [header, ...rows] = parsed.data;
  const cols = receipt.columns.map((c) => ({ index: header!.indexOf(c.column), ...c }));
  const campaignFacts = Object.keys(receipt.campaign).filter((f) => !cols.some((c) => c.fact === f));
  const facts = [...cols.map((c) => c.fact), ...campaignFacts];
  const cell = (v: string | boolean | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const isDate = (s: string) => /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})([ T].*)?$/.test(s);
  const csv = [facts.join(','), ...rows.map((r) => [...cols.map((c) => cell(c.values[r[c.index]!.trim()] ?? (isDate(r[c.index]!.trim()) ? c.values['(dato)'] : null))), ...campaignFacts.map((f) => cell(receipt.campaign[f]))].join(','))].join('\n');
  const { out } = await lovkode(['decide', '--csv', '--date', receipt.date], `${csv}\n`);
  return out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const d = JSON.parse(l) as { outcome?: string | null; error?: unknown };
      return 'error' in d ? 'error' : (d.outcome ?? 'missing');
    });
}

const tally = (outcomes: string[]) => outcomes.reduce<Record<string, number>>((m, o) => ((m[o] = (m[o] ?? 0) + 1), m), {});

async function openTool(page: Page, base: string, path = '/sjekk-liste/'): Promise<void> {
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  await page.waitForSelector('[data-list-tool][data-ready]');
}

const scratch = mkdtempSync(join(tmpdir(), 'lovkode-list-'));

/** Chooses a file in the page's file input (written to disk first: large buffers are slow to send). */
async function chooseFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  const path = join(scratch, name);
  writeFileSync(path, content);
  await page.setInputFiles('#list-file', path);
}

/** Answers the campaign questions (CAMPAIGN, else the first answer) until the answer is shown. */
async function answerCampaign(page: Page, answers: Record<string, string> = CAMPAIGN): Promise<string[]> {
  const asked: string[] = [];
  await page.waitForSelector('#step-campaign:not([hidden])');
  for (let i = 0; i < 30; i++) {
    const fact = await page.evaluate(() => (document.getElementById('step-answer')!.hidden ? (document.querySelector<HTMLElement>('#step-campaign .q-step')?.dataset.fact ?? '') : null));
    if (fact === null) return asked;
    if (fact === '') {
      await page.waitForTimeout(50);
      continue;
    }
    asked.push(fact);
    const want = answers[fact];
    await (want !== undefined ? page.locator(`#step-campaign input[name="${fact}"][value="${want}"]`) : page.locator(`#step-campaign input[name="${fact}"]`).first()).check();
    await page.click('#step-campaign button[type=submit]');
    await page.waitForFunction((prev) => !document.getElementById('step-answer')!.hidden || document.querySelector<HTMLElement>('#step-campaign .q-step')?.dataset.fact !== prev, fact);
  }
  throw new Error(`the campaign did not end: ${asked.join(', ')}`);
}

/** The «why we ask» of the campaign question on the page: its summary and the rule titles it lists. */
async function campaignWhy(page: Page): Promise<{ summary: string; titles: string[] } | null> {
  await page.waitForSelector('#step-campaign .q-step');
  return page.evaluate(() => {
    const d = document.querySelector('#step-campaign details.why');
    return d ? { summary: d.querySelector('summary')!.textContent!, titles: [...d.querySelectorAll('.why-title')].map((e) => e.textContent!) } : null;
  });
}

/** Rule titles of the pack in a language. */
const ruleTitles = (lang: 'nb' | 'en') => new Set(loadDefaultPack().tables.rules.map((r) => r.title[lang]));

async function pageCounts(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-count]', (els) => Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.count!, Number(e.querySelector('strong')!.textContent!.replace(/\D/g, ''))])));
}

async function download(page: Page, what: 'csv' | 'receipt'): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download="${what}"]`)]);
  return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
}

/** Merges allowed/allowed_with_conditions etc. exactly as the page and the CLI name them. */
function expectSameCounts(page: Record<string, number>, cli: string[]): void {
  expect(page).toEqual(tally(cli));
}

describe.skipIf(unavailable !== null)('Sjekk kundelisten (Chromium)', () => {
  let browser: Browser;
  let base: string;

  useSite((site) => ({ browser, base } = site));

  it('a comma list: the counts and the downloaded outcome column equal decide --csv; no request after load, nothing stored', async () => {
    const page = await newPage(browser);
    await openTool(page, base);
    const requests: string[] = [];
    page.on('request', (r) => {
      if (/^https?:/.test(r.url())) requests.push(r.url());
    });
    const text = factList(300);
    await chooseFile(page, 'kunder.csv', text);
    // Every column named by a fact is suggested as that fact.
    await page.waitForSelector('#step-columns:not([hidden])');
    for (const fact of Object.keys(COLUMNS)) expect(await page.locator(`select[data-col]:not([data-raw]) >> nth=${Object.keys(COLUMNS).indexOf(fact)}`).inputValue()).toBe(fact);
    // The campaign's first question says why it is asked: the pack's rules its answer decides, at most five named.
    const why = await campaignWhy(page);
    // More questions can follow the first: the progress line says at most how many.
    expect(await page.textContent('#step-campaign .q-progress')).toMatch(/^Spørsmål 1 av høyst \d+ på denne veien$/);
    expect(why?.summary).toBe('Hvorfor spør vi om dette?');
    expect(why!.titles.length).toBeGreaterThan(0);
    expect(why!.titles.length).toBeLessThanOrEqual(5);
    const titles = ruleTitles('nb');
    for (const title of why!.titles) expect(titles.has(title), title).toBe(true);
    const asked = await answerCampaign(page);
    expect(asked[0]).toBe('channel');
    for (const fact of Object.keys(COLUMNS)) expect(asked).not.toContain(fact);
    const counts = await pageCounts(page);
    const receipt = JSON.parse((await download(page, 'receipt')).text) as Receipt;
    expect(receipt.date).toBe(date);
    expect(receipt.counts).toMatchObject(counts);
    const cli = await cliOutcomes(text, receipt);
    expectSameCounts(counts, cli);
    const csv = await download(page, 'csv');
    expect(csv.name).toMatch(/\.csv$/);
    const out = Papa.parse<string[]>(csv.text, { skipEmptyLines: true }).data;
    expect(out[0]!.slice(-4)).toEqual(['lovkode_outcome', 'lovkode_rule', 'lovkode_missing', 'lovkode_obligations']);
    expect(out.slice(1).map((r) => r.at(-4))).toEqual(cli);
    // Filtering and paging the table.
    await page.selectOption('#f-category', 'not_allowed');
    await page.waitForFunction(() => [...document.querySelectorAll('#list-rows tr[data-category]')].every((tr) => (tr as HTMLElement).dataset.category === 'not_allowed'));
    expect(await page.locator('#list-rows tbody tr').count()).toBe(Math.min(50, tally(cli).not_allowed ?? 0));
    expect(requests).toEqual([]);
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate(async () => ({ local: localStorage.length, session: sessionStorage.length, dbs: (await indexedDB.databases()).length }))).toEqual({ local: 0, session: 0, dbs: 0 });
    await page.context().close();
  }, 120_000);

  it('a semicolon list with a BOM, quoted line breaks and Norwegian headers: the same counts as decide --csv, written back as it came', async () => {
    const page = await newPage(browser);
    await openTool(page, base, '/en/check-list/');
    const rows = Array.from({ length: 60 }, (_, i) => `"Hansen; ${i}";${i % 3 ? 'ja' : 'nei'};${i % 4 ? '' : 'x'};"notat\nlinje ${i}"`);
    const text = `\uFEFFNavn;Samtykke;Reservert;Notat\n${rows.join('\n')}\n`;
    await chooseFile(page, 'liste.csv', Buffer.from(text, 'utf8'));
    await page.waitForSelector('#step-columns:not([hidden])');
    expect(await page.textContent('#list-status')).toContain('60 rows and 4 columns');
    // «Why we ask» in English, opened from the keyboard.
    const why = await campaignWhy(page);
    expect(why?.summary).toBe('Why we ask');
    const titles = ruleTitles('en');
    for (const title of why!.titles) expect(titles.has(title), title).toBe(true);
    await page.focus('#step-campaign details.why summary');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.querySelector<HTMLDetailsElement>('#step-campaign details.why')!.open)).toBe(true);
    expect(await page.isVisible('#step-campaign details.why .why-title >> nth=0')).toBe(true);
    await answerCampaign(page);
    const counts = await pageCounts(page);
    const receipt = JSON.parse((await download(page, 'receipt')).text) as Receipt;
    expect(receipt.columns.map((c) => c.column)).toContain('Samtykke');
    expectSameCounts(counts, await cliOutcomes(text, receipt));
    const csv = await download(page, 'csv');
    expect(csv.text.startsWith('\uFEFFNavn;Samtykke;Reservert;Notat;lovkode_outcome;')).toBe(true);
    expect(csv.text).toContain('"Hansen; 0";nei;x;"notat\nlinje 0";');
    await page.context().close();
  }, 120_000);

  it('100,000 rows: decided in the browser, the same counts as decide --csv', async () => {
    const page = await newPage(browser);
    await openTool(page, base);
    const text = factList(100_000, 11);
    await chooseFile(page, 'stor.csv', text);
    await page.waitForSelector('#step-columns:not([hidden])', { timeout: 60_000 });
    await answerCampaign(page);
    const counts = await pageCounts(page);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(100_000);
    const receipt = JSON.parse((await download(page, 'receipt')).text) as Receipt;
    expectSameCounts(counts, await cliOutcomes(text, receipt));
    // Only a page of rows is in the document.
    expect(await page.locator('#list-rows tbody tr').count()).toBe(50);
    expect(await page.textContent('.list-pager')).toContain('2000');
    await page.context().close();
  }, 180_000);

  it('an unknown value in one row counts as unknown and is named', async () => {
    const page = await newPage(browser);
    await openTool(page, base);
    const text = `email,hasConsent\n${Array.from({ length: 20 }, (_, i) => `p${i}@example.no,${i === 7 ? 'kanskje' : i % 2 ? 'true' : 'false'}`).join('\n')}\n`;
    await chooseFile(page, 'ukjent.csv', text);
    await page.waitForSelector('#step-columns:not([hidden])');
    expect(await page.locator('select[data-raw="kanskje"]').inputValue()).toBe('-1');
    expect(await page.textContent('#step-columns')).toContain('1 verdi(er) er ikke koblet');
    await answerCampaign(page);
    const counts = await pageCounts(page);
    const receipt = JSON.parse((await download(page, 'receipt')).text) as Receipt;
    const cli = await cliOutcomes(text, receipt);
    expectSameCounts(counts, cli);
    expect(receipt.columns).toEqual([{ column: 'hasConsent', fact: 'hasConsent', values: { true: true, false: false, kanskje: null } }]);
    await page.context().close();
  }, 120_000);

  for (const [name, content, code] of [
    ['tom.csv', Buffer.alloc(0), 'E_LIST_EMPTY'],
    ['bilde.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), 'E_LIST_BINARY'],
  ] as const) {
    it(`${name}: a clear message (${code}) and no further steps`, async () => {
      const page = await newPage(browser);
      await openTool(page, base);
      await chooseFile(page, name, content);
      await page.waitForSelector('#list-problem .callout');
      expect(await page.textContent('#list-problem')).toContain(code);
      expect(await page.isHidden('#step-columns')).toBe(true);
      await page.context().close();
    }, 60_000);
  }

  it('keyboard only: paste a list, match, answer the campaign and reach the answer', async () => {
    const page = await newPage(browser);
    await openTool(page, base, '/en/check-list/');
    await page.focus('#list-file');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('email,hasConsent\na@example.no,yes\nb@example.no,no\n');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#step-campaign:not([hidden])');
    // The focus moves to the columns step; Tab goes on through its choices to the first campaign question.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('h-columns');
    for (let i = 0; i < 30 && (await page.isHidden('#step-answer')); i++) {
      const fact = await page.evaluate(() => document.querySelector<HTMLElement>('#step-campaign .q-step')!.dataset.fact);
      // Tab to the question's first answer (after the first question, the focus starts on its heading).
      for (let k = 0; k < 40; k++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.matches('#step-campaign input[type=radio]'))) break;
      }
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
      await page.waitForFunction((prev) => !document.getElementById('step-answer')!.hidden || document.querySelector<HTMLElement>('#step-campaign .q-step')?.dataset.fact !== prev, fact);
      if (await page.isHidden('#step-answer')) expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-heading');
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('h-answer');
    await page.context().close();
  }, 120_000);

  for (const [path, lang] of [['/sjekk-liste/', 'nb'], ['/en/check-list/', 'en']] as const) {
    it(`${path}: axe finds nothing, before and after a list is decided (${lang})`, async () => {
      const page = await newPage(browser, { bypassCSP: true });
      await openTool(page, base, path);
      expect(await axeViolations(page)).toEqual([]);
      await chooseFile(page, 'a.csv', factList(40));
      // A campaign question with its «why we ask» open.
      await page.waitForSelector('#step-campaign details.why');
      await page.click('#step-campaign details.why summary');
      expect(await axeViolations(page)).toEqual([]);
      await answerCampaign(page);
      await page.waitForSelector('#list-rows table');
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    }, 120_000);
  }

  it('without JavaScript the page says the tool needs it and points to the questionnaire and decide --csv', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${base}/sjekk-liste/`);
    const text = await page.textContent('[data-nojs]');
    expect(text).toContain('trenger JavaScript');
    expect(text).toContain('lovkode decide --csv');
    expect(await page.locator('[data-nojs] a[href="/sporsmal/"]').count()).toBe(1);
    expect(await page.isHidden('[data-list-tool]')).toBe(true);
    await page.context().close();
  }, 30_000);

  it('the home pages and a questionnaire result link to the tool', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}/`);
    expect(await page.locator('a[href="/sjekk-liste/"]').count()).toBeGreaterThan(0);
    await page.goto(`${base}/en/question/?channel=unaddressed_mail&mailboxMarkedNoAds=true&senderActsInBusiness=true&purpose=marketing`);
    await page.waitForSelector('[data-step="result"]');
    expect(await page.locator('a[href="/en/check-list/"]').count()).toBeGreaterThan(0);
    await page.context().close();
  }, 30_000);
});
