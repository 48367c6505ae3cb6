/**
 * Browser: what lets an owner trust the guide — the about page and the date the law was last checked,
 * the English 404, honest progress, a one-row header on a 375 px phone, to-dos as empty checkboxes
 * (also without JavaScript, and in print), results without rule ids, and the rule reference's filter.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, e2eUnavailable, newPage, useSite } from './support.ts';

const unavailable = e2eUnavailable();

/** A newsletter by e-mail to an existing customer: allowed with conditions, so there is a to-do list. */
const NEWSLETTER = 'channel=email&recipientType=private_person&purpose=newsletter_with_marketing&senderActsInBusiness=true&recipientOptedOut=false&hasConsent=false&explicitRequestToSender=false&customerRelationship=ongoing&addressSource=collected_in_sale&optOutOfferedAtCollection=true&productOwner=own&productSimilarToRelationship=true&recipientAgeGroup=adult&reservedInRegister=false&consentMethod=none';

describe.skipIf(unavailable !== null)('an owner can trust the guide (Chromium)', () => {
  let browser: Browser;
  let base: string;

  useSite((site) => ({ browser, base } = site));

  it('the about page says who is behind the guide, when the law was checked and how to report an error, in both languages', async () => {
    const page = await newPage(browser);
    for (const [path, lang, words] of [
      ['/om/', 'nb', ['Hvem som står bak', 'ikke et advokatfirma', 'Meld fra om en feil', 'sist kontrollert mot Lovdata', '2. juli 2026']],
      ['/en/about/', 'en', ['Who is behind it', 'not a law firm', 'Report an error', 'last compared with Lovdata', '2 July 2026']],
    ] as const) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const text = await page.locator('main').innerText();
      for (const w of words) expect(text, path).toContain(w);
      expect(text).not.toMatch(/@[a-z0-9-]+\.[a-z]{2,}/i); // no invented e-mail address
      expect(await page.locator('footer [data-checked]').innerText()).toBe(lang === 'nb' ? 'Sist kontrollert mot Lovdata: 2. juli 2026' : 'Last compared with Lovdata: 2 July 2026');
      await page.click('footer [data-checked] a');
      expect(new URL(page.url()).pathname).toBe(lang === 'nb' ? '/endringer/' : '/en/changes/');
    }
    await page.context().close();
  }, 60_000);

  it('a missing page under /en/ answers 404 in English, elsewhere in bokmål', async () => {
    const page = await newPage(browser);
    for (const [path, lang, heading] of [['/en/no-such-page/', 'en', 'Page not found'], ['/finnes-ikke/', 'nb', 'Fant ikke siden']] as const) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status()).toBe(404);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('h1').innerText()).toBe(heading);
    }
    await page.context().close();
  }, 60_000);

  it('the progress line says «question n of at most m on this path», with and without JavaScript', async () => {
    for (const js of [true, false]) {
      const page = await newPage(browser, { javaScriptEnabled: js });
      await page.goto(`${base}/sporsmal/`);
      expect(await page.locator('.q-progress').innerText()).toMatch(/^Spørsmål 1 av høyst \d+ på denne veien$/);
      await page.goto(`${base}/en/question/?channel=unaddressed_mail`);
      expect(await page.locator('.q-progress').innerText()).toMatch(/^Question 2 of at most [2-4] on this path$/);
      await page.context().close();
    }
  }, 60_000);

  it('the header is one row on a 375 px phone in both languages', async () => {
    const page = await newPage(browser, { viewport: { width: 375, height: 740 } });
    for (const path of ['/', '/en/', '/sporsmal/', '/en/question/', '/regler/', '/en/about/']) {
      await page.goto(`${base}${path}`);
      const boxes = await page.evaluate(() =>
        ['.site-name', '.site-header nav', '.lang-switch'].map((s) => {
          const r = document.querySelector(s)!.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom };
        }),
      );
      const header = await page.locator('.site-header').boundingBox();
      expect(header!.height, path).toBeLessThanOrEqual(64);
      // Every part of the header sits on the same row: each one's vertical middle lies inside every other.
      for (const a of boxes) for (const b of boxes) expect((a.top + a.bottom) / 2, path).toBeGreaterThan(b.top - 1);
      for (const a of boxes) for (const b of boxes) expect((a.top + a.bottom) / 2, path).toBeLessThan(b.bottom + 1);
    }
    await page.context().close();
  }, 60_000);

  it('the to-do list is empty checkboxes the owner can tick, without JavaScript too, and they print as empty boxes', async () => {
    for (const js of [true, false]) {
      const page = await newPage(browser, { javaScriptEnabled: js });
      await page.goto(`${base}/sporsmal/?${NEWSLETTER}`);
      expect(await page.locator('[data-step="result"]').getAttribute('data-outcome')).toBe('allowed_with_conditions');
      const boxes = page.locator('.checklist input[type="checkbox"]');
      expect(await boxes.count()).toBeGreaterThan(1);
      expect(await boxes.evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).length)).toBe(0);
      await page.locator('.checklist label').first().click();
      expect(await boxes.first().isChecked()).toBe(true);
      await page.emulateMedia({ media: 'print' });
      const style = await boxes.nth(1).evaluate((e) => ({ appearance: getComputedStyle(e).appearance, border: getComputedStyle(e).borderTopStyle, visible: (e as HTMLElement).offsetWidth > 0 }));
      expect(style).toEqual({ appearance: 'none', border: 'solid', visible: true });
      await page.context().close();
    }
  }, 60_000);

  it("the owner's result names no rule ids; each item has one «Legal basis» line that opens to the citations", async () => {
    const page = await newPage(browser);
    await page.goto(`${base}/en/question/?${NEWSLETTER}`);
    const text = await page.locator('[data-step="result"]').innerText();
    expect(text).not.toMatch(/\b(Rule|Regel) R\d+/);
    expect(text).not.toMatch(/\bR\d+[a-z]?\b/);
    const basis = page.locator('.reasons .basis').first();
    expect(await basis.locator('summary').innerText()).toMatch(/^Legal basis: Marketing Control Act s\. 15/);
    await basis.locator('summary').click();
    const link = basis.locator('.cites a').first();
    expect(await link.getAttribute('title')).toMatch(/^mfl\. § 15/);
    await page.context().close();
  }, 60_000);

  const OUTCOME_CASES: [string, string][] = [
    ['allowed with conditions', NEWSLETTER],
    ['not allowed', 'channel=unaddressed_mail&purpose=marketing&senderActsInBusiness=true&mailboxMarkedNoAds=true'],
    ['uncertain', 'channel=push_notification&recipientType=private_person&purpose=marketing&senderActsInBusiness=true&recipientOptedOut=false'],
    ['allowed', 'channel=email&purpose=service_message'],
  ];
  for (const [name, query] of OUTCOME_CASES) {
    it(`a result «${name}», with its legal basis lines open, has no axe violations (both languages, light and dark)`, async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await newPage(browser, { bypassCSP: true, colorScheme: scheme });
        for (const path of ['/sporsmal/', '/en/question/']) {
          await page.goto(`${base}${path}?${query}`);
          await page.locator('details').evaluateAll((els) => els.forEach((e) => ((e as HTMLDetailsElement).open = true)));
          expect(await axeViolations(page), `${path}?${query} ${scheme}`).toEqual([]);
        }
        await page.context().close();
      }
    }, 240_000);
  }

  it('the rule reference front page filters its list as you type (and lists everything without JavaScript)', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}/regler/`);
    const all = await page.locator('[data-ref-entry]').count();
    await page.fill('#ref-filter-input', 'R13');
    const shown = await page.locator('[data-ref-entry]:visible').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(all);
    await page.context().close();
    const plain = await newPage(browser, { javaScriptEnabled: false });
    await plain.goto(`${base}/regler/`);
    expect(await plain.locator('[data-ref-entry]:visible').count()).toBe(all);
    expect(await plain.locator('[data-ref-filter]').isVisible()).toBe(false);
    await plain.context().close();
  }, 60_000);
});
