/**
 * Every public scenario of SPEC.md through the bundled rule pack's decision API: the outcome, the
 * obligations (as a set), the deciding rule, and that the decision carries reasons and citations.
 * The scenarios are the repository's copy in test/data/legal/ (test/legal-data.test.ts keeps it equal
 * to the legal team's shared folder when that folder exists).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decide, loadDefaultPack, type Decision } from '../compiler/index.ts';

interface Scenario {
  id: string;
  facts: Record<string, string | boolean>;
  expected: string;
  obligations: string[];
  rule: string;
}

const file = fileURLToPath(new URL('./data/legal/scenarios.json', import.meta.url));
const scenarios = (JSON.parse(readFileSync(file, 'utf8')) as { scenarios: Scenario[] }).scenarios;

/** The law as the scenarios describe it: today's law, on a fixed date so the test does not drift. */
const DATE = '2026-07-02';

/** R30a–R30o only say why R30 applies; they are R30 in the spec's numbering. */
const specRule = (rule: string): string => rule.replace(/^(R30)[a-o]$/, '$1');

function decided(facts: Record<string, string | boolean>, lang: 'nb' | 'en'): Decision {
  const result = decide(loadDefaultPack(), facts, { date: DATE, lang });
  if ('error' in result) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
}

describe('public scenarios through the rule pack', () => {
  it('has scenarios to check', () => {
    expect(scenarios.length).toBeGreaterThan(40);
  });

  for (const s of scenarios) {
    it(`${s.id}: ${s.expected} by ${s.rule}`, () => {
      const d = decided(s.facts, 'nb');
      expect(d.outcome).toBe(s.expected.toLowerCase());
      expect(d.missing).toEqual([]);
      expect(d.obligations.map((o) => o.code).sort()).toEqual([...s.obligations].sort());
      const rules = [...new Set(d.reasons.map((r) => specRule(r.rule)))];
      expect(rules).toContain(s.rule);
      if (s.expected !== 'NOT_ALLOWED') expect(rules).toEqual([s.rule]);
      expect(d.reasons.length).toBeGreaterThan(0);
      for (const r of d.reasons) {
        expect(r.text.trim()).not.toBe('');
        expect(r.citations.length).toBeGreaterThan(0);
      }
      expect(d.citations.length).toBeGreaterThan(0);
      for (const o of d.obligations) {
        expect(o.text.trim()).not.toBe('');
        expect(o.citations.length).toBeGreaterThan(0);
      }
    });
  }

  it('speaks English when asked, with the same answer', () => {
    for (const s of scenarios) {
      const nb = decided(s.facts, 'nb');
      const en = decided(s.facts, 'en');
      expect(en.outcome).toBe(nb.outcome);
      expect(en.obligations.map((o) => o.code)).toEqual(nb.obligations.map((o) => o.code));
      expect(en.reasons.map((r) => r.text)).not.toEqual(nb.reasons.map((r) => r.text));
    }
  });

  it('links statute citations to the right section on Lovdata («§ 14 første ledd» is § 14, «§ 13 a» is § 13 a)', () => {
    const urls = (facts: Record<string, string | boolean>): string[] => decided(facts, 'nb').citations.map((c) => c.url);
    const mfl = 'https://lovdata.no/lov/2009-01-09-2/§';
    const call = { channel: 'phone_call_live', recipientType: 'private_person', purpose: 'marketing', senderActsInBusiness: true };
    expect(urls({ ...call, recipientOptedOut: false, callTime: 'saturday' })).toContain(`${mfl}14`);
    expect(urls({ ...call, recipientOptedOut: false, callTime: 'weekday_0900_2100', callerIdVisibleAndListed: true, listWashedAgainstRegister: false, reservedInRegister: false })).toContain(`${mfl}13a`);
    const letter = { channel: 'addressed_letter', recipientType: 'private_person', purpose: 'marketing', senderActsInBusiness: true };
    expect(urls({ ...letter, recipientOptedOut: true })).toContain(`${mfl}13`);
  });
});

describe('citations of each period (SPEC.md 5.4 items 9 and 10)', () => {
  const consent = {
    channel: 'email', recipientType: 'private_person', purpose: 'marketing', senderActsInBusiness: true,
    recipientOptedOut: false, explicitRequestToSender: false, hasConsent: true, consentMethod: 'active_opt_in',
    consentBundledAsCondition: false, consentCoversChannel: true, consentCoversSender: true,
    consentCoversProductType: true, consentInformed: true, recipientAgeGroup: 'adult', consentDocumented: true,
    consentUnusedLongPeriod: false,
  };
  const at = (facts: Record<string, string | boolean>, date: string) => {
    const d = decide(loadDefaultPack(), facts, { date, lang: 'nb' });
    if ('error' in d) throw new Error(d.error.code);
    return d;
  };

  it('a valid consent cites GDPR article by article on Lovdata from 20 July 2018', () => {
    const d = at(consent, DATE);
    expect(d.reasons.map((r) => r.rule)).toEqual(['R13']);
    const urls = d.reasons[0]!.citations.map((c) => c.url);
    expect(urls).toContain('https://lovdata.no/lov/2018-06-15-38/gdpr/a4');
    expect(urls).toContain('https://lovdata.no/lov/2018-06-15-38/gdpr/a7');
    expect(d.citations.every((c) => !c.url.includes('eur-lex'))).toBe(true);
  });

  it('the same consent in 2012 is allowed under personopplysningsloven 2000 § 2 nr. 7, with no GDPR citation in the reason', () => {
    const d = at(consent, '2012-03-01');
    expect(d.outcome).toBe('allowed_with_conditions');
    expect(d.reasons.map((r) => r.rule)).toEqual(['R13_2009']);
    const refs = d.reasons[0]!.citations.map((c) => c.ref);
    expect(refs).toContain('personopplysningsloven 2000 § 2 nr. 7');
    expect(refs.some((r) => r.startsWith('GDPR'))).toBe(false);
  });

  it('before 1 June 2009 the answer is uncertain and cites § 2b of the 1972 act, not the current § 15', () => {
    const d = at(consent, '2008-05-01');
    expect(d.outcome).toBe('uncertain');
    const refs = d.citations.map((c) => c.ref);
    expect(refs).toContain('markedsføringsloven 1972 § 2b');
    expect(refs).not.toContain('mfl. § 15');
  });
});
