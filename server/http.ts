/**
 * What every response of lovkode's servers gets, whatever answers the request: security headers,
 * a 405 with `Allow` for methods a path does not take, gzip or brotli for text, and a one-line log
 * (never a stack trace) with a plain 500 when a handler fails. Wraps a Node request listener, so
 * the same layer sits in front of the web API (`lovkode serve`) and of the site's Astro handler.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { constants, createBrotliCompress, createGzip, type Gzip, type BrotliCompress } from 'node:zlib';

/** Options of `harden`. */
export interface HardenOptions {
  /** The Content-Security-Policy header (with `frame-ancestors`). */
  csp: string;
  /** The methods a path takes, or undefined to let the listener decide (e.g. its own 404). */
  methods: (path: string) => readonly string[] | undefined;
  /** Trust `X-Forwarded-Proto: https` from a proxy in front (for HSTS). */
  trustProxy?: boolean;
  /** Where the one-line logs go; default stderr. */
  log?: (line: string) => void;
}

/** The policy of an API answer: it loads nothing and is framed nowhere. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS: readonly [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

/** Whether the request reached us over HTTPS (directly, or through a trusted proxy). */
function overHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  return trustProxy && String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim() === 'https';
}

/** The path of a request URL, without query or fragment. */
export function pathOf(url: string | undefined): string {
  const u = url ?? '/';
  const end = u.search(/[?#]/);
  return end === -1 ? u : u.slice(0, end);
}

/** Wraps a request listener with the headers, method check, compression and error shield above. */
export function harden(listener: RequestListener, options: HardenOptions): RequestListener {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  return (req, res) => {
    for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
    res.setHeader('Content-Security-Policy', options.csp);
    if (overHttps(req, options.trustProxy ?? false)) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    const path = pathOf(req.url);
    const methods = options.methods(path);
    if (methods && !methods.includes(req.method ?? '')) {
      methodNotAllowed(req, res, methods);
      return;
    }
    compressWhenAsked(req, res);
    let settled: unknown;
    try {
      settled = listener(req, res);
    } catch (err) {
      failed(err, req, res, log);
      return;
    }
    if (settled instanceof Promise) settled.catch((err: unknown) => failed(err, req, res, log));
  };
}

/** 405 with `Allow` and the contract's error JSON. */
export function methodNotAllowed(req: IncomingMessage, res: ServerResponse, methods: readonly string[]): void {
  const allow = methods.join(', ');
  const body = JSON.stringify({
    error: {
      code: 'E_HTTP_METHOD',
      message: `Method ${req.method} is not allowed on ${pathOf(req.url)}; use ${allow} (metoden er ikke tillatt her).`,
      choices: [...methods],
    },
  });
  res.writeHead(405, { Allow: allow, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A handler failed: one line in the log, a plain 500 (or a cut connection once the answer has begun). */
function failed(err: unknown, req: IncomingMessage, res: ServerResponse, log: (line: string) => void): void {
  const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
  log(`lovkode: E_HTTP_INTERNAL: ${req.method} ${pathOf(req.url)}: ${detail}`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code: 'E_HTTP_INTERNAL', message: 'Internal error in lovkode (intern feil).' } });
  res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

const COMPRESSIBLE = /^(text\/(html|css|javascript|plain|xml)|application\/(json|x-ndjson|javascript|manifest\+json|xml)|image\/svg\+xml)\b/i;
/** Below this many bytes (when the length is known) compression costs more than it saves. */
const MIN_BYTES = 1024;

/** The encoding to use: brotli if the client takes it, else gzip, else none (`q=0` refuses). */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name!.trim(), q ? Number(q[1]) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

/**
 * Compresses the response body when the content type is text and the client accepts it. Works
 * with any code that writes to `res` (writeHead/write/end, or a stream piped into it), keeps the
 * writer's backpressure, and flushes once per turn of the event loop so that a streamed answer
 * (NDJSON, a page rendered in parts) goes out as it is made.
 */
function compressWhenAsked(req: IncomingMessage, res: ServerResponse): void {
  const encoding = chooseEncoding(req.headers['accept-encoding'] as string | undefined);
  const rawWrite = res.write.bind(res) as (chunk: unknown, enc?: unknown, cb?: unknown) => boolean;
  const rawEnd = res.end.bind(res) as (chunk?: unknown, enc?: unknown, cb?: unknown) => ServerResponse;
  const rawWriteHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  let zip: Gzip | BrotliCompress | undefined;
  let decided = false;

  const decide = (): void => {
    if (decided) return;
    decided = true;
    const type = String(res.getHeader('content-type') ?? '');
    if (!COMPRESSIBLE.test(type)) return;
    const vary = String(res.getHeader('vary') ?? '');
    if (!/accept-encoding/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const length = Number(res.getHeader('content-length') ?? Number.NaN);
    const empty = req.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304;
    const partial = res.statusCode === 206 || res.hasHeader('content-range');
    if (!encoding || empty || partial || res.getHeader('content-encoding') || length < MIN_BYTES) return;
    res.removeHeader('Content-Length');
    res.removeHeader('Accept-Ranges');
    const etag = res.getHeader('etag');
    if (typeof etag === 'string' && !etag.startsWith('W/')) res.setHeader('ETag', `W/${etag}`);
    res.setHeader('Content-Encoding', encoding);
    zip = encoding === 'br'
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: Number.isFinite(length) ? length : 0 } })
      : createGzip({ level: 6 });
    zip.on('data', (chunk: Buffer) => {
      if (!rawWrite(chunk)) zip!.pause();
    });
    res.on('drain', () => zip!.resume());
    zip.on('drain', () => res.emit('drain'));
    zip.on('end', () => rawEnd());
    zip.on('error', () => res.destroy());
  };

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest.find((r) => typeof r === 'object' && r !== null);
    const message = rest.find((r) => typeof r === 'string') as string | undefined;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    } else if (headers) {
      for (const [k, v] of Object.entries(headers as Record<string, unknown>)) if (v !== undefined) res.setHeader(k, v as string);
    }
    res.statusCode = status;
    decide();
    return message === undefined ? rawWriteHead(status) : rawWriteHead(status, message);
  }) as typeof res.writeHead;

  const bytes = (chunk: unknown, enc: unknown): Buffer => {
    if (typeof chunk === 'string') return Buffer.from(chunk, typeof enc === 'string' ? (enc as BufferEncoding) : 'utf8');
    const view = chunk as Uint8Array;
    return Buffer.isBuffer(view) ? view : Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  };
  let flushing = false;
  const flushSoon = (): void => {
    if (flushing) return;
    flushing = true;
    setImmediate(() => {
      flushing = false;
      if (zip && !zip.writableEnded) zip.flush();
    });
  };

  res.write = ((chunk: unknown, enc?: unknown, cb?: unknown) => {
    if (!res.headersSent) res.writeHead(res.statusCode);
    if (!zip) return rawWrite(chunk, enc, cb);
    const ok = zip.write(bytes(chunk, enc));
    flushSoon();
    const done = typeof enc === 'function' ? enc : cb;
    if (typeof done === 'function') (done as () => void)();
    return ok;
  }) as typeof res.write;

  res.end = ((chunk?: unknown, enc?: unknown, cb?: unknown) => {
    const done = [chunk, enc, cb].find((x) => typeof x === 'function') as (() => void) | undefined;
    const data = typeof chunk === 'function' || chunk === null ? undefined : chunk;
    if (!res.headersSent) {
      if (data !== undefined && !res.hasHeader('content-length') && !res.hasHeader('transfer-encoding')) res.setHeader('Content-Length', bytes(data, enc).length);
      res.writeHead(res.statusCode);
    }
    if (!zip) return data === undefined ? rawEnd(done) : rawEnd(data, typeof enc === 'string' ? enc : undefined, done);
    if (done) res.once('finish', done);
    if (data !== undefined) zip.write(bytes(data, enc));
    zip.end();
    return res;
  }) as typeof res.end;
}
