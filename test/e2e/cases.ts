/**
 * Situations the browser tests and screenshots walk through: public scenarios (the copy in
 * test/data/legal/) and one uncertain case.
 */
import { readFileSync } from 'node:fs';

export type Facts = Record<string, string | boolean>;

export interface Case {
  id: string;
  facts: Facts;
}

const SCENARIOS = new URL('../data/legal/scenarios.json', import.meta.url);

/** The public scenarios, by id. */
export function scenarios(): Map<string, Case> {
  const data = JSON.parse(readFileSync(SCENARIOS, 'utf8')) as { scenarios: Case[] };
  return new Map(data.scenarios.map((s) => [s.id, { id: s.id, facts: s.facts }]));
}

/** Push notifications from an app: the law does not settle whether they need consent (R12). */
export const UNCERTAIN: Case = {
  id: 'push',
  facts: { channel: 'push_notification', senderActsInBusiness: true, purpose: 'marketing', recipientType: 'private_person', recipientOptedOut: false, explicitRequestToSender: false, hasConsent: false },
};

/** One public scenario per outcome the scenarios have, plus the uncertain case: a result page of each kind. */
export function resultCases(): Record<'allowed' | 'allowed_with_conditions' | 'not_allowed' | 'uncertain', Case> {
  const s = scenarios();
  return { allowed: s.get('S040')!, allowed_with_conditions: s.get('S017')!, not_allowed: s.get('S005')!, uncertain: UNCERTAIN };
}

/** The questionnaire address with the facts in its query string (the path without JavaScript). */
export function questionUrl(base: string, lang: 'nb' | 'en', facts: Facts): string {
  const path = lang === 'nb' ? '/sporsmal/' : '/en/question/';
  return `${base}${path}?${new URLSearchParams(Object.entries(facts).map(([k, v]) => [k, String(v)]))}`;
}
