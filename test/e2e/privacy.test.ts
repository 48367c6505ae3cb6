/** Browser: every request stays on the site's origin, no cookies or storage are set, the CSP is never violated. */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { e2eUnavailable, newPage, PAGES, useSite } from './support.ts';

const unavailable = e2eUnavailable();

describe.skipIf(unavailable !== null)('privacy (Chromium)', () => {
  let browser: Browser;
  let base: string;

  useSite((site) => ({ browser, base } = site));

  for (const p of PAGES) {
    it(`${p.name} (${p.path}): same-origin requests only, no cookies, no storage, no console errors`, async () => {
      const page = await newPage(browser);
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => {
        // The 404 page's own document load is reported as a failed resource; nothing else may be.
        const expected404 = p.status === 404 && m.text().includes('404');
        if (m.type() === 'error' && !expected404) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.goto(`${base}${p.path}`, { waitUntil: 'networkidle' });

      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((u) => new URL(u).origin !== base)).toEqual([]);
      expect(await page.context().cookies()).toEqual([]);
      const jar = await page.evaluate(() => ({
        cookie: document.cookie,
        local: localStorage.length,
        session: sessionStorage.length,
      }));
      expect(jar).toEqual({ cookie: '', local: 0, session: 0 });
      expect(problems).toEqual([]);
      await page.context().close();
    }, 30_000);
  }
});
