/**
 * The abstract syntax tree of a `.lov` file: what the parser's visitor builds and every later
 * phase reads. Plain JSON-able data; every node carries its source range.
 */

/** A position in a source file: 1-based line and column, 0-based offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A half-open source range [start, end) in one file. */
export interface Range {
  file: string;
  start: Position;
  end: Position;
}

/** A name as written, with where it was written. */
export interface Name {
  text: string;
  range: Range;
}

/** A string literal, already unescaped. */
export interface Str {
  value: string;
  range: Range;
}

/** Bilingual text: `nb "…" en "…"`. A missing language is `undefined` (the checker reports it). */
export interface Text {
  nb?: Str;
  en?: Str;
  range: Range;
}

export type Outcome = 'allowed' | 'allowed_with_conditions' | 'not_allowed' | 'uncertain';
export const OUTCOMES: readonly Outcome[] = ['allowed', 'allowed_with_conditions', 'not_allowed', 'uncertain'];

export type SourceStatus = 'primary' | 'secondary' | 'unverified';
export const SOURCE_STATUSES: readonly SourceStatus[] = ['primary', 'secondary', 'unverified'];

/** `SOURCE "pinpoint" [unverified]` (after `cites`) or `SOURCE "pinpoint"` (after `quotes`: the statute text must be declared). */
export interface Citation {
  source: Name;
  pinpoint: Str;
  unverified: boolean;
  /** Written under `quotes`: a `statute` with this source and pinpoint must exist. */
  quoted?: boolean;
  range: Range;
}

/** `in force from DATE until DATE` (either end may be absent; dates are `YYYY-MM-DD`, inclusive). */
export interface Period {
  from?: Str;
  until?: Str;
  range: Range;
}

/** A condition expression. */
export type Expr =
  | { kind: 'ref'; name: Name; range: Range } // boolean fact or named condition
  | { kind: 'compare'; fact: Name; op: '=' | '!='; value: Name; range: Range } // value may be true/false
  | { kind: 'in'; fact: Name; negated: boolean; values: Name[]; range: Range }
  | { kind: 'not'; operand: Expr; range: Range }
  | { kind: 'and' | 'or'; operands: Expr[]; range: Range };

/** `value NAME label nb "…" en "…"` */
export interface ValueDecl {
  name: Name;
  label?: Text;
  range: Range;
}

export interface SourceDecl {
  kind: 'source';
  name: Name;
  title?: Str;
  url?: Str;
  sectionUrl?: Str;
  status?: Name; // one of SOURCE_STATUSES, checked later
  /** How a citation names the source, e.g. "mfl." (default: the source's name). */
  citedAs?: Str;
  range: Range;
}

/** `statute SOURCE "pinpoint" STATUS` + `text "…"`: the law's own words (in Norwegian), verbatim. */
export interface StatuteDecl {
  kind: 'statute';
  source: Name;
  pinpoint: Str;
  status?: Name; // primary or secondary; unverified is refused (LOV3021)
  text?: Str;
  range: Range;
}

export interface FactDecl {
  kind: 'fact';
  name: Name;
  type: 'enum' | 'boolean';
  values: ValueDecl[]; // empty for booleans
  question?: Text;
  help?: Text;
  typical?: Name; // a value name, or true/false
  /** `action VALUE nb "…" en "…"`: what a person can do to make the fact take this value. */
  actions?: ActionDecl[];
  range: Range;
}

/** `action VALUE nb "…" en "…"` inside a fact. */
export interface ActionDecl {
  value: Name; // a value name, or true/false
  text: Text;
  range: Range;
}

/**
 * `screen NAME`: a questionnaire declaration, not a rule. Its facts are offered as one question
 * («Stemmer alt dette?»); «yes» gives each `confirms` fact its value, «no» asks them one by one.
 */
export interface ScreenDecl {
  kind: 'screen';
  name: Name;
  question?: Text;
  help?: Text;
  members: ScreenMember[];
  range: Range;
}

/** `confirms FACT = VALUE nb "…" en "…"`: one condition of a screen, as the list shows it. */
export interface ScreenMember {
  fact: Name;
  value: Name;
  text?: Text;
  range: Range;
}

export interface ConditionDecl {
  kind: 'condition';
  name: Name;
  label?: Text;
  means?: Expr;
  range: Range;
}

export interface ObligationDecl {
  kind: 'obligation';
  name: Name;
  text?: Text;
  citations: Citation[];
  inForce?: Period;
  range: Range;
}

/** One `must` / `includes` line: obligation codes or set names, optionally under a condition. */
export interface ObligationUse {
  items: Name[];
  when?: Expr;
  range: Range;
}

export interface ObligationSetDecl {
  kind: 'obligationSet';
  name: Name;
  includes: ObligationUse[];
  range: Range;
}

export interface RuleDecl {
  kind: 'rule';
  name: Name;
  title?: Str; // bokmål
  titleEn?: Str; // `rule R13 "Gyldig samtykke" en "Valid consent"`; without it the bokmål title is shown
  exceptionTo: Name[];
  when?: Expr;
  outcome?: Name; // one of OUTCOMES, checked later
  must: ObligationUse[];
  because?: Text;
  judgement?: Text;
  citations: Citation[];
  inForce?: Period;
  /** `prevails over ID, …`: results of these rules are set aside where this rule gives one. */
  prevailsOver?: Name[];
  /** `… except ID, …` after `prevails over`: rules under those it prevails over whose results it leaves standing. */
  prevailsExcept?: Name[];
  /** `reason ID "title" …` blocks: why the rule applies, each with its own condition. */
  reasons?: ReasonDecl[];
  range: Range;
}

/** `reason ID "title" [en "title"]` inside a rule: `when`, `because`, `cites`/`quotes`. */
export interface ReasonDecl {
  name: Name;
  title?: Str;
  titleEn?: Str;
  when?: Expr;
  because?: Text;
  citations: Citation[];
  range: Range;
}

/** `given FACT = VALUE` */
export interface Given {
  fact: Name;
  value: Name;
  range: Range;
}

export type Expectation =
  | { kind: 'outcome'; outcome: Name; range: Range } // an outcome name, or `undecided`
  | { kind: 'obligations'; codes: Name[]; range: Range } // empty = `none`
  | { kind: 'rules'; rules: Name[]; range: Range }
  | { kind: 'missing'; facts: Name[]; range: Range };

export interface ExampleDecl {
  kind: 'example';
  name: Str;
  given: Given[];
  /** `given typical`: facts the example does not give take their declared typical value. */
  typical?: Name;
  on?: Str;
  expect: Expectation[];
  range: Range;
}

export interface ImportDecl {
  kind: 'import';
  path: Str;
  range: Range;
}

export type Declaration =
  | ImportDecl
  | SourceDecl
  | StatuteDecl
  | FactDecl
  | ScreenDecl
  | ConditionDecl
  | ObligationDecl
  | ObligationSetDecl
  | RuleDecl
  | ExampleDecl;

/** A `#` comment, kept for the formatter. */
export interface Comment {
  text: string; // including the leading '#'
  range: Range;
}

/** One parsed file. */
export interface LovFile {
  file: string;
  declarations: Declaration[];
  comments: Comment[];
}
