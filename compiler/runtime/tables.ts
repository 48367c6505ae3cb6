/**
 * The compiled form of a rule pack: plain JSON that the runtime engine reads. The compiler
 * (compiler/ir/compile.ts) writes it; the CLI, the API, the generated module and the site's
 * browser script all decide with it. It holds no code, only data.
 *
 * The decision function is a reduced, ordered multi-valued decision diagram (MDD) per period of
 * time ("epoch") over the facts in question order. Node ids >= 0 index `nodes`; a terminal is
 * written as `-1 - t`, where t indexes `terminals`.
 */

/** One bilingual text. */
export interface TextPair {
  nb: string;
  en: string;
}

export interface TableCitation {
  source: string;
  ref: string;
  title: string;
  url: string;
  status: 'primary' | 'secondary' | 'unverified';
}

export interface TableFact {
  name: string;
  type: 'enum' | 'boolean';
  /** Value names in declaration order; booleans are ["false", "true"]. */
  values: string[];
  question: TextPair;
  help?: TextPair;
  /** Per value, its label (booleans: «Nei»/«Ja»). */
  labels: TextPair[];
  /** Index of the typical value, if the pack names one. */
  typical?: number;
  /** What a person can do to give the fact a value (facts without actions are circumstances). */
  actions?: { value: number; text: TextPair }[];
}

export interface TableRule {
  id: string;
  title: TextPair;
  outcome: string;
  reason: TextPair;
  judgement?: TextPair;
  citations: TableCitation[];
  from?: string;
  until?: string;
  /** Indices into `Tables.statutes`: the statute texts its citations quote, in citation order. */
  statutes?: number[];
}

export interface TableObligation {
  code: string;
  text: TextPair;
  citations: TableCitation[];
  statutes?: number[];
}

/**
 * A screen: facts asked together as one question («Stemmer alt dette?» with the conditions as a list).
 * «Yes» gives every listed fact its value; «no» asks them one by one. It never changes a decision.
 */
export interface TableScreen {
  name: string;
  question: TextPair;
  help?: TextPair;
  /** The facts «yes» confirms: fact index, value index and the condition as the list shows it. */
  members: { fact: number; value: number; text: TextPair }[];
}

/** A statute text declared in the pack: shown by `explain --quote` and the rule reference, never in a decision. */
export interface TableStatute {
  source: string;
  pinpoint: string;
  /** As citations show it: «mfl. § 15 første ledd». */
  ref: string;
  status: 'primary' | 'secondary';
  /** The law's own words, in Norwegian (bokmål), verbatim. */
  text: string;
  url: string;
}

/** A leaf of the full diagram: the outcome, the obligations owed and the rules that decided. */
export type TableTerminal =
  | { kind: 'decision'; outcome: string; obligations: number[]; rules: number[] }
  | { kind: 'gap' }
  | { kind: 'conflict'; rules: number[]; outcomes: string[] }
  | { kind: 'bool'; v: boolean };

/** One period of time with its own decision diagrams. `from`/`until` inclusive, absent = open. */
export interface TableEpoch {
  from?: string;
  until?: string;
  /** Root of the full diagram (terminals carry the deciding rules); absent in tables sliced for a browser. */
  full?: number;
  /** Root of the projected diagram (terminals carry only outcome + obligations): decides "settled". */
  decision: number;
  /** Per rule, the root of a diagram with truth leaves: where the rule decides. The reasons of an answer. */
  decides: number[];
}

export interface Tables {
  format: 'lovkode-tables/1';
  /** A content hash of the rule pack's source files: the version a receipt records. */
  version: string;
  facts: TableFact[];
  rules: TableRule[];
  obligations: TableObligation[];
  terminals: TableTerminal[];
  /** Flat node store: for node i, nodes[i] = [factIndex, child for value 0, child for value 1, …]. */
  nodes: number[][];
  epochs: TableEpoch[];
  /** Statute texts (absent when the pack declares none). */
  statutes?: TableStatute[];
  /** Screens: facts the questionnaire may ask together (absent when the pack declares none). */
  screens?: TableScreen[];
}
