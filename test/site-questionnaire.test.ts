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
    if (!s.state.question) return steps;
    answers = { ...s.answers, [s.state.question.fact]: facts[s.state.question.fact]! };
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
