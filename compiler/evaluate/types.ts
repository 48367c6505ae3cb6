/**
 * The decision contract (the JSON that `lovkode decide`, the API and the site speak).
 * See README "Decision API".
 */
import type { Outcome } from '../ast/types.ts';

export type Lang = 'nb' | 'en';

/** A citation as shown to users: resolved to a link, with the spec's verification status. */
export interface CitationOut {
  source: string; // source id, e.g. "mfl"
  ref: string; // "mfl. § 15 første ledd" style: source short name + pinpoint
  title: string; // the source's title
  url: string; // a deep link where the source has a section url, else the source url
  status: 'primary' | 'secondary' | 'unverified';
}

export interface ObligationOut {
  code: string;
  text: string;
  citations: CitationOut[];
}

export interface ReasonOut {
  rule: string;
  text: string;
  citations: CitationOut[];
  /** Only for `uncertain`: the legal judgement that is needed. */
  judgement?: string;
}

export interface Decision {
  outcome: Outcome | null;
  obligations: ObligationOut[];
  reasons: ReasonOut[];
  citations: CitationOut[];
  missing: string[];
}

/** Bad input to `decide`: a stable code, the field, and the valid choices. */
export interface InputError {
  code:
    | 'E_NOT_AN_OBJECT' | 'E_UNKNOWN_FACT' | 'E_BAD_VALUE' | 'E_BAD_DATE' | 'E_BAD_JSON' | 'E_PACK_GAP' | 'E_PACK_CONFLICT'
    // Input that breaks a limit (compiler/limits.ts) or is not UTF-8.
    | 'E_LIMIT_SIZE' | 'E_LIMIT_DEPTH' | 'E_LIMIT_NAME' | 'E_LIMIT_VALUE' | 'E_ENCODING';
  message: string;
  field?: string;
  value?: unknown;
  choices?: string[];
}

/**
 * The next question of the questionnaire: a fact whose answer can still change the decision, or a
 * screen (`type: 'screen'`, `fact` is then the screen's name): several facts asked together, «yes»
 * (true) meaning each of `confirms` has its value, «no» (false) that they are asked one by one.
 */
export interface Question {
  fact: string;
  type: 'enum' | 'boolean' | 'screen';
  text: string;
  help?: string;
  /** The answers, with labels; booleans are offered as yes (true) first. */
  values: { value: string | boolean; label: string }[];
  typical?: string | boolean;
  /** Why it is asked: the rules whose application depends on the answer. */
  why: { rule: string; title: string; citations: CitationOut[] }[];
  /** The outcomes still possible. */
  possible: Outcome[];
  /** A screen only: the facts «yes» confirms, with their values and the condition as the list shows it. */
  confirms?: { fact: string; value: string | boolean; text: string }[];
}

/** Facts as given: a fact name maps to a value name (enums), a boolean, or null / absent (unknown). */
export type FactInput = Record<string, string | boolean | null | undefined>;
