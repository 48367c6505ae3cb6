/**
 * Browser: the questionnaire for everyone — axe finds no violation on question and result pages (every
 * outcome, both languages, light and dark); it can be completed with the keyboard alone (Tab, Space,
 * arrow keys, Enter), with and without JavaScript; it fits a 320 px screen; it prints a clean record.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { questionUrl, resultCases, scenarios } from './cases.ts';
import { MODES, open, result, step, toNextStep, type Session } from './flow.ts';
import { axeViolations, e2eUnavailable, newPage, useSite } from './support.ts';

const unavailable = e2eUnavailable();

/** A question page with a back link, answers so far and an open «why we ask». */
const PARTIAL = { channel: 'sms_mms', recipientType: 'private_person' };

describe.skipIf(unavailable !== null)('questionnaire accessibility (Chromium)', () => {
  let browser: Browser;
  let base: string;
  const cases = resultCases();

  useSite((site) => ({ browser, base } = site));

  for (const lang of ['nb', 'en'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${lang}, ${scheme}: a question and a result of every outcome have no axe violations`, async () => {
        const page = await newPage(browser, { bypassCSP: true, colorScheme: scheme });
        const found: string[] = [];
        await page.goto(questionUrl(base, lang, PARTIAL));
        await page.waitForSelector('[data-questionnaire][data-enhanced]');
        await page.click('details.why summary');
        found.push(...(await axeViolations(page)).map((v) => `question: ${v}`));
        for (const [outcome, c] of Object.entries(cases)) {
          await page.goto(questionUrl(base, lang, c.facts));
          await page.waitForSelector('[data-questionnaire][data-enhanced]');
          expect((await result(page)).outcome).toBe(outcome);
          found.push(...(await axeViolations(page)).map((v) => `${outcome}: ${v}`));
        }
        expect(found).toEqual([]);
        await page.context().close();
      }, 90_000);
    }
  }

  /** Presses Tab until an element matching `selector` has focus; returns how many presses it took. */
  async function tabTo(page: Page, selector: string, limit = 40): Promise<number> {
    for (let i = 1; i <= limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return i;
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  for (const mode of MODES) {
    it(`${mode}: the questionnaire can be completed with the keyboard alone`, async () => {
      const s: Session = await open(browser, base, mode, 'nb');
      const f = scenarios().get('S017')!.facts;
      for (let i = 0; i < 30; i++) {
        const now = await step(s.page);
        if (now.kind === 'result') break;
        // Tab into the radio group (its first answer when none is chosen), Space chooses it, arrows move on.
        await tabTo(s.page, `input[type="radio"][name="${now.fact}"]`);
        const values = await s.page.locator(`input[name="${now.fact}"]`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
        const target = values.indexOf(String(f[now.fact]));
        expect(target).toBeGreaterThanOrEqual(0);
        await s.page.keyboard.press('Space');
        for (let k = 0; k < target; k++) await s.page.keyboard.press('ArrowDown');
        expect(await s.page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
        expect(await s.page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(String(f[now.fact]));
        // The chosen answer's box shows the focus outline.
        const outline = await s.page.evaluate(() => getComputedStyle(document.activeElement!.nextElementSibling!).outlineStyle);
        expect(outline).not.toBe('none');
        await tabTo(s.page, '[data-q-form] button[type="submit"]');
        await toNextStep(s, () => s.page.keyboard.press('Enter'));
      }
      expect((await result(s.page)).outcome).toBe('allowed_with_conditions');
      await s.page.context().close();
    }, 60_000);
  }

  it('question and result pages fit 320 px without horizontal scrolling', async () => {
    const page = await newPage(browser, { viewport: { width: 320, height: 640 } });
    const overflowing: string[] = [];
    for (const lang of ['nb', 'en'] as const) {
      for (const facts of [{}, PARTIAL, ...Object.values(cases).map((c) => c.facts)]) {
        await page.goto(questionUrl(base, lang, facts));
        await page.waitForSelector('[data-questionnaire][data-enhanced]');
        if (await page.$('details.why')) await page.click('details.why summary');
        const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        if (w.scroll > w.client) overflowing.push(`${page.url()}: ${w.scroll} > ${w.client}`);
      }
    }
    expect(overflowing).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('printing a result shows the record and hides the controls', async () => {
    const page = await newPage(browser);
    await page.goto(questionUrl(base, 'nb', cases.not_allowed.facts));
    await page.waitForSelector('[data-questionnaire][data-enhanced]');
    await page.emulateMedia({ media: 'print' });
    const visible = (sel: string) => page.locator(sel).first().isVisible();
    for (const sel of ['.verdict', '#why-heading', '.q-summary', '.receipt-text']) expect(await visible(sel), sel).toBe(true);
    for (const sel of ['.site-header nav', '.receipt-actions', '.change-link', '.start-again', '[data-see-change]']) expect(await visible(sel), sel).toBe(false);
    await page.context().close();
  }, 30_000);
});
