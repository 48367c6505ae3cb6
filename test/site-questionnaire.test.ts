/**
 * The questionnaire's logic without a browser (site/lib): every public scenario walked step by step
 * reaches the engine's decision; the server (full tables) and the browser (tables sliced to today)
 * render byte-identical HTML at every step; changing or going back keeps exactly the answers that still
 * matter; the receipt re-decides to itself; the address is read defensively and the HTML is escaped.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decide, loadDefaultPack } from '../compiler/index.ts';
import { sliceTables } from '../compiler/runtime/index.ts';
import type { Tables } from '../compiler/runtime/tables.ts';
import { answersQuery, coversDate, readAnswers, todayInNorway, without, type Answers } from '../site/lib/answers.ts';
import { renderError, renderStep, type Links } from '../site/lib/render.ts';
import { citeLang, citeText } from '../site/lib/cite.ts';
import { enQuestion, nbQuestion } from '../site/lib/qtext.ts';
import { quotedBy } from '../site/lib/statute-html.ts';
import { questionnaireStep, type Step } from '../site/lib/step.ts';

const SCENARIOS = new URL('./data/legal/scenarios.json', import.meta.url);
const scenarios = (JSON.parse(readFileSync(SCENARIOS, 'utf8')) as { scenarios: { id: string; facts: Answers }[] }).scenarios;

const links: Links = { answers: (a) => `#${answersQuery(a)}`, action: '/sporsmal/', receipt: 'blob:x', print: true };
const date = todayInNorway();

let full: Tables;
let sliced: Tables;

beforeAll(() => {
  full = loadDefaultPack().tables;
  sliced = JSON.parse(JSON.stringify(sliceTables(full, date))) as Tables;
});

function stepOf(tables: Tables, answers: Answers, lang: 'nb' | 'en' = 'nb'): Step {
  const s = questionnaireStep(tables, answers, lang, date);
  if ('error' in s) throw new Error(s.error.message);
  return s;
}

/** Answers the questions one by one from `facts`, as a person would; returns every step shown. */
function walk(tables: Tables, facts: Answers, lang: 'nb' | 'en' = 'nb'): Step[] {
  const steps: Step[] = [];
  let answers: Answers = {};
  for (let i = 0; i < 40; i++) {
    const s = stepOf(tables, answers, lang);
    steps.push(s);
    const q = s.state.question;
    if (!q) return steps;
    // A screen is answered «yes» exactly when every fact it lists has the value it shows.
    const answer = q.type === 'screen' ? q.confirms!.every((c) => facts[c.fact] === c.value) : facts[q.fact]!;
    answers = { ...s.answers, [q.fact]: answer };
  }
  throw new Error('no result after 40 questions');
}

describe('questionnaire steps (site/lib)', () => {
  it('the browser tables cover today', () => {
    expect(coversDate(sliced, date)).toBe(true);
    expect(sliced.version).toBe(full.version);
  });

  it.each(scenarios.map((s) => [s.id, s.facts] as const))('%s: the walk ends in the engine\'s decision, identical on server and browser', (_id, facts) => {
    const server = walk(full, facts);
    const browser = walk(sliced, facts);
    expect(browser.map((s) => renderStep(s, links))).toEqual(server.map((s) => renderStep(s, links)));
    const last = server.at(-1)!;
    const d = decide(loadDefaultPack(), facts, { date });
    if ('error' in d) throw new Error(d.error.message);
    expect(last.state.decision.outcome).toBe(d.outcome);
    expect(last.state.decision.obligations.map((o) => o.code)).toEqual(d.obligations.map((o) => o.code));
    // The receipt holds only the answers that matter, and they decide the same way.
    expect(last.receipt?.facts).toEqual(last.state.facts);
    const again = decide(loadDefaultPack(), last.receipt!.facts, { date });
    expect(again).toEqual(last.receipt!.decision);
  });

  it('asking an earlier question again keeps the later answers that can still matter', () => {
    const facts = scenarios.find((s) => s.id === 'S005')!.facts;
    const done = walk(full, facts).at(-1)!;
    const asked = done.state.answered.map((a) => a.fact);
    const changed = stepOf(full, without(done.answers, 'consentMethod'));
    expect(changed.state.question?.fact).toBe('consentMethod');
    expect(Object.keys(changed.answers).sort()).toEqual(asked.filter((f) => f !== 'consentMethod').sort());
    // Back from there forgets only the answer before it.
    const previous = asked[asked.indexOf('consentMethod') - 1]!;
    expect(stepOf(full, changed.back!).state.question?.fact).toBe(previous);
  });

  it('answers that can no longer matter are dropped', () => {
    const facts = scenarios.find((s) => s.id === 'S005')!.facts;
    const done = walk(full, facts).at(-1)!;
    const leaflet = stepOf(full, { ...done.answers, channel: 'unaddressed_mail' });
    expect(Object.keys(leaflet.answers)).not.toContain('consentMethod');
    expect(Object.keys(leaflet.answers)).toContain('channel');
  });

  it('reads only known facts with valid values from an address', () => {
    const params = new URLSearchParams('channel=email&channel=fax&nosuch=1&senderActsInBusiness=yes&recipientOptedOut=false&purpose=<b>');
    expect(readAnswers(full, params)).toEqual({ channel: 'email', recipientOptedOut: false });
  });

  it('a screen round-trips through the address: «yes» becomes its facts, «no» stays as NAME=false', () => {
    const start: Answers = { channel: 'email', recipientType: 'private_person', purpose: 'newsletter_with_marketing', senderActsInBusiness: true, recipientOptedOut: false, explicitRequestToSender: false };
    const asked = stepOf(full, start, 'en');
    const q = asked.state.question!;
    expect(q.type).toBe('screen');
    const html = renderStep(asked, links);
    // One GET form: the radio is the screen's name with true/false; the conditions are a list under the question.
    expect(html).toContain(`<input type="radio" name="customerException" value="true"`);
    expect(html).toContain(`<input type="radio" name="customerException" value="false"`);
    expect(html).toContain('<ul class="q-confirms" id="q-confirms"><li>The recipient is an ongoing customer of yours');
    expect(html).toContain('aria-describedby="q-confirms q-help"');
    // The screen's markup is made with the step (screen-html.ts): the facts «yes» sets, as the page names them.
    expect(html).toContain(` data-confirms="${answersQuery(Object.fromEntries(q.confirms!.map((c) => [c.fact, c.value]))).replace(/&/g, '&amp;')}"`);
    // «Yes» as the form sends it: the address then carries the facts, not the screen.
    const yes = stepOf(full, readAnswers(full, new URLSearchParams(`${answersQuery(asked.answers)}&customerException=true`)), 'en');
    for (const c of q.confirms!) expect(yes.answers[c.fact]).toBe(c.value);
    expect(yes.answers).not.toHaveProperty('customerException');
    expect(yes.state.answered.at(-1)).toMatchObject({ fact: 'customerException', value: true, answer: 'Yes, all of it' });
    // «Change» on the screen's answer drops every fact it set, so the screen is asked again.
    const change = renderStep(yes, links).match(/href="#([^"]*)" data-change="customerException"/)![1]!.replace(/&amp;/g, '&');
    expect(stepOf(full, readAnswers(full, new URLSearchParams(change))).state.question?.fact).toBe('customerException');
    // «No»: the marker travels in the hidden fields and the facts are asked one by one.
    const no = stepOf(full, readAnswers(full, new URLSearchParams(`${answersQuery(asked.answers)}&customerException=false`)), 'en');
    expect(no.answers.customerException).toBe(false);
    expect(no.state.question?.type).not.toBe('screen');
    expect(renderStep(no, links)).toContain('<input type="hidden" name="customerException" value="false">');
    expect(stepOf(full, no.back!).state.question?.fact).toBe('customerException');
  });

  it('opens each «Legal basis» of a result to the statute text the pack declares, never for guidance marked [R]', () => {
    const typical = Object.fromEntries(full.facts.filter((f) => f.typical !== undefined).map((f) => [f.name, f.type === 'boolean' ? f.typical === 1 : f.values[f.typical!]!]));
    const facts: Answers = { ...typical, channel: 'email', recipientType: 'private_person', purpose: 'marketing', senderActsInBusiness: true, recipientOptedOut: false, explicitRequestToSender: false, hasConsent: false, customerRelationship: 'none' };
    for (const tables of [full, sliced]) {
      const done = walk(tables, facts, 'en').at(-1)!;
      expect(done.state.decision.outcome).toBe('not_allowed');
      const html = renderStep(done, links);
      const statute = full.statutes!.find((s) => s.ref === 'mfl. § 15 første ledd')!;
      expect(html).toContain(`<figure class="basis-statute"><figcaption>The statute (in Norwegian, as enacted): <a href="${statute.url}" lang="nb">mfl. § 15 første ledd</a></figcaption><blockquote lang="nb"`);
      expect(html).toContain(statute.text.slice(0, 60).replace(/"/g, '&quot;'));
      // Every quotation sits inside a «Legal basis» details element.
      expect(html.split('<figure class="basis-statute">').length - 1).toBeGreaterThan(0);
      for (const part of html.split('<details class="basis">').slice(1)) expect(part.indexOf('</details>')).toBeGreaterThan(-1);
    }
    const unverified = { source: 'mfl', ref: 'mfl. § 15 første ledd', title: '', url: '', status: 'unverified' as const };
    expect(quotedBy(unverified, full.statutes!)).toEqual([]);
    expect(quotedBy({ ...unverified, status: 'primary' }, full.statutes!).map((s) => s.ref)).toEqual(['mfl. § 15 første ledd']);
    expect(quotedBy({ ...unverified, ref: 'mfl. § 13 a', status: 'primary' }, full.statutes!).map((s) => s.ref)).toEqual(['mfl. § 13 a første ledd', 'mfl. § 13 a andre ledd', 'mfl. § 13 a tredje ledd', 'mfl. § 13 a fjerde ledd']);
  });

  it('escapes what it renders', () => {
    const html = renderError('nb', '<script>alert(1)</script> & "x"', links);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
  });

  it('gives today in Norway, which is a day ahead of UTC just after midnight', () => {
    expect(todayInNorway(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
    expect(todayInNorway(new Date('2026-01-01T12:00:00Z'))).toBe('2026-01-01');
  });
});

describe('citation forms in the question texts', () => {
  it('are the forms cite.ts gives for every citation of the pack (bokmål: the reference itself, so its bundles leave the English forms out)', () => {
    const all = [...full.rules.flatMap((r) => r.citations), ...full.obligations.flatMap((o) => o.citations)];
    expect(all.length).toBeGreaterThan(10);
    for (const c of all) {
      expect(nbQuestion.cite(c)).toBe(citeText(c, 'nb'));
      expect(nbQuestion.citeLang(c)).toBe(citeLang(c, 'nb'));
      expect(enQuestion.cite(c)).toBe(citeText(c, 'en'));
      expect(enQuestion.citeLang(c)).toBe(citeLang(c, 'en'));
    }
    expect(all.some((c) => enQuestion.cite(c) !== c.ref)).toBe(true);
  });
});
