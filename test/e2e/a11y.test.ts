/** Browser: axe-core finds no violation on any page type, in bokmål and English, light and dark. */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, builtGuidePaths, e2eUnavailable, newPage, PAGES, useSite } from './support.ts';

const unavailable = e2eUnavailable();

describe.skipIf(unavailable !== null)('accessibility (axe-core in Chromium)', () => {
  let browser: Browser;
  let base: string;

  useSite((site) => ({ browser, base } = site));

  for (const scheme of ['light', 'dark'] as const) {
    for (const p of PAGES) {
      it(`${p.name} (${p.path}, ${scheme}) has no axe violations`, async () => {
        const page = await newPage(browser, { bypassCSP: true, colorScheme: scheme });
        const response = await page.goto(`${base}${p.path}`);
        expect(response?.status()).toBe(p.status);
        expect(await axeViolations(page)).toEqual([]);
        await page.context().close();
      }, 30_000);
    }
  }

  it('every guide article has no axe violations (light)', async () => {
    const guides = builtGuidePaths();
    expect(guides.length).toBeGreaterThanOrEqual(14);
    const page = await newPage(browser, { bypassCSP: true });
    const found: string[] = [];
    for (const path of guides) {
      await page.goto(`${base}${path}`);
      found.push(...(await axeViolations(page)).map((v) => `${path} ${v}`));
    }
    expect(found).toEqual([]);
    await page.context().close();
  }, 120_000);
});
