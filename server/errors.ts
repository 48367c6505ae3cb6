/**
 * The web API's error answers: the decision contract's error JSON (`{ error: { code, message,
 * field?, value?, choices?, line? } }`, docs/cli.md) in the request's language, with the HTTP status
 * that goes with its code. Input errors are worded by the CLI's own `errorLine`.
 */
import type { InputError, Lang } from '../compiler/evaluate/types.ts';
import { errorLine } from '../compiler/cli/input.ts';

/** The codes the HTTP layer adds to the decision contract's input errors. */
export type HttpErrorCode =
  | 'E_HTTP_NOT_FOUND'
  | 'E_HTTP_METHOD'
  | 'E_HTTP_BODY_TOO_LARGE'
  | 'E_HTTP_LINE_TOO_LARGE'
  | 'E_HTTP_UNKNOWN_PARAMETER'
  | 'E_HTTP_BAD_PARAMETER'
  | 'E_HTTP_INTERNAL';

/** Longer fact names get no did-you-mean (the suggestion's cost grows with the name's length). */
const MAX_SUGGESTED_NAME = 128;

/** `errorLine` that cannot fail: drops a `value` too deep to print, and skips suggestions for huge names. */
export function safeErrorLine(error: InputError, lang: Lang, line?: number): string {
  if (error.code === 'E_UNKNOWN_FACT' && (error.field?.length ?? 0) > MAX_SUGGESTED_NAME) {
    const field = error.field!;
    const message = lang === 'nb' ? `Ukjent faktum (${field.length} tegn langt navn).` : `Unknown fact (a name ${field.length} characters long).`;
    return JSON.stringify({ error: { code: error.code, message, field: `${field.slice(0, MAX_SUGGESTED_NAME)}…`, choices: error.choices, ...(line !== undefined ? { line } : {}) } });
  }
  try {
    return errorLine(error, lang, line);
  } catch {
    const { value: _dropped, ...rest } = error;
    return errorLine(rest, lang, line);
  }
}

/** The HTTP status of an error code: the client's mistakes are 4xx, a pack that cannot answer 422. */
export function statusOf(code: string): 400 | 404 | 405 | 413 | 422 | 500 {
  switch (code) {
    case 'E_HTTP_NOT_FOUND':
      return 404;
    case 'E_HTTP_METHOD':
      return 405;
    case 'E_HTTP_BODY_TOO_LARGE':
      return 413;
    case 'E_PACK_GAP':
    case 'E_PACK_CONFLICT':
      return 422;
    case 'E_HTTP_INTERNAL':
      return 500;
    default:
      return 400;
  }
}

/** An error object of the HTTP layer, in the given language. */
export function httpError(code: HttpErrorCode, message: { nb: string; en: string }, lang: Lang, extra: { field?: string; choices?: string[] } = {}): string {
  return JSON.stringify({ error: { code, message: message[lang], ...extra } });
}
