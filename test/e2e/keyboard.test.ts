/** Browser: keyboard use — Tab reaches the skip link first and then the start button, focus is visible. */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { e2eUnavailable, newPage, useSite } from './support.ts';

const unavailable = e2eUnavailable();

/** Description of the focused element: class, text and whether a focus outline is drawn. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      cls: el.className,
      text: (el.textContent ?? '').trim(),
      href: el.getAttribute('href'),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      inView: box.bottom > 0 && box.top < window.innerHeight && box.width > 0,
    };
  });
}

describe.skipIf(unavailable !== null)('keyboard (Chromium)', () => {
  let browser: Browser;
  let base: string;

  useSite((site) => ({ browser, base } = site));

  const homes = [
    { path: '/', skip: 'Hopp til hovedinnholdet', start: 'Start spørsmålene', target: '/sporsmal/' },
    { path: '/en/', skip: 'Skip to main content', start: 'Start the questions', target: '/en/question/' },
  ];

  for (const h of homes) {
    it(`${h.path}: the first Tab shows the skip link, which moves focus to <main>`, async () => {
      const page = await newPage(browser);
      await page.goto(`${base}${h.path}`);
      await page.keyboard.press('Tab');
      const first = await focused(page);
      expect(first).toMatchObject({ cls: 'skip-link', text: h.skip, href: '#main', outline: true, inView: true });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.context().close();
    }, 30_000);

    it(`${h.path}: Tab reaches the start button with a visible focus outline`, async () => {
      const page = await newPage(browser);
      await page.goto(`${base}${h.path}`);
      let hit = null;
      for (let i = 0; i < 12 && !hit; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        if (f?.href === h.target && f.cls.includes('button')) hit = f;
      }
      expect(hit).toMatchObject({ text: h.start, outline: true, inView: true });
      await page.context().close();
    }, 30_000);
  }
});
