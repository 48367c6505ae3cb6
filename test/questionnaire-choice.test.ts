/**
 * The questionnaire's choice of the next question (compiler/runtime/choice.ts) on the bundled pack:
 * channel and recipient first, consent questions together, never a question that cannot change the
 * answer, «at most n» never exceeded, and fewer expected questions under the typical answers than
 * asking in declaration order. The figures are computed, so they follow the pack when it changes.
 */
import { describe, expect, it } from 'vitest';
import { loadDefaultPack } from '../compiler/index.ts';
import { questionnaireStats } from '../compiler/analyse/questionnaire.ts';
import { decideAssignment, questionnaireState, validateFacts } from '../compiler/runtime/index.ts';
import { QUESTION_ORDER } from '../compiler/runtime/choice.ts';

const DATE = '2026-07-02';
const pack = loadDefaultPack();
const { tables } = pack;
const isConsent = (name: string) => QUESTION_ORDER.groups[0]!.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));

/** A seeded random total answer set. */
function randomFacts(seed: number): Record<string, string | boolean> {
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Object.fromEntries(tables.facts.map((f) => {
    const i = Math.floor(next() * f.values.length);
    return [f.name, f.type === 'boolean' ? i === 1 : f.values[i]!];
  }));
}

/** The typical newsletter to existing customers: e-mail to a private person, every customer-exception condition met. */
const NEWSLETTER: Record<string, string | boolean> = {
  ...Object.fromEntries(tables.facts.filter((f) => f.typical !== undefined).map((f) => [f.name, f.type === 'boolean' ? f.typical === 1 : f.values[f.typical!]!])),
  channel: 'email', recipientType: 'private_person', purpose: 'newsletter_with_marketing', senderActsInBusiness: true,
  recipientOptedOut: false, hasConsent: false, customerRelationship: 'ongoing', addressSource: 'collected_in_sale',
  optOutOfferedAtCollection: true, productOwner: 'own', productSimilarToRelationship: true,
};

describe('choosing the next question', () => {
  it('asks channel and recipient first, keeps consent questions together, and never overruns «at most»', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const facts = randomFacts(seed);
      const asked: string[] = [];
      const given: Record<string, string | boolean> = {};
      for (;;) {
        const state = questionnaireState(tables, given, { date: DATE });
        if ('error' in state) throw new Error(state.error.message);
        if (!state.question) break;
        const q = state.question;
        // Only a fact that can still change the answer, and never more questions than announced.
        expect(state.decision.missing).toContain(q.fact);
        expect(state.decision.missing[0]).toBe(q.fact);
        if (asked.length > 0) {
          const before = questionnaireState(tables, Object.fromEntries(Object.entries(given).slice(0, -1)), { date: DATE });
          if (!('error' in before)) expect(state.atMost!).toBeLessThanOrEqual(before.atMost! - 1);
        }
        if (QUESTION_ORDER.first.some((f) => state.decision.missing.includes(f))) expect(QUESTION_ORDER.first).toContain(q.fact);
        const consentOpen = asked.some(isConsent) && state.decision.missing.some(isConsent);
        if (consentOpen) expect(isConsent(q.fact)).toBe(true);
        asked.push(q.fact);
        given[q.fact] = facts[q.fact]!;
      }
    }
  });

  it('needs fewer questions under the typical answers than asking in declaration order', () => {
    const chosen = questionnaireStats(tables, DATE, undefined, 'chosen');
    const declared = questionnaireStats(tables, DATE, undefined, 'declared');
    expect(chosen.typicalQuestions).toBeLessThan(declared.typicalQuestions);
  });

  it('asks the typical newsletter to existing customers no more questions than the law leaves open', () => {
    const state = questionnaireState(tables, NEWSLETTER, { date: DATE, lang: 'en' });
    if ('error' in state) throw new Error(state.error.message);
    expect(state.decision.outcome).toBe('allowed_with_conditions');
    // Every fact that changes the answer when the others stay as they are must be asked, in any order.
    const valid = validateFacts(tables, NEWSLETTER);
    if ('error' in valid) throw new Error(valid.error.message);
    const essential = tables.facts.filter((_, f) => {
      const a = valid.assignment.slice();
      a[f] = -1;
      const d = decideAssignment(tables, a, DATE, 'nb');
      return 'outcome' in d && d.outcome === null;
    });
    expect(state.answered.length).toBeGreaterThanOrEqual(essential.length);
    expect(state.answered.length).toBeLessThanOrEqual(essential.length + 1);
  });
});
