/**
 * Code generation: a compiled pack as a standalone ES module (the runtime bundled with the pack's
 * tables; no dependency on Chevrotain or the compiler), its TypeScript declarations with exact fact
 * types, and a JSON Schema of the facts.
 */
import { UNBUILT } from '../runtime/fastpath.ts';
import { withoutFullDiagrams } from '../runtime/slice.ts';
import type { Tables } from '../runtime/tables.ts';
import { runtimeSource } from './runtime-source.ts';

/**
 * A validator specialised to the pack: one pass over the keys given (not over every fact name), the
 * fact found by a comparison or a few when keys come in the pack's order (some may be left out), one
 * `switch` on the value, into a reused buffer. Anything unusual (not a plain
 * object, an unknown fact, a bad value, an inherited key) goes to the runtime's general validator,
 * so the errors and the accepted inputs are exactly the same. With `walk`, `assign(facts, data, at)`
 * also steps down the runtime's fast path (`data`, from node `at`) whenever the node it is at tests
 * the fact just assigned, and leaves the node it reached in `walkAt`: for complete facts in the
 * pack's order that is a leaf, so the decision is found by the time the facts are read.
 */
export function validatorSource(tables: Tables, options: { walk?: boolean } = {}): string {
  // Each fact appears once, so a step always uses the tested fact's own value: wherever the walk
  // stops (a key out of order, an unbuilt child), the runtime goes on from there. `tested` is the
  // fact the current node tests (-1: none, or the walk stopped), kept in a local, not re-read per key.
  const step = `if (f === tested) { const next = walkData[at + 2 + assignment[f]]; if (next === ${UNBUILT}) tested = -1; else { at = next; tested = next >= 0 ? walkData[next] : -1; } }`;
  const lines = [
    `const assignment = new Int32Array(${tables.facts.length});`,
    ...(options.walk ? ['let walkAt = -1;'] : []),
    'const hasOwn = Object.prototype.hasOwnProperty;',
    // How many facts the last valid input gave a value (-1: counted by the general validator, not here).
    'let known = 0;',
    'function general(facts) {',
    '  known = -1;',
    '  const valid = runtime.validateFacts(tables, facts);',
    "  if ('error' in valid) return valid.error;",
    '  assignment.set(valid.assignment);',
    '  return undefined;',
    '}',
    `const names = ${JSON.stringify(tables.facts.map((f) => f.name))};`,
    'const index = new Map(names.map((name, i) => [name, i]));',
    options.walk ? 'function assign(facts, walkData, at) {' : 'function assign(facts) {',
    "  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) return general(facts);",
    ...(options.walk ? ['  let tested = at >= 0 ? walkData[at] : -1;'] : []),
    '  assignment.fill(-1);',
    '  known = 0;',
    '  let f = 0;',
    '  for (const k in facts) {',
    '    if (!hasOwn.call(facts, k)) return general(facts);',
    // Keys usually come in the pack's order, some left out (partial facts): a few comparisons
    // forward find the fact, else one map lookup.
    '    if (k !== names[f]) {',
    '      let g = f + 1;',
    '      while (g < names.length && names[g] !== k) g++;',
    '      if (g < names.length) f = g; else { f = index.get(k); if (f === undefined) return general(facts); }',
    '    }',
    '    const v = facts[k];',
    '    switch (f) {',
  ];
  tables.facts.forEach((fact, i) => {
    const value =
      fact.type === 'boolean'
        ? `if (v === true) assignment[${i}] = 1; else if (v === false) assignment[${i}] = 0; else if (v != null) return general(facts);`
        : `switch (v) { ${fact.values.map((value, j) => `case ${JSON.stringify(value)}: assignment[${i}] = ${j}; break; `).join('')}case null: case undefined: break; default: return general(facts); }`;
    lines.push(`      case ${i}: ${value} break;`);
  });
  // A value that is not null got past the switch only if it was valid and assigned.
  lines.push('    }', options.walk ? `    if (v != null) { known++; ${step} }` : '    if (v != null) known++;', '    f++;', '  }');
  if (options.walk) lines.push('  walkAt = at;');
  lines.push('  return undefined;', '}');
  return lines.join('\n');
}

/**
 * The stand-in path a validator walks until the runtime has grown its fast path, in that path's
 * layout (runtime/fastpath.ts): a node that tests fact 0 (state slot 0), each of whose children is
 * the next node, which tests no fact (-1), so every walk takes one step and stops there.
 */
function noWalk(tables: Tables): number[] {
  const next = 2 + (tables.facts[0]?.values.length ?? 0);
  return [0, 0, ...Array<number>(next - 2).fill(next), -1, 0];
}

/** The tables as a single-quoted JS string of their JSON (no `"` to escape, so about the size of the JSON). */
function jsonString(tables: Tables): string {
  return `'${JSON.stringify(tables).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** What to build into the module: `fastPath` also ships the full diagrams (about 10× the size) for slightly faster complete facts. */
export interface ModuleOptions {
  fastPath?: boolean;
}

/** The JavaScript module: `generateModule(tables)` → source text of an ES module. */
export function generateModule(tables: Tables, options: ModuleOptions = {}): string {
  const shipped = options.fastPath ? tables : withoutFullDiagrams(tables);
  return [
    `// Generated by \`lovkode build\` from rule pack version ${tables.version}. Do not edit: change the .lov files and rebuild.`,
    runtimeSource(),
    // V8 parses a JSON string about twice as fast as the same object literal: a faster `import`.
    `export const tables = JSON.parse(${jsonString(shipped)});`,
    `export const version = tables.version;`,
    validatorSource(shipped, { walk: true }),
    `const decideValid = runtime.decider(tables);`,
    `const noWalk = Int32Array.of(${noWalk(shipped).join(', ')});`,
    `export function decide(facts, options) {`,
    `  let date, lang = 'nb';`,
    `  if (options !== undefined && options !== null) {`,
    `    if (options.date !== undefined) { date = options.date; const bad = runtime.checkDate(date); if (bad) return { error: bad }; }`,
    `    if (options.lang) lang = options.lang;`,
    `  }`,
    // Once the runtime has grown the fast path, the validator steps down it: for complete facts it
    // mostly ends at a leaf, whose decision is then one lookup. Until then it walks `noWalk`, one
    // step on the first fact to a node that tests none, so that its stepping code runs from the
    // first call: V8 then optimises the validator once (a first step taken only later could leave
    // it unoptimised for good, 3× slower).
    `  const walk = decideValid.walk(date);`,
    `  const error = walk === undefined ? assign(facts, noWalk, 0) : assign(facts, walk.fast.data, walk.fast.root);`,
    `  if (error) return { error };`,
    `  if (known < 0 || walk === undefined) return decideValid(assignment, date, lang, known < 0 ? undefined : known === ${tables.facts.length});`,
    `  if (walkAt < 0 && known === ${tables.facts.length}) { const d = walk.byLeaf[lang === 'nb' ? 0 : 1][-1 - walkAt]; if (d !== undefined) return d; }`,
    `  return decideValid(assignment, date, lang, known === ${tables.facts.length}, walk.fast, walkAt);`,
    `}`,
    `export function nextQuestion(facts, options) { return runtime.nextQuestion(tables, facts, options); }`,
    `export function whatWouldChange(facts, options = {}) {`,
    `  const valid = runtime.validateFacts(tables, facts);`,
    `  if ('error' in valid) return valid;`,
    `  return runtime.whatWouldChange(tables, valid.assignment, options.date ?? runtime.today(), options.lang ?? 'nb');`,
    `}`,
    '',
  ].join('\n');
}

const literal = (v: string): string => JSON.stringify(v);

/** TypeScript declarations with exact fact types: `generateTypes(tables)`. */
export function generateTypes(tables: Tables): string {
  const facts = tables.facts
    .map((f) => {
      const type = f.type === 'boolean' ? 'boolean' : f.values.map(literal).join(' | ');
      return `  /** ${f.question.en.replace(/\*\//g, '* /')} */\n  ${f.name}?: ${type} | null;`;
    })
    .join('\n');
  const outcomes = ['allowed', 'allowed_with_conditions', 'not_allowed', 'uncertain'].map(literal).join(' | ');
  const codes = tables.obligations.map((o) => literal(o.code)).join(' | ');
  const screens = (tables.screens ?? []).map((x) => literal(x.name)).join(' | ') || 'never';
  return `// Generated by \`lovkode build\` from rule pack version ${tables.version}. Do not edit.

/** The facts of a case. A fact left out, or null, is unknown. */
export interface Facts {
${facts}
}

export type FactName = keyof Facts;
export type Outcome = ${outcomes};
export type ObligationCode = ${codes};
export type Lang = 'nb' | 'en';

export interface Citation {
  source: string;
  ref: string;
  title: string;
  url: string;
  status: 'primary' | 'secondary' | 'unverified';
}

export interface Decision {
  /** Null while the facts given do not settle the decision: see \`missing\`. */
  outcome: Outcome | null;
  obligations: { code: ObligationCode; text: string; citations: Citation[] }[];
  reasons: { rule: string; text: string; citations: Citation[]; judgement?: string }[];
  citations: Citation[];
  /** Exactly the unknown facts that can still change the decision, next question first. */
  missing: FactName[];
}

export interface InputError {
  code: 'E_NOT_AN_OBJECT' | 'E_UNKNOWN_FACT' | 'E_BAD_VALUE' | 'E_BAD_DATE' | 'E_BAD_JSON' | 'E_PACK_GAP' | 'E_PACK_CONFLICT';
  message: string;
  field?: string;
  value?: unknown;
  choices?: string[];
}

export interface DecideOptions {
  /** YYYY-MM-DD; default today. */
  date?: string;
  /** Default 'nb'. */
  lang?: Lang;
  /** nextQuestion only: screens answered «no»; their facts are then asked one by one. */
  declined?: readonly ScreenName[];
}

export type ScreenName = ${screens};

/** A fact to ask, or (type 'screen') several facts asked together: answer «yes» by giving the facts of \`confirms\`, «no» with \`declined\`. */
export interface Question {
  fact: FactName | ScreenName;
  type: 'enum' | 'boolean' | 'screen';
  text: string;
  help?: string;
  values: { value: string | boolean; label: string }[];
  typical?: string | boolean;
  why: { rule: string; title: string; citations: Citation[] }[];
  possible: Outcome[];
  confirms?: { fact: FactName; value: string | boolean; text: string }[];
}

export interface ChangeSet {
  actions: { fact: FactName; value: string | boolean; text: string }[];
  assuming: { fact: FactName; value: string | boolean; question: string; answer: string }[];
  outcome: 'allowed' | 'allowed_with_conditions';
}

/** The rule pack version (a hash of its source files). */
export declare const version: string;
/** The compiled decision tables. */
export declare const tables: unknown;
/** Decides a case; exact for partial facts. */
export declare function decide(facts: Facts, options?: DecideOptions): Decision | { error: InputError };
/** The decision so far and, unless settled, the next question to ask. */
export declare function nextQuestion(facts: Facts, options?: DecideOptions): { decision: Decision; question?: Question } | { error: InputError };
/** For a refusal or an uncertain answer: the smallest sets of actions that lead to an allowed outcome. */
export declare function whatWouldChange(facts: Facts, options?: DecideOptions): ChangeSet[] | { error: InputError };
`;
}

export { generateSchema } from './schema.ts';
