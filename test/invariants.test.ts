/**
 * Properties over the whole fact space (fast-check):
 * (a) the rule pack agrees with the hand-written reference of SPEC.md section 8 on random TOTAL facts:
 *     outcome, obligations and deciding rule; the generators are biased so every rule is reached;
 * (b) legal invariants a lawyer would insist on, whatever the other facts are;
 * (c) honest answers over time and on partial facts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, loadDefaultPack, type Decision, type FactInput } from '../compiler/index.ts';
import { referenceDecide, type TotalFacts } from './reference/spec-reference.ts';

const vocabularyFile = fileURLToPath(new URL('./data/legal/vocabulary.json', import.meta.url));
const vocabulary = JSON.parse(readFileSync(vocabularyFile, 'utf8')) as { facts: Record<string, string[] | 'boolean'> };
const values = (fact: string): string[] => {
  const v = vocabulary.facts[fact];
  if (!Array.isArray(v)) throw new Error(`${fact} is not an enumeration`);
  return v;
};

const DATE = '2026-07-02';
const RUNS = 4000;
/** Fast-check runs thousands of decisions; the machine is shared, so allow time. */
const SLOW = { timeout: 120_000 };
const pack = loadDefaultPack();

function decided(facts: FactInput, date = DATE): Decision {
  const result = decide(pack, facts, { date, lang: 'en' });
  if ('error' in result) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
}

const isAllowed = (d: Decision): boolean => d.outcome === 'allowed' || d.outcome === 'allowed_with_conditions';
const codes = (d: Decision): string[] => d.obligations.map((o) => o.code).sort();
const specRule = (rule: string): string => rule.replace(/^(R30)[a-o]$/, '$1');

/** A boolean that is true with probability `p`. */
const bool = (p: number): fc.Arbitrary<boolean> =>
  fc.oneof({ weight: Math.round(p * 100), arbitrary: fc.constant(true) }, { weight: Math.round((1 - p) * 100), arbitrary: fc.constant(false) });

/** One of the values, with `favourite` chosen about half the time. */
const favouring = (all: string[], favourite: string): fc.Arbitrary<string> =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(favourite) }, { weight: 1, arbitrary: fc.constantFrom(...all) });

/**
 * Total facts, biased towards the combinations that reach the deeper rules: valid consent, the
 * customer exception, reserved consumers, and calls that keep the calling rules.
 */
const totalFacts: fc.Arbitrary<TotalFacts> = fc
  .record({
    channel: fc.constantFrom(...values('channel')),
    senderActsInBusiness: bool(0.93),
    purpose: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('marketing', 'newsletter_with_marketing', 'survey_with_marketing') },
      { weight: 2, arbitrary: fc.constant('consent_request') },
      { weight: 1, arbitrary: fc.constant('referral_message') },
      { weight: 1, arbitrary: fc.constantFrom('service_message', 'survey_without_marketing') },
    ),
    recipientType: fc.constantFrom(...values('recipientType')),
    recipientAgeGroup: favouring(values('recipientAgeGroup'), 'adult'),
    addressSource: favouring(values('addressSource'), 'collected_in_sale'),
    hasConsent: bool(0.6),
    consentMethod: favouring(values('consentMethod'), 'active_opt_in'),
    consentBundledAsCondition: bool(0.15),
    consentCoversChannel: bool(0.8),
    consentCoversSender: bool(0.8),
    consentCoversProductType: bool(0.8),
    consentInformed: bool(0.8),
    consentDocumented: bool(0.7),
    consentUnusedLongPeriod: bool(0.2),
    recipientOptedOut: bool(0.15),
    customerRelationship: favouring(values('customerRelationship'), 'ongoing'),
    optOutOfferedAtCollection: bool(0.7),
    productOwner: favouring(values('productOwner'), 'own'),
    productSimilarToRelationship: bool(0.7),
    reservedInRegister: bool(0.5),
    explicitRequestToSender: bool(0.3),
    callTime: favouring(values('callTime'), 'weekday_0900_2100'),
    callerIdVisibleAndListed: bool(0.85),
    listWashedAgainstRegister: bool(0.85),
    contractOfferedDuringCall: bool(0.4),
    mailboxMarkedNoAds: bool(0.5),
    offerForRecipientsBusiness: bool(0.5),
  })
  .map((f) => f as TotalFacts);

const asInput = (f: TotalFacts): FactInput => ({ ...f }) as FactInput;
const naturalPerson = (f: TotalFacts): boolean => f.recipientType !== 'generic_business_address';
/** A consumer for §§ 12–14: a private person, unknown, or a sole proprietor offered something for private use. */
const consumer = (f: TotalFacts): boolean =>
  f.recipientType === 'private_person' ||
  f.recipientType === 'unknown' ||
  (f.recipientType === 'sole_proprietor' && !f.offerForRecipientsBusiness);
const commercial = (f: TotalFacts): boolean =>
  f.senderActsInBusiness && f.purpose !== 'service_message' && f.purpose !== 'survey_without_marketing';
const ELECTRONIC = new Set(['email', 'sms_mms', 'messaging_dm', 'push_notification', 'fax', 'automated_call']);

const VALID_CONSENT = {
  hasConsent: true,
  consentMethod: 'active_opt_in',
  consentBundledAsCondition: false,
  consentCoversChannel: true,
  consentCoversSender: true,
  consentCoversProductType: true,
  consentInformed: true,
  consentDocumented: true,
  consentUnusedLongPeriod: false,
} as const;

function property(name: string, check: (f: TotalFacts) => void, runs = RUNS): void {
  it(name, SLOW, () => {
    fc.assert(
      fc.property(totalFacts, (f) => {
        check(f);
      }),
      { numRuns: runs },
    );
  });
}

describe('(a) the pack agrees with the hand-written reference of SPEC.md', () => {
  it('on random total facts: outcome, obligations and the deciding rule; every rule is reached', SLOW, () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(totalFacts, (f) => {
        const expected = referenceDecide(f);
        const d = decided(asInput(f));
        reached.add(expected.rule);
        for (const r of d.reasons) reached.add(r.rule);
        expect(d.outcome).toBe(expected.outcome);
        expect(d.missing).toEqual([]);
        expect(codes(d)).toEqual([...expected.obligations]);
        // Independent breaches (say a Saturday call to a reserved consumer) are all named; the spec's
        // first match is always among them, and it is the only reason for any other outcome.
        const rules = [...new Set(d.reasons.map((r) => specRule(r.rule)))];
        expect(rules).toContain(expected.rule);
        if (expected.outcome !== 'not_allowed') expect(rules).toEqual([expected.rule]);
      }),
      { numRuns: 30000 },
    );
    const specRules = [
      'R01', 'R02', 'R03', 'R10', 'R10a', 'R11', 'R12', 'R13', 'R14', 'R15', 'R16', 'R17', 'R18', 'R19',
      'R20', 'R21', 'R22', 'R30',
      'R40', 'R41', 'R50', 'R51', 'R52', 'R53', 'R54', 'R55', 'R56', 'R57', 'R58', 'R59', 'R60',
      'R70', 'R71', 'R72', 'R73', 'R74', 'R75', 'R76', 'R77', 'R78',
    ];
    const why = 'abcdefghijklmno'.split('').map((c) => `R30${c}`);
    expect([...specRules, ...why].filter((r) => !reached.has(r))).toEqual([]);
  });
});

describe('(b) legal invariants', () => {
  property('a natural person who opted out never gets an allowed electronic marketing message', (f) => {
    if (!ELECTRONIC.has(f.channel) || !naturalPerson(f) || !f.recipientOptedOut || f.purpose === 'service_message') return;
    expect(isAllowed(decided(asInput(f)))).toBe(false);
  });

  property('a generic business address is never refused for lack of consent', (f) => {
    if (f.recipientType !== 'generic_business_address' || f.channel === 'unaddressed_mail') return;
    expect(decided(asInput(f)).outcome).not.toBe('not_allowed');
  });

  property('fax and automated calls to a natural person are never allowed without valid consent or their own request', (f) => {
    if ((f.channel !== 'fax' && f.channel !== 'automated_call') || !naturalPerson(f) || f.purpose === 'service_message') return;
    if (f.explicitRequestToSender && !f.recipientOptedOut && f.purpose !== 'referral_message') return;
    const valid =
      f.hasConsent &&
      f.consentMethod === 'active_opt_in' &&
      !f.consentBundledAsCondition &&
      f.consentCoversChannel &&
      f.consentCoversSender &&
      f.consentCoversProductType &&
      f.consentInformed &&
      f.recipientAgeGroup !== 'under_15';
    if (valid) return;
    expect(isAllowed(decided(asInput(f)))).toBe(false);
  });

  property('a live sales call to a consumer on a Saturday, Sunday or public holiday is never allowed', (f) => {
    if (f.channel !== 'phone_call_live' || !consumer(f) || f.purpose === 'service_message') return;
    const d = decided(asInput({ ...f, callTime: f.contractOfferedDuringCall ? 'saturday' : 'sunday_or_public_holiday' }));
    expect(isAllowed(d)).toBe(false);
  });

  property('adding a valid, documented, channel-covering consent never turns an allowed e-mail into a refusal', (f) => {
    if (f.channel !== 'email') return;
    if (!isAllowed(decided(asInput(f)))) return;
    expect(decided(asInput({ ...f, ...VALID_CONSENT })).outcome).not.toBe('not_allowed');
  });

  property('a reserved consumer is never called without an exception of § 12', (f) => {
    if (f.channel !== 'phone_call_live' || !consumer(f) || !f.reservedInRegister || f.explicitRequestToSender) return;
    if (!commercial(f)) return;
    const ownCustomer =
      f.customerRelationship === 'ongoing' &&
      f.addressSource === 'collected_in_sale' &&
      f.productOwner === 'own' &&
      f.productSimilarToRelationship;
    if (ownCustomer) return;
    expect(isAllowed(decided(asInput(f)))).toBe(false);
  });

  property('a person who reserved directly with the sender is never called or written to', (f) => {
    if (f.channel !== 'phone_call_live' && f.channel !== 'addressed_letter') return;
    if (!naturalPerson(f) || !f.recipientOptedOut || !commercial(f)) return;
    expect(decided(asInput(f)).outcome).toBe('not_allowed');
  });

  property('a mailbox marked «no advertising» never gets unaddressed advertising', (f) => {
    if (f.channel !== 'unaddressed_mail' || !f.mailboxMarkedNoAds || f.purpose === 'service_message') return;
    expect(isAllowed(decided(asInput(f)))).toBe(false);
  });

  property('a pure service message is always allowed, with no obligations', (f) => {
    const d = decided(asInput({ ...f, purpose: 'service_message' }));
    expect(d.outcome).toBe('allowed');
    expect(d.obligations).toEqual([]);
  });

  property('every settled decision carries at least one citation, and each reason cites', (f) => {
    const d = decided(asInput(f));
    expect(d.citations.length).toBeGreaterThan(0);
    for (const r of d.reasons) expect(r.citations.length).toBeGreaterThan(0);
  });

  property('every uncertain decision names the legal judgement needed', (f) => {
    const d = decided(asInput(f));
    if (d.outcome !== 'uncertain') return;
    expect(d.reasons.some((r) => (r.judgement ?? '').trim() !== '')).toBe(true);
  });

  property('only «allowed with conditions» comes with obligations, and it always does', (f) => {
    const d = decided(asInput(f));
    expect(d.obligations.length > 0).toBe(d.outcome === 'allowed_with_conditions');
  });

  property('the written offer and acceptance is owed exactly when a consumer call offering a contract is allowed', (f) => {
    const d = decided(asInput(f));
    const owed = codes(d).includes('WRITTEN_OFFER_AND_WRITTEN_ACCEPTANCE');
    const expected =
      f.channel === 'phone_call_live' && consumer(f) && f.contractOfferedDuringCall && d.outcome === 'allowed_with_conditions';
    expect(owed).toBe(expected);
  });
});

const dates = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('(c) honest answers over time and on partial facts', () => {
  it('there is an answer on every date, and an uncertain one before the modelled law took effect', SLOW, () => {
    fc.assert(
      fc.property(totalFacts, dates, (f, date) => {
        const d = decided(asInput(f), date);
        expect(d.outcome).not.toBeNull();
        if (commercial(f) && date < '2009-06-01') expect(d.outcome).toBe('uncertain');
        const postOrPhone = f.channel === 'phone_call_live' || f.channel === 'addressed_letter';
        if (commercial(f) && postOrPhone && date < '2018-01-01') expect(d.outcome).toBe('uncertain');
        if (date < '2018-07-20') expect(codes(d)).not.toContain('GDPR_LAWFUL_BASIS_AND_INFO');
        // The modelled law: electronic and unaddressed marketing from 1 June 2009 (the consent rules with
        // personopplysningsloven 2000 until 19 July 2018), telephone and post from 1 January 2018.
        const modelledFrom = postOrPhone ? '2018-01-01' : '2009-06-01';
        if (!commercial(f) || date >= modelledFrom) expect(d.outcome).toBe(referenceDecide(f).outcome);
      }),
      { numRuns: RUNS },
    );
  });

  it('a settled answer on partial facts is the answer for the full facts; an open one names what is missing', SLOW, () => {
    fc.assert(
      fc.property(totalFacts, fc.array(fc.boolean(), { minLength: 28, maxLength: 28 }), (f, keep) => {
        const full = referenceDecide(f);
        const partial: FactInput = {};
        Object.keys(f).forEach((k, i) => {
          if (keep[i]) partial[k] = (f as unknown as Record<string, string | boolean>)[k];
        });
        const d = decided(partial);
        if (d.outcome === null) {
          expect(d.missing.length).toBeGreaterThan(0);
          for (const m of d.missing) expect(partial[m]).toBeUndefined();
        } else {
          expect(d.missing).toEqual([]);
          expect(d.outcome).toBe(full.outcome);
          expect(codes(d)).toEqual([...full.obligations]);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
