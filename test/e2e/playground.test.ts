/**
 * Browser: the playground («Prøv reglene», /regler/prov/ and /en/rules/try/) in Chromium. A lawyer
 * types the charity edit of test/charity-edit.test.ts: the new rule alone gives a diagnostic at its
 * line (the fact does not exist yet); adding the fact in facts.lov makes it go; then the whole-pack
 * findings show the conflict once, the examples name the new fact, "what changes" lists the changed
 * situations in words, and the questionnaire on the edit gives the changed answer. «Del» round-trips
 * the edit through the URL fragment; no request leaves the origin; axe finds nothing; without
 * JavaScript the page says what to use instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, e2eUnavailable, newPage, useSite } from './support.ts';
import { encodeShared } from '../../site/lib/playground/share.ts';
import { CHARITY_FACT as FACT, CHARITY_RULE as RULE } from '../support/charity.ts';

const RULES = fileURLToPath(new URL('../../rules/', import.meta.url));
/** The published rule files, as the page has them. */
const PUBLISHED = new Map(readdirSync(RULES).filter((f) => f.endsWith('.lov')).map((f) => [f, readFileSync(join(RULES, f), 'utf8')]));

const unavailable = e2eUnavailable();

/** How the test answers the questions on the edit; any other question gets its first answer. */
const ANSWERS: Record<string, string> = {
  channel: 'email',
  recipientType: 'private_person',
  purpose: 'marketing',
  senderActsInBusiness: 'true',
  recipientOptedOut: 'false',
  explicitRequestToSender: 'false',
  hasConsent: 'false',
  customerRelationship: 'none',
  // The customer-exception screen («Stemmer alt dette?»): no, so its facts are asked one by one.
  customerException: 'false',
  charityFundraising: 'true',
};
/** Compiling and comparing the whole pack in the page's worker takes seconds on a busy machine. */
const SLOW = 90_000;

/** Waits until the page has checked its latest edit. */
async function checked(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector<HTMLElement>('[data-playground]');
    return root !== null && root.dataset.checked !== undefined && !root.hasAttribute('aria-busy');
  }, undefined, { timeout: SLOW });
}

/** Opens the playground and waits for the first check. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('[data-playground][data-ready]', { timeout: SLOW });
  await checked(page);
}

/** Appends text at the end of the file shown. */
async function append(page: Page, file: string, text: string): Promise<void> {
  await page.selectOption('#pg-file', file);
  await page.focus('#pg-text');
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

/** The 1-based line of the first occurrence of `needle` in the editor. */
async function lineOf(page: Page, needle: string): Promise<number> {
  const text = await page.inputValue('#pg-text');
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

/** Answers the questionnaire on the edit until it gives a result. */
async function answerAll(page: Page): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const step = await page.waitForSelector('#pg-try [data-step]', { timeout: SLOW });
    if ((await step.getAttribute('data-step')) !== 'question') return;
    const fact = (await step.getAttribute('data-fact'))!;
    const wanted = ANSWERS[fact];
    const radio = wanted ? `#pg-try input[name="${fact}"][value="${wanted}"]` : `#pg-try input[name="${fact}"]`;
    await page.locator(radio).first().check();
    await page.locator('#pg-try [data-q-form] button[type=submit]').click();
    await page.waitForFunction((f) => document.querySelector('#pg-try [data-step]')?.getAttribute('data-fact') !== f, fact, { timeout: SLOW });
  }
  throw new Error('the questionnaire did not reach a result in 40 questions');
}

describe.skipIf(unavailable !== null)('playground (Chromium)', () => {
  let browser: Browser;
  let base: string;

  useSite((site) => ({ browser, base } = site));

  it('checks the charity edit as it is typed: a diagnostic at its line, gone when fixed, the grouped findings, the changed situations and the changed answer; the share link round-trips; nothing leaves the origin', async () => {
    const page = await newPage(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await open(page, `${base}/regler/prov/`);
    expect(await page.inputValue('#pg-file')).toBe('electronic.lov');
    await expect.poll(() => page.textContent('#pg-status')).toBe('Ingen feil eller advarsler i denne filen.');
    expect(await page.textContent('#pg-findings')).toContain('Ingen hull, ingen motstrid');

    // The new rule alone: its fact does not exist yet, reported at the line of `when`.
    await append(page, 'electronic.lov', RULE);
    await checked(page);
    const line = await lineOf(page, 'when charityFundraising');
    const diag = page.locator(`#pg-diagnostics .pg-error[data-line="${line}"]`);
    await expect.poll(() => diag.count(), { timeout: SLOW }).toBeGreaterThan(0);
    expect(await diag.first().textContent()).toContain('charityFundraising');
    expect(await page.textContent('#pg-status')).toMatch(/^[1-9]\d* feil( og \d+ advarsl?e?r?)? i denne filen\.$/);
    expect(Number(await page.locator('#pg-gutter').getAttribute('data-lines'))).toBeGreaterThanOrEqual(line);
    // Its place is a button that moves the caret there.
    await diag.first().locator('.pg-place').first().click();
    const caret = await page.evaluate(() => {
      const editor = document.querySelector<HTMLTextAreaElement>('#pg-text')!;
      return { focused: document.activeElement === editor, line: editor.value.slice(0, editor.selectionStart).split('\n').length };
    });
    expect(caret).toEqual({ focused: true, line });

    // The fix: declare the fact. The diagnostic goes; the whole-pack analyses run.
    await append(page, 'facts.lov', FACT);
    await checked(page);
    await page.selectOption('#pg-file', 'electronic.lov');
    await expect.poll(() => page.locator('#pg-diagnostics .pg-error').count(), { timeout: SLOW }).toBe(0);
    expect(await page.textContent('#pg-status')).toBe('Ingen feil eller advarsler i denne filen.');
    expect(await page.textContent('#pg-edited')).toContain('electronic.lov');

    // One conflict, for the cause: R31 against the rules it disagrees with, with a counterexample.
    const conflicts = page.locator('#pg-findings .pg-diag[data-code="LOV4002"]');
    expect(await conflicts.count()).toBe(1);
    expect(await conflicts.textContent()).toMatch(/Motstrid: R31 gir et annet svar enn R14, .* og R22/);
    expect(await conflicts.locator('.pg-block').textContent()).toContain('charityFundraising = true');
    expect(await page.locator('#pg-findings h3[data-kind="conflict"]').count()).toBe(1);
    // The examples of this file that fail only because they do not name the new fact say how they pass.
    expect(await page.textContent('#pg-examples')).toContain('Består med «given charityFundraising = false»');

    // What changes, in words: the new question, the changed situations under R31.
    await page.waitForSelector('#pg-changes [data-changes]', { timeout: SLOW });
    expect(Number(await page.getAttribute('#pg-changes .pg-changes-summary', 'data-changes'))).toBeGreaterThan(0);
    const changes = (await page.textContent('#pg-changes'))!;
    expect(changes).toContain('Nytt spørsmål: Samler du inn penger til et veldedig formål?');
    expect(changes).toContain('R31 «Innsamling til veldedige formål»');
    expect(await page.locator('#pg-changes .pg-situation dd[data-after]').first().textContent()).toContain('lov på vilkår');

    // The questionnaire on the edit: a charity that e-mails a private person without consent.
    await answerAll(page);
    const compare = page.locator('#pg-try .pg-compare');
    expect(await compare.getAttribute('data-published-outcome')).toBe('not_allowed');
    expect(await compare.getAttribute('data-edited-outcome')).toBe('allowed_with_conditions');
    expect(await page.getAttribute('#pg-try [data-step=result]', 'data-outcome')).toBe('allowed_with_conditions');

    // Share: the fragment carries both edited files; opening it shows the same texts.
    await page.click('[data-share]');
    await page.waitForFunction(() => location.hash.length > 3);
    const url = page.url();
    expect(new URL(url).hash).toMatch(/^#z=[\w-]+$/);
    expect(await page.inputValue('#pg-share-url')).toBe(url);
    const electronic = await page.inputValue('#pg-text');
    const other = await newPage(browser);
    other.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    await open(other, url);
    expect(await other.inputValue('#pg-file')).toBe('electronic.lov');
    expect(await other.inputValue('#pg-text')).toBe(electronic);
    await other.selectOption('#pg-file', 'facts.lov');
    expect(await other.inputValue('#pg-text')).toContain('fact charityFundraising is true or false');
    expect(await other.locator('#pg-findings .pg-diag[data-code="LOV4002"]').count()).toBe(1);
    await other.context().close();

    // Everything ran in the page: only GETs to the site itself.
    expect(requests.filter((r) => !r.startsWith(`GET ${base}/`))).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 600_000);

  it('speaks English on /en/rules/try/, reads a plain (uncompressed) share link and says when a link is for other published rules', async () => {
    const page = await newPage(browser);
    // The plain form, as a browser without CompressionStream writes it.
    const saved = globalThis.CompressionStream;
    Reflect.set(globalThis, 'CompressionStream', undefined);
    const fragment = await encodeShared({ file: 'scope.lov', edits: { 'scope.lov': 'rule X\n' } }, PUBLISHED).finally(() => Reflect.set(globalThis, 'CompressionStream', saved));
    expect(fragment).toMatch(/^t=/);
    await open(page, `${base}/en/rules/try/#${fragment}`);
    expect(await page.inputValue('#pg-file')).toBe('scope.lov');
    expect(await page.inputValue('#pg-text')).toBe('rule X\n');
    expect(await page.textContent('#pg-status')).toMatch(/^[1-9]\d* errors?( and \d+ warnings?)? in this file\.$/);
    expect(await page.textContent('#pg-diagnostics')).toMatch(/Line 1, column \d+/);
    expect(await page.textContent('#pg-findings')).toContain('The checks of the whole pack run when the files have no errors.');
    const stale = await encodeShared({ file: 'facts.lov', edits: { 'facts.lov': '# x\n' } }, new Map([['facts.lov', 'an older facts.lov\n']]));
    await page.goto(`${base}/en/rules/try/#${stale}`);
    await page.waitForSelector('[data-playground][data-ready]', { timeout: SLOW });
    await expect.poll(() => page.textContent('#pg-share-status')).toContain('The link was made against another version of facts.lov');
    expect(await page.inputValue('#pg-text')).toBe(PUBLISHED.get('facts.lov'));
    await page.context().close();
    // A mangled link, opened afresh: said so, and the published rules on the first file.
    const fresh = await newPage(browser);
    await open(fresh, `${base}/en/rules/try/#z=not-a-link`);
    expect(await fresh.textContent('#pg-share-status')).toBe('The link holds no edit that can be read. You see the published rules.');
    expect(await fresh.inputValue('#pg-file')).toBe('electronic.lov');
    expect(await fresh.inputValue('#pg-text')).toBe(PUBLISHED.get('electronic.lov'));
    await fresh.context().close();
  }, SLOW);

  for (const path of ['/regler/prov/', '/en/rules/try/']) {
    it(`${path} has no axe violations, with the panels filled`, async () => {
      const page = await newPage(browser, { bypassCSP: true });
      await open(page, `${base}${path}`);
      await append(page, 'electronic.lov', RULE.replace('when charityFundraising', 'when hasConsent'));
      await checked(page);
      await page.waitForSelector('#pg-changes [data-changes]', { timeout: SLOW });
      await page.waitForSelector('#pg-try [data-step]', { timeout: SLOW });
      expect(await axeViolations(page)).toEqual([]);
      // A phone: the panels wrap, only the editor and code blocks scroll sideways.
      await page.setViewportSize({ width: 320, height: 640 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await page.context().close();
    }, SLOW * 2);
  }

  it('without JavaScript says the playground needs it and points to lovkode check and the rule reference', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${base}/regler/prov/`);
    const text = (await page.textContent('main'))!;
    expect(text).toContain('Denne siden trenger JavaScript');
    expect(text).toContain('lovkode check');
    expect(await page.locator('main [data-nojs] a[href="/regler/"]').count()).toBe(1);
    expect(await page.isVisible('[data-playground]')).toBe(false);
    await page.context().close();
  }, SLOW);
});
