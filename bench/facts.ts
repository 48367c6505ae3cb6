/**
 * The benchmark's inputs, drawn once from a seeded random source and reused by every contender:
 * total fact sets for the Norwegian pack (biased the same way as test/invariants.test.ts, so that
 * every channel and every rule of SPEC.md section 5.3 is reached), value-index forms of them for the
 * engine core and the interpreter, and realistic partial answers for the questionnaire.
 */
import type { FactInput } from '../compiler/evaluate/types.ts';
import type { Tables } from '../compiler/runtime/tables.ts';
import { referenceDecide, type TotalFacts } from '../test/reference/spec-reference.ts';
import { rng } from './harness.ts';

/** Probability of `true` per boolean fact (others: 0.5). */
const TRUE_ODDS: Record<string, number> = {
  senderActsInBusiness: 0.93,
  hasConsent: 0.6,
  consentBundledAsCondition: 0.15,
  consentCoversChannel: 0.8,
  consentCoversSender: 0.8,
  consentCoversProductType: 0.8,
  consentInformed: 0.8,
  consentDocumented: 0.7,
  consentUnusedLongPeriod: 0.2,
  recipientOptedOut: 0.15,
  optOutOfferedAtCollection: 0.7,
  productSimilarToRelationship: 0.7,
  explicitRequestToSender: 0.3,
  callerIdVisibleAndListed: 0.85,
  listWashedAgainstRegister: 0.85,
  contractOfferedDuringCall: 0.4,
};

/** Enumerations whose deeper rules need one value: it is drawn half the time. */
const FAVOURITE: Record<string, string> = {
  recipientAgeGroup: 'adult',
  addressSource: 'collected_in_sale',
  consentMethod: 'active_opt_in',
  customerRelationship: 'ongoing',
  productOwner: 'own',
  callTime: 'weekday_0900_2100',
};

const MARKETING = ['marketing', 'newsletter_with_marketing', 'survey_with_marketing'];

/** `n` total fact sets for the pack's facts: `totalFacts(tables, 100_000, 1)`. */
export function totalFacts(tables: Tables, n: number, seed: number): TotalFacts[] {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out: TotalFacts[] = [];
  for (let i = 0; i < n; i++) {
    const f: Record<string, string | boolean> = {};
    for (const fact of tables.facts) {
      if (fact.type === 'boolean') f[fact.name] = random() < (TRUE_ODDS[fact.name] ?? 0.5);
      else if (fact.name === 'purpose') {
        const r = random() * 10;
        f.purpose =
          r < 6 ? pick(MARKETING) : r < 8 ? 'consent_request' : r < 9 ? 'referral_message' : pick(['service_message', 'survey_without_marketing']);
      } else if (FAVOURITE[fact.name] && random() < 0.5) f[fact.name] = FAVOURITE[fact.name]!;
      else f[fact.name] = pick(fact.values);
    }
    // As a request body would arrive: parsed from JSON (objects built key by key above end up in V8's
    // slow dictionary mode, which no caller's facts would be in).
    out.push(JSON.parse(JSON.stringify(f)) as TotalFacts);
  }
  return out;
}

/** Which SPEC rules and channels the inputs reach (by the hand-written reference). */
export function coverage(facts: readonly TotalFacts[]): { rules: Map<string, number>; channels: Map<string, number> } {
  const rules = new Map<string, number>();
  const channels = new Map<string, number>();
  for (const f of facts) {
    const r = referenceDecide(f).rule;
    rules.set(r, (rules.get(r) ?? 0) + 1);
    channels.set(f.channel, (channels.get(f.channel) ?? 0) + 1);
  }
  return { rules, channels };
}

/** The rules of SPEC.md section 5.3, as revised by section 5.4. */
export const SPEC_RULES = [
  'R01', 'R02', 'R03', 'R10', 'R10a', 'R11', 'R12', 'R13', 'R14', 'R15', 'R16', 'R17', 'R18', 'R19',
  'R20', 'R21', 'R22', 'R30',
  'R40', 'R41', 'R50', 'R51', 'R52', 'R53', 'R54', 'R55', 'R56', 'R57', 'R58', 'R59', 'R60',
  'R70', 'R71', 'R72', 'R73', 'R74', 'R75', 'R76', 'R77', 'R78',
];

/** The electronic channels of SPEC.md section 5.1 (the rules R10–R30). */
export const ELECTRONIC = new Set(['email', 'sms_mms', 'messaging_dm', 'push_notification', 'fax', 'automated_call']);

/** Facts as value indices in the pack's fact order (what the engine core and the interpreter read). */
export function toAssignment(tables: Tables, f: TotalFacts): Int32Array {
  const rec = f as unknown as Record<string, string | boolean>;
  return Int32Array.from(tables.facts, (fact) => {
    const v = rec[fact.name]!;
    const i = fact.type === 'boolean' ? Number(v) : fact.values.indexOf(v as string);
    if (i < 0) throw new Error(`bench: ${fact.name}=${String(v)} is not a value of the pack`);
    return i;
  });
}

/** Random total value-index assignments for any pack (the synthetic packs). */
export function randomAssignments(tables: Tables, n: number, seed: number): Int32Array[] {
  const random = rng(seed);
  return Array.from({ length: n }, () => Int32Array.from(tables.facts, (f) => Math.floor(random() * f.values.length)));
}

/**
 * Realistic partial answers: the questionnaire's path for each total fact set, one state per
 * question asked (answers given in the order the engine asks for them). `ask` is nextQuestion with
 * the screens declined so far. A screen is answered «yes» when every fact it confirms has that value
 * in the fact set (the facts are then given together), else declined (its facts come one by one).
 */
export function questionnairePaths(
  facts: readonly TotalFacts[],
  ask: (partial: FactInput, declined: string[]) => { question?: { fact: string; confirms?: { fact: string; value: string | boolean }[] } } | { error: unknown },
): FactInput[] {
  const states: FactInput[] = [];
  for (const f of facts) {
    const given = f as unknown as Record<string, string | boolean>;
    const partial: FactInput = {};
    const declined: string[] = [];
    for (;;) {
      states.push({ ...partial });
      const step = ask(partial, declined);
      if ('error' in step) throw new Error(`bench: nextQuestion rejected ${JSON.stringify(partial)}`);
      const q = step.question;
      if (!q) break;
      if (!q.confirms) partial[q.fact] = given[q.fact]!;
      else if (q.confirms.every((c) => given[c.fact] === c.value)) for (const c of q.confirms) partial[c.fact] = c.value;
      else declined.push(q.fact);
    }
  }
  return states;
}
