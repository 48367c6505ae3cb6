/**
 * The whole compiler as one call: load files (with imports) → parse → check → lower to IR →
 * build decision diagrams → analyse (gaps, conflicts, dead rules) → freeze to tables.
 * Every phase reports diagnostics as data; nothing here throws on bad rule files.
 */
import { DEFAULT_RULES } from './bundled.ts';
import { analyse } from './analyse/index.ts';
import type { LovFile } from './ast/types.ts';
import { check } from './check/index.ts';
import type { Program } from './check/program.ts';
import type { Diagnostic } from './diagnostics/types.ts';
import { diagnostic } from './diagnostics/catalogue.ts';
import { runExamples, type ExampleResult } from './evaluate/examples.ts';
import { build, freeze, type BuiltPack } from './ir/compile.ts';
import { lower } from './ir/lower.ts';
import type { IRPack } from './ir/types.ts';
import { loadFiles, type LoadHost } from './load/index.ts';
import type { Tables } from './runtime/tables.ts';

export { DEFAULT_RULES, DEFAULT_LIB, loadDefaultTables } from './bundled.ts';

/** A compiled rule pack: its IR, its diagrams and its frozen tables. */
export interface Pack {
  ir: IRPack;
  built: BuiltPack;
  tables: Tables;
}

export interface CompileResult {
  /** Null when the rule files have errors (see diagnostics). */
  pack: Pack | null;
  program: Program | null;
  files: LovFile[];
  diagnostics: Diagnostic[];
  /** Source text by file path, for rendering code frames. */
  texts: Map<string, string>;
}

const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/** A failing example is an error of the pack (LOV5001), at the example, saying what differed. */
function exampleDiagnostics(results: readonly ExampleResult[]): Diagnostic[] {
  return results.flatMap((r) =>
    r.failures.map((f) => diagnostic('LOV5001', r.range, [r.name, `${f.expectation} ${f.expected}`, f.actual])),
  );
}

/** Compiles the rule files (files or folders) at `entries`: `compilePack(['rules/main.lov'])`. */
export function compilePack(entries: string[], options: { host?: LoadHost; analyse?: boolean; examples?: boolean } = {}): CompileResult {
  const loaded = loadFiles(entries, options.host);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const base = { files: loaded.files, texts: loaded.texts };
  if (hasErrors(diagnostics)) return { pack: null, program: null, diagnostics, ...base };
  const checked = check(loaded.files);
  for (const item of checked.diagnostics) diagnostics.push(item);
  if (hasErrors(diagnostics)) return { pack: null, program: checked.program, diagnostics, ...base };
  const ir = lower(checked.program, loaded.texts);
  const built = build(ir);
  if (options.analyse !== false) for (const item of analyse(ir, built)) diagnostics.push(item);
  const pack = { ir, built, tables: freeze(ir, built) };
  if (options.examples !== false) for (const item of exampleDiagnostics(runExamples(ir, pack.tables))) diagnostics.push(item);
  return { pack, program: checked.program, diagnostics, ...base };
}

let defaultPack: Pack | undefined;

/** The bundled Norwegian pack, compiled once; throws only if the shipped rules themselves are broken. */
export function loadDefaultPack(): Pack {
  if (!defaultPack) {
    const result = compilePack([DEFAULT_RULES]);
    if (!result.pack) {
      const first = result.diagnostics.find((d) => d.severity === 'error');
      throw new Error(`The bundled rule pack does not compile: ${first?.code} ${first?.message.en} (${first?.range.file}:${first?.range.start.line})`);
    }
    defaultPack = result.pack;
  }
  return defaultPack;
}
