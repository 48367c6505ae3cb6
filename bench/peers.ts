/**
 * The same rules in two peer engines: the scope rules R01–R03 and the electronic-channel rules
 * R10–R30 of SPEC.md section 5.3 (first match wins), written once as a table of rows and encoded
 *   - for json-rules-engine@7.3.1: one rule per row, priorities descending, and `engine.stop()` on
 *     the first success (so later rows are not evaluated: first match, the peer's best case);
 *   - for @gorules/zen-engine@0.54.0: a JDM decision table with hitPolicy "first".
 * Each peer returns the outcome, the spec rule id and the obligation codes; `verifyPeer` compares
 * them with referenceDecide on every input and throws on the first difference.
 */
import { createRequire } from 'node:module';
import { referenceDecide, type TotalFacts } from '../test/reference/spec-reference.ts';

const require = createRequire(import.meta.url);

/** A condition on one fact: equal to a value, one of some values, or not equal. */
type Test = { eq: string | boolean } | { in: string[] } | { ne: string };

interface Row {
  rule: string;
  outcome: string;
  obligations: string[];
  when: Record<string, Test>;
}

const ELECTRONIC = ['email', 'sms_mms', 'messaging_dm', 'push_notification', 'fax', 'automated_call'];
const ELECTRONIC_MAIL = ['email', 'sms_mms', 'messaging_dm'];
const MARKETING = ['marketing', 'newsletter_with_marketing', 'survey_with_marketing'];
const E_BASE = ['IDENTIFY_SENDER', 'MARK_AS_MARKETING', 'HONOUR_OPT_OUT'];
const CONSENT_SET = [...E_BASE, 'FREE_OPT_OUT_EVERY_MESSAGE', 'KEEP_CONSENT_PROOF', 'STAY_WITHIN_CONSENT_SCOPE'].sort();
const CUSTOMER_SET = [...E_BASE, 'FREE_OPT_OUT_EVERY_MESSAGE', 'ONLY_OWN_SIMILAR_PRODUCTS'].sort();

/** Every consent condition except the method (SPEC.md 5.1 validConsent). */
const CONSENT_TERMS: Record<string, Test> = {
  hasConsent: { eq: true },
  consentBundledAsCondition: { eq: false },
  consentCoversChannel: { eq: true },
  consentCoversSender: { eq: true },
  consentCoversProductType: { eq: true },
  consentInformed: { eq: true },
  recipientAgeGroup: { ne: 'under_15' },
};
const VALID_CONSENT: Record<string, Test> = { ...CONSENT_TERMS, consentMethod: { eq: 'active_opt_in' } };
const EXCEPTION_TERMS: Record<string, Test> = {
  addressSource: { eq: 'collected_in_sale' },
  optOutOfferedAtCollection: { eq: true },
  productOwner: { eq: 'own' },
  productSimilarToRelationship: { eq: true },
};
const electronic: Record<string, Test> = { channel: { in: ELECTRONIC } };
const mail: Record<string, Test> = { channel: { in: ELECTRONIC_MAIL } };

/** SPEC.md 5.3 R01–R03 and R10–R30 in order; each row applies to electronic channels only (R01–R03 too). */
export const ROWS: Row[] = [
  { rule: 'R01', outcome: 'allowed', obligations: [], when: { ...electronic, purpose: { eq: 'service_message' } } },
  { rule: 'R02', outcome: 'uncertain', obligations: [], when: { ...electronic, purpose: { eq: 'survey_without_marketing' } } },
  { rule: 'R03', outcome: 'uncertain', obligations: [], when: { ...electronic, senderActsInBusiness: { eq: false } } },
  { rule: 'R10', outcome: 'allowed_with_conditions', obligations: [...E_BASE].sort(), when: { ...electronic, recipientType: { eq: 'generic_business_address' } } },
  { rule: 'R11', outcome: 'not_allowed', obligations: [], when: { ...electronic, recipientOptedOut: { eq: true } } },
  { rule: 'R12', outcome: 'uncertain', obligations: [], when: { channel: { eq: 'push_notification' } } },
  { rule: 'R14', outcome: 'uncertain', obligations: [], when: { ...electronic, ...VALID_CONSENT, recipientAgeGroup: { eq: 'age_15_to_17' } } },
  { rule: 'R15', outcome: 'uncertain', obligations: [], when: { ...electronic, ...VALID_CONSENT, consentUnusedLongPeriod: { eq: true } } },
  { rule: 'R16', outcome: 'uncertain', obligations: [], when: { ...electronic, ...VALID_CONSENT, consentDocumented: { eq: false } } },
  {
    rule: 'R13', outcome: 'allowed_with_conditions', obligations: CONSENT_SET,
    when: { ...electronic, ...VALID_CONSENT, consentDocumented: { eq: true }, consentUnusedLongPeriod: { eq: false }, recipientAgeGroup: { in: ['adult', 'unknown'] } },
  },
  { rule: 'R17', outcome: 'uncertain', obligations: [], when: { ...electronic, ...CONSENT_TERMS, consentMethod: { eq: 'oral' } } },
  { rule: 'R20', outcome: 'allowed_with_conditions', obligations: CUSTOMER_SET, when: { ...mail, purpose: { in: MARKETING }, customerRelationship: { eq: 'ongoing' }, ...EXCEPTION_TERMS } },
  { rule: 'R21', outcome: 'uncertain', obligations: [], when: { ...mail, purpose: { eq: 'consent_request' }, customerRelationship: { eq: 'ongoing' }, ...EXCEPTION_TERMS } },
  { rule: 'R22', outcome: 'uncertain', obligations: [], when: { ...mail, purpose: { in: MARKETING }, customerRelationship: { eq: 'single_purchase_durable' }, ...EXCEPTION_TERMS } },
  { rule: 'R30', outcome: 'not_allowed', obligations: [], when: { ...electronic } },
];

/** What a peer answers for one situation. */
export interface PeerAnswer {
  outcome: string;
  rule: string;
  obligations: string;
}

/** A peer engine: decide one situation (async, as both peers are). */
export type Peer = (facts: TotalFacts) => Promise<PeerAnswer>;

interface JreEngine {
  run(facts: object): Promise<unknown>;
  stop(): unknown;
  addRule(rule: object): void;
}

/** The rows as json-rules-engine rules; returns the first matching row's answer. */
export function jsonRulesEnginePeer(): Peer {
  const { Engine } = require('json-rules-engine') as { Engine: new (rules?: object[], options?: object) => JreEngine };
  const engine = new Engine([], { allowUndefinedFacts: false });
  let hit: PeerAnswer | undefined;
  const condition = (fact: string, t: Test): object =>
    'eq' in t ? { fact, operator: 'equal', value: t.eq } : 'in' in t ? { fact, operator: 'in', value: t.in } : { fact, operator: 'notEqual', value: t.ne };
  ROWS.forEach((row, i) => {
    engine.addRule({
      name: row.rule,
      priority: ROWS.length - i,
      conditions: { all: Object.entries(row.when).map(([f, t]) => condition(f, t)) },
      event: { type: row.outcome, params: { rule: row.rule, obligations: row.obligations.join(',') } },
      onSuccess: (event: { type: string; params: { rule: string; obligations: string } }) => {
        hit = { outcome: event.type, rule: event.params.rule, obligations: event.params.obligations };
        engine.stop();
      },
    });
  });
  return async (facts) => {
    hit = undefined;
    await engine.run(facts);
    if (!hit) throw new Error('bench: json-rules-engine matched no rule');
    return hit;
  };
}

/** A unary test in ZEN's decision-table syntax. */
function zenCell(t: Test): string {
  if ('eq' in t) return typeof t.eq === 'boolean' ? String(t.eq) : JSON.stringify(t.eq);
  if ('in' in t) return t.in.map((v) => JSON.stringify(v)).join(', ');
  return `$ != ${JSON.stringify(t.ne)}`;
}

/** The rows as a ZEN JDM: input → decision table (hitPolicy first) → output. */
export function zenJdm(): object {
  const fields = [...new Set(ROWS.flatMap((r) => Object.keys(r.when)))];
  const inputs = fields.map((f, i) => ({ id: `i${i}`, name: f, field: f }));
  const outputs = ['outcome', 'rule', 'obligations'].map((f, i) => ({ id: `o${i}`, name: f, field: f }));
  const rules = ROWS.map((row, k) => ({
    _id: `r${k}`,
    ...Object.fromEntries(fields.map((f, i) => [`i${i}`, row.when[f] ? zenCell(row.when[f]!) : ''])),
    o0: JSON.stringify(row.outcome),
    o1: JSON.stringify(row.rule),
    o2: JSON.stringify(row.obligations.join(',')),
  }));
  return {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'facts', position: { x: 0, y: 0 } },
      { id: 'table', type: 'decisionTableNode', name: 'rules', position: { x: 200, y: 0 }, content: { hitPolicy: 'first', inputs, outputs, rules } },
      { id: 'out', type: 'outputNode', name: 'answer', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'in', targetId: 'table', type: 'edge' },
      { id: 'e2', sourceId: 'table', targetId: 'out', type: 'edge' },
    ],
  };
}

/** The JDM in zen-engine; `evaluate` one situation. */
export function zenPeer(): Peer {
  const { ZenEngine } = require('@gorules/zen-engine') as {
    ZenEngine: new () => { createDecision(content: object): { evaluate(ctx: object): Promise<{ result: PeerAnswer }> } };
  };
  const decision = new ZenEngine().createDecision(zenJdm());
  return async (facts) => (await decision.evaluate(facts)).result;
}

/** Checks a peer against referenceDecide on every input (batches of `batch` at a time); throws on a difference. */
export async function verifyPeer(name: string, peer: Peer, inputs: readonly TotalFacts[], batch = 1): Promise<void> {
  for (let i = 0; i < inputs.length; i += batch) {
    const chunk = inputs.slice(i, i + batch);
    const answers = await Promise.all(chunk.map(peer));
    answers.forEach((a, k) => {
      const f = chunk[k]!;
      const r = referenceDecide(f);
      if (a.outcome !== r.outcome || a.rule !== r.rule || a.obligations !== r.obligations.join(',')) {
        throw new Error(
          `bench: ${name} disagrees with referenceDecide on input ${i + k}: ${JSON.stringify(a)} vs ${JSON.stringify({ outcome: r.outcome, rule: r.rule, obligations: r.obligations.join(',') })}\nfacts: ${JSON.stringify(f)}`,
        );
      }
    });
  }
}
