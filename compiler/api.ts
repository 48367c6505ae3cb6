/**
 * The package's main export, `import { compile } from 'lovkode'`: compile rule files given as
 * strings, render their diagnostics, format them. Browser-safe (no `node:*`, no file system); the
 * bundled Norwegian pack is `lovkode/no`, the engine over tables alone is `lovkode/runtime`.
 */
export { compile, type CompileOptions, type CompileOutput, type CompiledPack, type PackAnalysis } from './compile.ts';
export type { Coverage, DiffResult, QuestionnaireStats, SqlOptions, ChangeSet, DecideOptions } from './compile.ts';
export { renderDiagnostics, type RenderOptions } from './diagnostics/render.ts';
export { format, type FormatResult } from './format/index.ts';
export type { Diagnostic, Severity, Message, Related } from './diagnostics/types.ts';
export type { Decision, FactInput, InputError, Lang, Question, CitationOut, ObligationOut, ReasonOut } from './evaluate/types.ts';
export type { Tables } from './runtime/tables.ts';
export type { Difference, DecisionSummary } from './analyse/diff.ts';
export type { Range, Position } from './ast/types.ts';
