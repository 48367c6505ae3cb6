/** Browser: pages fit a 320 px phone and 200 % zoom without sideways scrolling; the language switch works. */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { e2eUnavailable, newPage, PAGES, useSite } from './support.ts';

const unavailable = e2eUnavailable();

describe.skipIf(unavailable !== null)('layout and language switch (Chromium)', () => {
  let browser: Browser;
  let base: string;

  useSite((site) => ({ browser, base } = site));

  // 320 CSS px is a small phone; 640 x 400 is a 1280 x 800 desktop at 200 % zoom.
  const viewports = [
    { label: '320 px', viewport: { width: 320, height: 640 } },
    { label: '200 % zoom', viewport: { width: 640, height: 400 } },
  ];

  for (const v of viewports) {
    it(`every page fits ${v.label} without horizontal scrolling`, async () => {
      const page = await newPage(browser, { viewport: v.viewport });
      const overflowing: string[] = [];
      for (const p of PAGES) {
        await page.goto(`${base}${p.path}`);
        const widths = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        if (widths.scroll > widths.client) overflowing.push(`${p.path}: ${widths.scroll} > ${widths.client}`);
      }
      expect(overflowing).toEqual([]);
      await page.context().close();
    }, 60_000);
  }

  it('the language switch leads to the same page in the other language, and back', async () => {
    const page = await newPage(browser);
    for (const p of PAGES.filter((x) => x.status === 200)) {
      await page.goto(`${base}${p.path}`);
      expect(await page.getAttribute('html', 'lang')).toBe(p.lang);
      await page.click('[data-lang-switch]');
      const other = p.lang === 'nb' ? 'en' : 'nb';
      expect(await page.getAttribute('html', 'lang')).toBe(other);
      await page.click('[data-lang-switch]');
      expect(new URL(page.url()).pathname).toBe(p.path.split('?')[0]);
    }
    await page.context().close();
  }, 180_000);
});
