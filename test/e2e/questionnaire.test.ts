/**
 * Browser: the questionnaire, with JavaScript and without. Public scenarios are answered through the UI
 * question by question, and the page's outcome and obligations must equal the engine's `decide` for the
 * same facts; changing an earlier answer, going back, switching language mid-way, and the receipt (which
 * `lovkode decide` must decide the same way) work on both paths; nothing leaves the site, and with
 * JavaScript answering makes no request at all.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { decide, loadDefaultPack, type Pack } from '../../compiler/index.ts';
import { todayInNorway } from '../../site/lib/answers.ts';
import { scenarios, type Facts } from './cases.ts';
import { MODES, answer, complete, foreign, open, ready, result, step, summaryFacts, toNextStep, type Session } from './flow.ts';
import { e2eUnavailable, useSite } from './support.ts';

const unavailable = e2eUnavailable();

/** Public scenarios covering every channel and each outcome the scenarios have. */
const SCENARIOS = ['S005', 'S008', 'S047', 'S050', 'S061', 'S077', 'S017', 'S018', 'S028', 'S076', 'S040', 'S080'];

describe.skipIf(unavailable !== null)('questionnaire (Chromium)', () => {
  let browser: Browser;
  let base: string;
  let pack: Pack;
  const all = scenarios();
  const facts = (id: string): Facts => all.get(id)!.facts;

  /** What the engine says for the facts today, in the form the page shows it. */
  const engine = (f: Facts, lang: 'nb' | 'en' = 'nb') => {
    const d = decide(pack, f, { date: todayInNorway(), lang });
    if ('error' in d) throw new Error(d.error.message);
    return { outcome: d.outcome, codes: d.obligations.map((o) => o.code), texts: d.obligations.map((o) => o.text) };
  };

  beforeAll(() => {
    pack = loadDefaultPack();
  });
  useSite((site) => ({ browser, base } = site));

  it('has at least eight public scenarios to walk through', () => {
    expect(SCENARIOS.filter((id) => all.has(id)).length).toBeGreaterThanOrEqual(8);
  });

  for (const mode of MODES) {
    describe(mode === 'js' ? 'with JavaScript' : 'without JavaScript', () => {
      SCENARIOS.forEach((id, i) => {
        const lang = i % 2 === 0 ? 'nb' : 'en';
        it(`${id} (${lang}): answering what the page asks gives the engine's outcome and obligations`, async () => {
          const s = await open(browser, base, mode, lang);
          const beforeAnswering = s.network.length;
          const asked = await complete(s, facts(id));
          expect(await result(s.page)).toEqual({ outcome: engine(facts(id)).outcome, codes: engine(facts(id)).codes });
          // The summary lists exactly the questions asked, and each can be changed.
          expect(await summaryFacts(s.page)).toEqual(asked);
          expect(foreign(s, base)).toEqual([]);
          if (mode === 'js') {
            expect(s.network.slice(beforeAnswering), 'requests while answering').toEqual([]);
            expect(new URL(s.page.url()).search).toBe('');
          } else {
            expect(new URL(s.page.url()).search).not.toBe('');
          }
          expect(await s.page.context().cookies()).toEqual([]);
          await s.page.context().close();
        }, 60_000);
      });

      it('the typical newsletter to existing customers takes 8 questions, the customer exception as one; «Legal basis» opens to the statute', async () => {
        const s = await open(browser, base, mode, 'en');
        const newsletter = {
          channel: 'email', recipientType: 'private_person', purpose: 'newsletter_with_marketing', senderActsInBusiness: true, recipientOptedOut: false,
          explicitRequestToSender: false, hasConsent: false, customerRelationship: 'ongoing', addressSource: 'collected_in_sale',
          optOutOfferedAtCollection: true, productOwner: 'own', productSimilarToRelationship: true,
        };
        const asked = await complete(s, newsletter);
        expect(asked).toContain('customerException');
        expect(asked.length).toBeLessThanOrEqual(8);
        expect(await result(s.page)).toEqual({ outcome: engine(newsletter).outcome, codes: engine(newsletter).codes });
        // The statute text sits closed inside the «Legal basis» line until it is opened (no script needed).
        const basis = s.page.locator('details.basis', { has: s.page.locator('.basis-statute') }).first();
        const quote = basis.locator('.basis-statute').first();
        expect(await quote.isVisible()).toBe(false);
        await basis.locator('summary').click();
        expect(await quote.locator('blockquote').getAttribute('lang')).toBe('nb');
        expect(await quote.isVisible()).toBe(true);
        await s.page.context().close();
      }, 60_000);

      it('changing an earlier answer asks it again and keeps the later answers that still matter', async () => {
        const s = await open(browser, base, mode, 'nb');
        const first = await complete(s, facts('S005'));
        expect((await result(s.page)).outcome).toBe('not_allowed');
        await toNextStep(s, () => s.page.click('[data-change="consentMethod"]'));
        expect(await step(s.page)).toEqual({ kind: 'question', fact: 'consentMethod' });
        const before = first.slice(0, first.indexOf('consentMethod'));
        expect(await summaryFacts(s.page)).toEqual(before);
        const changed = { ...facts('S005'), consentMethod: 'active_opt_in' };
        await answer(s, 'consentMethod', 'active_opt_in');
        const again = await complete(s, changed);
        // Nothing answered before is asked again: earlier and later answers were kept.
        expect(again.filter((f) => first.includes(f))).toEqual([]);
        expect(again.length).toBeGreaterThan(0);
        expect(await result(s.page)).toEqual({ outcome: engine(changed).outcome, codes: engine(changed).codes });
        await s.page.context().close();
      }, 60_000);

      it('a changed answer that makes later answers irrelevant drops them', async () => {
        const s = await open(browser, base, mode, 'nb');
        await complete(s, facts('S005'));
        await toNextStep(s, () => s.page.click('[data-change="channel"]'));
        await answer(s, 'channel', 'unaddressed_mail');
        await complete(s, { ...facts('S005'), channel: 'unaddressed_mail' });
        // Consent does not matter for leaflets: those answers are gone from the page and the receipt.
        const shown = await summaryFacts(s.page);
        expect(shown).toContain('channel');
        expect(shown).not.toContain('consentMethod');
        expect(shown).not.toContain('hasConsent');
        expect((await result(s.page)).outcome).toBe(engine({ ...facts('S005'), channel: 'unaddressed_mail' }).outcome);
        await s.page.context().close();
      }, 60_000);

      it('Back (link and browser button) returns to the previous question', async () => {
        const s = await open(browser, base, mode, 'en');
        const f = facts('S061');
        const asked: string[] = [];
        for (let i = 0; i < 3; i++) {
          const now = await step(s.page);
          if (now.kind !== 'question') throw new Error('result too early');
          asked.push(now.fact);
          await answer(s, now.fact, f[now.fact]!);
        }
        const fourth = await step(s.page);
        await toNextStep(s, () => s.page.click('[data-back]'));
        expect(await step(s.page)).toEqual({ kind: 'question', fact: asked[2] });
        expect(await summaryFacts(s.page)).toEqual(asked.slice(0, 2));
        // The browser's Back goes through the history of steps.
        await toNextStep(s, async () => void (await s.page.goBack()));
        expect(await step(s.page)).toEqual(fourth);
        await toNextStep(s, async () => void (await s.page.goBack()));
        expect(await step(s.page)).toEqual({ kind: 'question', fact: asked[2] });
        await toNextStep(s, async () => void (await s.page.goBack()));
        expect(await step(s.page)).toEqual({ kind: 'question', fact: asked[1] });
        await s.page.context().close();
      }, 60_000);

      it('switching language mid-way keeps the answers and continues in the other language', async () => {
        const s = await open(browser, base, mode, 'nb');
        const f = facts('S017');
        for (let i = 0; i < 2; i++) {
          const now = await step(s.page);
          if (now.kind !== 'question') throw new Error('result too early');
          await answer(s, now.fact, f[now.fact]!);
        }
        const here = await step(s.page);
        const answered = await summaryFacts(s.page);
        await s.page.click('[data-lang-switch]');
        await s.page.waitForURL((u) => u.pathname === '/en/question/');
        await ready(s);
        expect(await s.page.getAttribute('html', 'lang')).toBe('en');
        expect(await step(s.page)).toEqual(here);
        expect(await summaryFacts(s.page)).toEqual(answered);
        expect(await s.page.locator('#summary-heading').innerText()).toBe('Your answers so far');
        await complete(s, f);
        const en = engine(f, 'en');
        expect(await result(s.page)).toEqual({ outcome: en.outcome, codes: en.codes });
        expect(await s.page.locator('.checklist [data-code] label').first().innerText()).toBe(en.texts[0]);
        expect(foreign(s, base)).toEqual([]);
        await s.page.context().close();
      }, 60_000);

      it('the receipt downloads and `lovkode decide` decides it the same way', async () => {
        const s = await open(browser, base, mode, 'nb');
        const beforeAnswering = s.network.length;
        await complete(s, facts('S017'));
        const shown = await result(s.page);
        const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.click('[data-receipt]')]);
        expect(download.suggestedFilename()).toMatch(/^lovkode-kvittering-\d{4}-\d{2}-\d{2}\.json$/);
        const receipt = JSON.parse(readFileSync((await download.path())!, 'utf8'));
        expect(receipt).toMatchObject({ tool: 'lovkode', rulesVersion: pack.tables.version, date: todayInNorway(), lang: 'nb' });
        expect(receipt.decision.outcome).toBe(shown.outcome);
        expect(receipt.decision.obligations.map((o: { code: string }) => o.code)).toEqual(shown.codes);
        // Only answers: fact names and values, nothing else.
        for (const [k, v] of Object.entries(receipt.facts)) expect(facts('S017')[k]).toBe(v);
        const { stdout } = await promisify(execFile)('npx', ['lovkode', 'decide', '--date', receipt.date, '--facts', JSON.stringify(receipt.facts)]);
        const cli = JSON.parse(stdout);
        expect(cli.outcome).toBe(receipt.decision.outcome);
        expect(cli.obligations.map((o: { code: string }) => o.code)).toEqual(shown.codes);
        if (mode === 'js') expect(s.network.slice(beforeAnswering), 'requests while answering and downloading').toEqual([]);
        expect(foreign(s, base)).toEqual([]);
        await s.page.context().close();
      }, 60_000);
    });
  }

  it('an address with answers in the query moves them into the fragment once JavaScript runs', async () => {
    const f = facts('S040');
    const s: Session = await open(browser, base, 'js', 'nb', `${base}/sporsmal/?channel=${f.channel}&recipientType=${f.recipientType}`);
    const url = new URL(s.page.url());
    expect(url.search).toBe('');
    expect(url.hash).toContain('channel=');
    expect(await summaryFacts(s.page)).toEqual(['channel', 'recipientType']);
    await s.page.context().close();
  }, 30_000);
});
