/**
 * The compile API: rule files as strings in, diagnostics and a usable pack out.
 *
 *   const { diagnostics, pack } = compile({ 'main.lov': text });
 *   pack?.decide({ channel: 'email' });
 *
 * No file system and no `node:*` import anywhere on this path (load → parse → check → ir → analyse →
 * runtime/generate), so it runs in Node and in the browser. The CLI's `compilePack(paths)` is the
 * same pipeline over the file system (pipeline.ts).
 */
import type { LovFile } from './ast/types.ts';
import { analyse as findProblems } from './analyse/index.ts';
import { coverage, type Coverage } from './analyse/coverage.ts';
import { diffPacks, type DiffResult } from './analyse/diff.ts';
import { questionnaireStats, type QuestionnaireStats } from './analyse/questionnaire.ts';
import { check } from './check/index.ts';
import type { Program } from './check/program.ts';
import { explainFacts } from './cli/explain-text.ts';
import type { Diagnostic } from './diagnostics/types.ts';
import { runExamples, type ExampleResult } from './evaluate/examples.ts';
import { exampleDiagnostics } from './check/example-results.ts';
import { checkRecovered } from './check/recovered.ts';
import { sortDiagnostics } from './diagnostics/render.ts';
import type { Decision, InputError, Lang, Question } from './evaluate/types.ts';
import { generateModule, generateSchema, generateTypes } from './generate/module.ts';
import { generateSql, type SqlOptions } from './generate/sql.ts';
import { build, freeze, type BuiltPack } from './ir/compile.ts';
import { lower } from './ir/lower.ts';
import type { IRPack } from './ir/types.ts';
import type { LoadHost } from './load/host-types.ts';
import { loadWith } from './load/loader.ts';
import { normalize, posixPaths } from './load/posix.ts';
import { whatWouldChange as changesFor, type ChangeSet } from './runtime/counterfactual.ts';
import { nextQuestion as nextOn } from './runtime/ask.ts';
import { checkDate, decide as decideOn, today, validateFacts, type DecideOptions } from './runtime/engine.ts';
import type { Tables } from './runtime/tables.ts';

/** A compiled rule pack's internals: its IR, its diagrams and its frozen tables. */
export interface Pack {
  ir: IRPack;
  built: BuiltPack;
  tables: Tables;
}

/** Everything a compile produced, for the CLI and the tests (the public `compile` returns less). */
export interface CompileResult {
  /** Null when the rule files have errors (see diagnostics); failing examples still give a pack. */
  pack: Pack | null;
  program: Program | null;
  files: LovFile[];
  diagnostics: Diagnostic[];
  /** Source text by file path, for rendering code frames. */
  texts: Map<string, string>;
  /** Every example's result, passed or failed (when the examples ran), for a front end that lists them. */
  examples?: ExampleResult[];
}

/** What to compile and which checks to run. */
export interface CompileOptions {
  /** The entry files or folders (keys of `sources`); default every source, in key order. */
  entry?: string | readonly string[];
  /** Find gaps, conflicts and dead rules over the whole pack (LOV4xxx); default true. */
  analyse?: boolean;
  /** Run the `example` blocks; a failing example is an error (LOV5001); default true. */
  examples?: boolean;
}

/** The result of `compile`: every diagnostic, and the pack when there is no error. */
export interface CompileOutput {
  diagnostics: Diagnostic[];
  /** Null when any diagnostic is an error. */
  pack: CompiledPack | null;
}

/** What `pack.analyse()` finds: the pack's problems, its example coverage and its questionnaire. */
export interface PackAnalysis {
  /** Gaps, conflicts and dead rules (LOV4xxx), each with the smallest counterexample in its hint. */
  diagnostics: Diagnostic[];
  /** Which rules and conditions the examples exercise. */
  coverage: Coverage;
  /** The questionnaire's paths and lengths on the date (default today). */
  questionnaire: QuestionnaireStats;
}

/** A compiled pack: decide with it, explain, compare with another version, or generate code. */
export interface CompiledPack {
  /** The pack version: a hash of its source texts. */
  readonly version: string;
  /** The compiled decision tables (what `lovkode/runtime` decides with). */
  readonly tables: Tables;
  /** Decides a case, exactly for partial facts: `pack.decide({ channel: 'email' }, { lang: 'en' })`. */
  decide(facts: unknown, options?: DecideOptions): Decision | { error: InputError };
  /** The decision so far and, unless settled, the next question to ask. */
  nextQuestion(facts: unknown, options?: DecideOptions): { decision: Decision; question?: Question } | { error: InputError };
  /** The decision in plain words, as `lovkode explain` prints it. */
  explain(facts: unknown, options?: DecideOptions): string | { error: InputError };
  /** For a refusal or an open answer: the smallest sets of actions that lead to an allowed outcome. */
  whatWouldChange(facts: unknown, options?: DecideOptions): ChangeSet[] | { error: InputError };
  /** Gaps, conflicts and dead rules, example coverage and questionnaire length. */
  analyse(options?: { date?: string }): PackAnalysis;
  /** Every situation that `other` (a newer version) decides differently, as smallest fact combinations. */
  diff(other: CompiledPack, options?: { limit?: number }): DiffResult;
  /** The standalone ES module (as `lovkode build` writes it), its declarations and its JSON Schema. */
  toModule(): { js: string; dts: string; schema: object };
  /** One SQL query that decides every row of a table of facts (PostgreSQL, DuckDB). */
  toSql(options: SqlOptions): string;
}

const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/**
 * The whole pipeline over a host (files or sources): load → parse → check → lower → build → analyse → freeze.
 * `sha256` hashes the pack version (default the pure-JS hash; Node passes its own, which is faster).
 */
export function compileWith(entries: readonly string[], host: LoadHost, options: { analyse?: boolean; examples?: boolean; sha256?: (bytes: Uint8Array) => string } = {}): CompileResult {
  const loaded = loadWith(entries, host);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const base = { files: loaded.files, texts: loaded.texts };
  if (hasErrors(diagnostics)) {
    // Syntax errors: still run the name and type checks on the recovered tree, so one run shows every mistake.
    const recovered = loaded.diagnostics.some((d) => d.code === 'LOV1005' || d.code === 'LOV1006') ? [] : checkRecovered(loaded.files, diagnostics, loaded.texts);
    return { pack: null, program: null, diagnostics: sortDiagnostics([...diagnostics, ...recovered], loaded.files.map((f) => f.file)), ...base };
  }
  const checked = check(loaded.files);
  for (const item of checked.diagnostics) diagnostics.push(item);
  if (hasErrors(diagnostics)) return { pack: null, program: checked.program, diagnostics, ...base };
  const ir = lower(checked.program, loaded.texts, options.sha256);
  const built = build(ir);
  if (options.analyse !== false) for (const item of findProblems(ir, built)) diagnostics.push(item);
  const pack = { ir, built, tables: freeze(ir, built) };
  const examples = options.examples === false ? undefined : runExamples(ir, pack.tables);
  if (examples) for (const item of exampleDiagnostics(examples)) diagnostics.push(item);
  return { pack, program: checked.program, diagnostics, ...base, ...(examples ? { examples } : {}) };
}

/** A loader host over a record of sources: keys are posix paths, relative ones stay relative. */
export function sourcesHost(sources: Readonly<Record<string, string>>): LoadHost {
  const map = new Map(Object.entries(sources).map(([path, text]) => [normalize(path), text]));
  return {
    paths: posixPaths,
    readFile: (path) => map.get(normalize(path)),
    isDirectory: (path) => {
      const dir = normalize(path);
      return [...map.keys()].some((p) => dir === '.' || p.startsWith(`${dir}/`));
    },
    listLov: (dir) => [...map.keys()].filter((p) => posixPaths.dirname(p) === normalize(dir) && p.endsWith('.lov')).sort(),
  };
}

const internals = new WeakMap<CompiledPack, Pack>();

/** The internals of a pack that `compile` returned (for `diff`); throws for anything else. */
function internalsOf(pack: CompiledPack): Pack {
  const inner = internals.get(pack);
  if (!inner) throw new TypeError('diff: the other pack must come from compile()');
  return inner;
}

/** Wraps a compiled pack in the public methods. */
export function publicPack(inner: Pack): CompiledPack {
  const { tables } = inner;
  const pack: CompiledPack = {
    version: tables.version,
    tables,
    decide: (facts, options) => decideOn(tables, facts, options),
    nextQuestion: (facts, options) => nextOn(tables, facts, options),
    explain: (facts, options = {}) => {
      const bad = options.date === undefined ? undefined : checkDate(options.date);
      return bad ? { error: bad } : explainFacts(tables, facts, options);
    },
    whatWouldChange: (facts, options = {}) => {
      const valid = validateFacts(tables, facts);
      if ('error' in valid) return valid;
      const bad = options.date === undefined ? undefined : checkDate(options.date);
      if (bad) return { error: bad };
      return changesFor(tables, valid.assignment, options.date ?? today(), options.lang ?? 'nb');
    },
    analyse: (options = {}) => ({
      diagnostics: findProblems(inner.ir, inner.built),
      coverage: coverage(inner.ir, tables),
      questionnaire: questionnaireStats(tables, options.date ?? today()),
    }),
    diff: (other, options = {}) => diffPacks(inner.ir, internalsOf(other).ir, options.limit),
    toModule: () => ({ js: generateModule(tables), dts: generateTypes(tables), schema: generateSchema(tables) }),
    toSql: (options) => generateSql(tables, options),
  };
  internals.set(pack, inner);
  return Object.freeze(pack);
}

/**
 * Compiles rule files given as strings: `compile({ 'main.lov': text }, { entry: 'main.lov' })`.
 * Keys are paths (posix); imports resolve among the keys, relative to the importing file.
 */
export function compile(sources: Readonly<Record<string, string>>, options: CompileOptions = {}): CompileOutput {
  const entries = options.entry === undefined ? Object.keys(sources) : typeof options.entry === 'string' ? [options.entry] : [...options.entry];
  const result = compileWith(entries, sourcesHost(sources), options);
  const pack = result.pack && !hasErrors(result.diagnostics) ? publicPack(result.pack) : null;
  return { diagnostics: result.diagnostics, pack };
}

export type { Coverage, DiffResult, QuestionnaireStats, SqlOptions, ChangeSet, DecideOptions, Lang };
