/**
 * The questionnaire's choice of the next question (compiler/runtime/choice.ts) on the bundled pack:
 * channel and recipient first, consent questions together, never a question that cannot change the
 * answer, «at most n» never exceeded, screens (facts asked together, compiler/runtime/screens.ts) that
 * list only facts that still matter and never set a fact the person did not confirm, and the typical
 * newsletter in at most 8 questions. The figures are computed, so they follow the pack when it changes.
 */
import { describe, expect, it } from 'vitest';
import { loadDefaultPack } from '../compiler/index.ts';
import { questionnaireStats } from '../compiler/analyse/questionnaire.ts';
import { decide, decideAssignment, questionnaireState, validateFacts } from '../compiler/runtime/index.ts';
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
      let previous: number | undefined;
      for (;;) {
        const state = questionnaireState(tables, given, { date: DATE });
        if ('error' in state) throw new Error(state.error.message);
        if (!state.question) {
          // The walk ends where decide ends with the same facts.
          const d = decide(tables, facts, { date: DATE });
          if (!('error' in d)) expect(state.decision.outcome).toBe(d.outcome);
          break;
        }
        const q = state.question;
        const own = q.type === 'screen' ? q.confirms!.map((c) => c.fact) : [q.fact];
        // Only facts that can still change the answer, and never more questions than announced.
        for (const f of own) expect(state.decision.missing).toContain(f);
        expect(state.decision.missing[0]).toBe(own[0]);
        if (previous !== undefined) expect(state.atMost!).toBeLessThanOrEqual(previous - 1);
        previous = state.atMost!;
        if (QUESTION_ORDER.first.some((f) => state.decision.missing.includes(f))) expect(QUESTION_ORDER.first).toContain(own[0]);
        const consentOpen = asked.some(isConsent) && state.decision.missing.some(isConsent);
        if (consentOpen) expect(own.every(isConsent)).toBe(true);
        if (q.type === 'screen') {
          // A screen lists at least two facts and is answered «yes» only when every one holds.
          expect(own.length).toBeGreaterThanOrEqual(2);
          const yes = q.confirms!.every((c) => facts[c.fact] === c.value);
          given[q.fact] = yes;
          if (!yes) asked.push(q.fact);
          else for (const c of q.confirms!) asked.push(c.fact);
        } else {
          asked.push(q.fact);
          given[q.fact] = facts[q.fact]!;
        }
      }
    }
  });

  it('needs fewer questions under the typical answers than asking in declaration order, with or without screens', () => {
    const declared = questionnaireStats(tables, DATE, undefined, 'declared');
    expect(questionnaireStats(tables, DATE, undefined, 'chosen', 'off').typicalQuestions).toBeLessThan(declared.typicalQuestions);
    // Screens cost the owner who answers «no» one question more; under the typical answers they stay within 2 %.
    const chosen = questionnaireStats(tables, DATE, undefined, 'chosen');
    expect(chosen.typicalQuestions).toBeLessThan(declared.typicalQuestions * 1.02);
  });

  it('asks the typical newsletter to existing customers in at most 8 questions, with one screen for the customer exception', () => {
    const state = questionnaireState(tables, NEWSLETTER, { date: DATE, lang: 'en' });
    if ('error' in state) throw new Error(state.error.message);
    expect(state.decision.outcome).toBe('allowed_with_conditions');
    expect(state.answered.length).toBeLessThanOrEqual(8);
    // One fact per question could not do it: every fact that changes the answer when the others stay
    // as they are must be asked, and there are 10 of them; the screen confirms five in one answer.
    const valid = validateFacts(tables, NEWSLETTER);
    if ('error' in valid) throw new Error(valid.error.message);
    const essential = tables.facts.filter((_, f) => {
      const a = valid.assignment.slice();
      a[f] = -1;
      const d = decideAssignment(tables, a, DATE, 'nb');
      return 'outcome' in d && d.outcome === null;
    });
    expect(essential.length).toBeGreaterThanOrEqual(10);
    const screen = state.answered.find((a) => a.fact === 'customerException');
    expect(screen?.value).toBe(true);
    expect(screen?.facts).toEqual(['customerRelationship', 'addressSource', 'optOutOfferedAtCollection', 'productOwner', 'productSimilarToRelationship']);
    expect(state.facts).toMatchObject({ customerRelationship: 'ongoing', addressSource: 'collected_in_sale', optOutOfferedAtCollection: true, productOwner: 'own', productSimilarToRelationship: true });
  });

  it('asks the facts one by one after «no», never offers a declined or contradicted screen, and never sets a fact nobody confirmed', () => {
    const start = { channel: 'email', recipientType: 'private_person', purpose: 'newsletter_with_marketing', senderActsInBusiness: true, recipientOptedOut: false, explicitRequestToSender: false };
    const offered = questionnaireState(tables, start, { date: DATE });
    if ('error' in offered) throw new Error(offered.error.message);
    expect(offered.question?.type).toBe('screen');
    expect(offered.question?.values.map((v) => v.value)).toEqual([true, false]);
    // «No»: the screen is recorded as declined and its first fact is asked on its own.
    const no = questionnaireState(tables, { ...start, customerException: false }, { date: DATE });
    if ('error' in no) throw new Error(no.error.message);
    expect(no.declined).toEqual(['customerException']);
    expect(no.answered.at(-1)).toMatchObject({ fact: 'customerException', value: false });
    expect(no.question?.type).not.toBe('screen');
    expect(offered.question!.confirms!.map((c) => c.fact)).toContain(no.question!.fact);
    expect(Object.keys(no.facts)).not.toContain('customerException');
    // «No», then a fact answered one by one otherwise than «yes» would: the «no» stays in the answers asked.
    const next = no.question!;
    const other = next.values.find((v) => v.value !== offered.question!.confirms!.find((c) => c.fact === next.fact)!.value)!.value;
    const noThenOther = questionnaireState(tables, { ...start, customerException: false, [next.fact]: other }, { date: DATE });
    if ('error' in noThenOther) throw new Error(noThenOther.error.message);
    expect(noThenOther.answered.map((a) => a.fact)).toEqual([...no.answered.map((a) => a.fact), next.fact]);
    // A fact answered otherwise than «yes» would: the screen is passed over without being asked.
    const contradicted = questionnaireState(tables, { ...start, customerRelationship: 'none' }, { date: DATE });
    if ('error' in contradicted) throw new Error(contradicted.error.message);
    expect(contradicted.answered.some((a) => a.fact === 'customerException')).toBe(false);
    expect(contradicted.question?.type).not.toBe('screen');
    // «Yes» sets exactly the facts the screen listed, each to the value it showed.
    const yes = questionnaireState(tables, { ...start, customerException: true }, { date: DATE });
    if ('error' in yes) throw new Error(yes.error.message);
    for (const c of offered.question!.confirms!) expect(yes.facts[c.fact]).toBe(c.value);
    expect(Object.keys(yes.facts).filter((f) => !(f in start)).sort()).toEqual(offered.question!.confirms!.map((c) => c.fact).sort());
    // A declined screen named to nextQuestion that the pack does not have is an input error.
    const bad = questionnaireState(tables, start, { date: DATE, declined: ['nope'] });
    expect('error' in bad && bad.error.field).toBe('declined');
  });
});
