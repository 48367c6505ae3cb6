/**
 * lovkode's public API. The pipeline, one folder per phase:
 *
 *   load (imports) → lexer → parser (grammar only) → ast (typed visitor) → check → ir (lower)
 *     → ir/compile (decision diagrams) → analyse (gaps, conflicts, dead rules)
 *     → runtime (decide, next question) · format · cli
 */
export type * from './ast/types.ts';
export type { Diagnostic, Severity, Message } from './diagnostics/types.ts';
export type { Program } from './check/program.ts';
export type { Tables } from './runtime/tables.ts';
export { compile, type CompileOptions, type CompileOutput, type CompiledPack, type PackAnalysis } from './compile.ts';
export { compilePack, loadDefaultPack, loadDefaultTables, DEFAULT_RULES, DEFAULT_LIB, type Pack, type CompileResult } from './pipeline.ts';
export { decide, nextQuestion, questionnaireState, whatWouldChange, runExamples, interpret } from './evaluate/index.ts';
export type * from './evaluate/index.ts';
export { parse } from './parser/index.ts';
export { loadFiles } from './load/index.ts';
export { check } from './check/index.ts';
export { format } from './format/index.ts';
export { renderDiagnostics } from './diagnostics/render.ts';
