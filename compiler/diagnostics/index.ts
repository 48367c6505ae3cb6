/**
 * Diagnostics: the catalogue of codes, building diagnostics, did-you-mean suggestions, sorting
 * and rendering them as text.
 */
export type { Diagnostic, Message, Related, Severity } from './types.ts';
export { CATALOGUE, diagnostic } from './catalogue.ts';
export type { CatalogueEntry, DiagnosticCode } from './catalogue.ts';
export { didYouMean, editDistance } from './suggest.ts';
export { renderDiagnostic, renderDiagnostics, sortDiagnostics, summarize } from './render.ts';
export type { Lang, RenderOptions } from './render.ts';
