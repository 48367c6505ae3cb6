/**
 * The web API on Hono: decide, batch, next question, the vocabulary, the OpenAPI document and a
 * health check, over a pack's compiled tables with the runtime engine (the same `decide` as the
 * CLI and the generated module). Every answer is JSON (or NDJSON) with the pack version in the
 * `Lovkode-Pack-Version` header; bad input is the contract's error JSON with a 4xx status.
 */
import { Hono, type Context } from 'hono';
import { getRequestListener } from '@hono/node-server';
import type { IncomingMessage, RequestListener } from 'node:http';
import type { Lang } from '../compiler/evaluate/types.ts';
import type { Tables } from '../compiler/runtime/tables.ts';
import { decide, nextQuestion } from '../compiler/runtime/index.ts';
import { parseFacts } from '../compiler/cli/input.ts';
import { decisionLine } from '../compiler/cli/batch.ts';
import { didYouMean } from '../compiler/diagnostics/suggest.ts';
import { answerLines, ndjsonStream, NOT_UTF8, splitLines, utf8 } from './batch.ts';
import { httpError, safeErrorLine, statusOf, type HttpErrorCode } from './errors.ts';
import { openApiDocument, vocabulary } from './openapi.ts';

/** What the API serves and its limits. */
export interface ApiOptions {
  tables: Tables;
  /** The lovkode package version (the OpenAPI document's `info.version`). */
  packageVersion: string;
  /** Largest request body of decide and next-question, and largest batch line, in bytes (default 64 KiB). */
  maxBodyBytes?: number;
}

/** Every route and the methods it takes (HEAD goes with GET): the source of 404 versus 405. */
export const ROUTES: Readonly<Record<string, readonly string[]>> = {
  '/v1/decide': ['POST'],
  '/v1/decide/batch': ['POST'],
  '/v1/next-question': ['POST'],
  '/v1/facts': ['GET', 'HEAD'],
  '/v1/openapi.json': ['GET', 'HEAD'],
  '/healthz': ['GET', 'HEAD'],
};

/** Whether a path belongs to the API (the site server hands these to it). */
export function isApiPath(path: string): boolean {
  return path === '/healthz' || path === '/v1' || path.startsWith('/v1/');
}

const QUERY_NAMES = ['date', 'lang'];
const JSON_TYPE = 'application/json; charset=utf-8';

/** The query options `date` and `lang`, checked; or the error answer. */
function queryOptions(c: Context, extra: readonly string[] = []): { lang: Lang; date?: string; declined?: string[] } | { error: string; lang: Lang } {
  const query = c.req.queries();
  const lang: Lang = c.req.query('lang') === 'en' ? 'en' : 'nb';
  const names = [...QUERY_NAMES, ...extra];
  for (const name of Object.keys(query)) {
    if (names.includes(name)) continue;
    const hint = didYouMean(name, names);
    const message = { nb: `Ukjent parameter «${name}».${hint.length ? ` Mente du «${hint[0]}»?` : ''} Gyldige: ${names.join(', ')}.`, en: `Unknown parameter “${name}”.${hint.length ? ` Did you mean “${hint[0]}”?` : ''} Valid: ${names.join(', ')}.` };
    return { error: httpError('E_HTTP_UNKNOWN_PARAMETER', message, lang, { field: name, choices: names }), lang };
  }
  // Screens answered «no» (next question only): repeated or comma-separated names, checked by nextQuestion.
  const declined = extra.includes('declined') && query.declined ? { declined: query.declined.flatMap((d) => d.split(',')).filter((d) => d !== '') } : {};
  const langs = query.lang ?? [];
  if (langs.length > 1 || (langs.length === 1 && langs[0] !== 'nb' && langs[0] !== 'en')) {
    const message = { nb: `Ugyldig språk «${langs.join(',')}» for lang: bruk nb eller en.`, en: `Invalid language “${langs.join(',')}” for lang: use nb or en.` };
    return { error: httpError('E_HTTP_BAD_PARAMETER', message, lang, { field: 'lang', choices: ['nb', 'en'] }), lang };
  }
  const dates = query.date ?? [];
  if (dates.length > 1) {
    return { error: httpError('E_HTTP_BAD_PARAMETER', { nb: 'Oppgi date bare én gang.', en: 'Give date only once.' }, lang, { field: 'date' }), lang };
  }
  return dates.length === 1 ? { lang, date: dates[0]!, ...declined } : { lang, ...declined };
}

/**
 * The request body as a byte stream: the Node request itself when the app runs on node:http (much
 * cheaper than the web stream the adapter would build around it), else the web Request's body.
 */
function bodyStream(c: Context): AsyncIterable<Uint8Array> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming) return incoming;
  return (c.req.raw.body ?? (async function* () {})()) as unknown as AsyncIterable<Uint8Array>;
}

/** Reads a request body of at most `limit` bytes as UTF-8 text: the text, 'too large' or 'not UTF-8'. */
async function readBody(c: Context, limit: number): Promise<{ text: string } | 'too large' | 'not UTF-8'> {
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > limit) return 'too large';
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of bodyStream(c)) {
    size += chunk.length;
    if (size > limit) return 'too large';
    parts.push(chunk);
  }
  const text = utf8(parts.length === 1 ? parts[0]! : Buffer.concat(parts, size));
  return text === undefined ? 'not UTF-8' : { text };
}

/** The Hono app of the web API. Mount it with `app.fetch`, or as a Node listener with `apiListener`. */
export function createApi(options: ApiOptions): Hono {
  const { tables } = options;
  const limit = options.maxBodyBytes ?? 64 * 1024;
  const version = tables.version;
  const headers = { 'Lovkode-Pack-Version': version, 'Cache-Control': 'no-store' };
  const facts = JSON.stringify(vocabulary(tables));
  const openapi = JSON.stringify(openApiDocument(tables, options.packageVersion));
  const health = JSON.stringify({ status: 'ok', version });
  const send = (c: Context, body: string, status = 200, type = JSON_TYPE) =>
    c.body(body, status as 200, { ...headers, 'Content-Type': type });
  const fail = (c: Context, code: HttpErrorCode, message: { nb: string; en: string }, lang: Lang, extra: { field?: string; choices?: string[] } = {}) =>
    send(c, httpError(code, message, lang, extra), statusOf(code));

  /** Reads one facts object and answers it with `answer`, or with the error that stops it. */
  const onFacts = (answer: (facts: unknown, opts: { lang: Lang; date?: string; declined?: string[] }) => { status: number; body: string }, extra: readonly string[] = []) => async (c: Context) => {
    const opts = queryOptions(c, extra);
    if ('error' in opts) return send(c, opts.error, 400);
    const input = await readBody(c, limit);
    if (input === 'too large') return fail(c, 'E_HTTP_BODY_TOO_LARGE', { nb: `Forespørselen er større enn ${limit} byte.`, en: `The request body is larger than ${limit} bytes.` }, opts.lang);
    if (input === 'not UTF-8') return send(c, safeErrorLine(NOT_UTF8, opts.lang), 400);
    const parsed = parseFacts(input.text);
    if ('error' in parsed) return send(c, safeErrorLine(parsed.error, opts.lang), 400);
    const { status, body } = answer(parsed.facts, opts);
    return send(c, body, status);
  };

  const app = new Hono();
  app.post(
    '/v1/decide',
    onFacts((facts, opts) => {
      const result = decide(tables, facts, opts);
      return 'error' in result ? { status: statusOf(result.error.code), body: safeErrorLine(result.error, opts.lang) } : { status: 200, body: decisionLine(result) };
    }),
  );
  app.post(
    '/v1/next-question',
    onFacts((facts, opts) => {
      const result = nextQuestion(tables, facts, opts);
      return 'error' in result ? { status: statusOf(result.error.code), body: safeErrorLine(result.error, opts.lang) } : { status: 200, body: JSON.stringify(result) };
    }, ['declined']),
  );
  app.post('/v1/decide/batch', (c) => {
    const opts = queryOptions(c);
    if ('error' in opts) return send(c, opts.error, 400);
    const bad = opts.date === undefined ? undefined : decide(tables, {}, opts);
    if (bad && 'error' in bad) return send(c, safeErrorLine(bad.error, opts.lang), 400);
    const lines = answerLines(splitLines(bodyStream(c), limit), (f) => decide(tables, f, opts), opts.lang, limit);
    return c.body(ndjsonStream(lines), 200, { ...headers, 'Content-Type': 'application/x-ndjson; charset=utf-8' });
  });
  app.get('/v1/facts', (c) => send(c, facts));
  app.get('/v1/openapi.json', (c) => send(c, openapi));
  app.get('/healthz', (c) => send(c, health));

  app.notFound((c) => {
    const lang: Lang = c.req.query('lang') === 'en' ? 'en' : 'nb';
    const methods = ROUTES[c.req.path];
    if (methods) {
      const allow = methods.join(', ');
      const message = { nb: `Metoden ${c.req.method} er ikke tillatt på ${c.req.path}; bruk ${allow}.`, en: `Method ${c.req.method} is not allowed on ${c.req.path}; use ${allow}.` };
      return c.body(httpError('E_HTTP_METHOD', message, lang, { choices: [...methods] }), 405, { ...headers, 'Content-Type': JSON_TYPE, Allow: allow });
    }
    const message = { nb: `Fant ingen side ${c.req.path}. Se /v1/openapi.json.`, en: `No route ${c.req.path}. See /v1/openapi.json.` };
    return fail(c, 'E_HTTP_NOT_FOUND', message, lang, { choices: Object.keys(ROUTES) });
  });
  app.onError((err, c) => {
    process.stderr.write(`lovkode: E_HTTP_INTERNAL: ${c.req.method} ${c.req.path}: ${err.message.split('\n')[0]}\n`);
    return fail(c, 'E_HTTP_INTERNAL', { nb: 'Intern feil i lovkode.', en: 'Internal error in lovkode.' }, 'en');
  });
  return app;
}

/**
 * The API as a Node request listener (for node:http, or the site's server). With `lightResponses`
 * (the default) the Node adapter replaces the global Request/Response by its lighter versions, which
 * makes an answer several times cheaper; the site's server turns it off so that Astro keeps the
 * standard classes.
 */
export function apiListener(app: Hono, options: { lightResponses?: boolean } = {}): RequestListener {
  return getRequestListener(app.fetch, { overrideGlobalObjects: options.lightResponses ?? true }) as unknown as RequestListener;
}
