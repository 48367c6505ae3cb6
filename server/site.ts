/**
 * The site's production server (`node dist/server/server.mjs`; the build bundles this file there).
 * One node:http server in front of the Astro adapter's handler (static files from dist/client and
 * the on-demand questionnaire) with the web API mounted at /v1/ and /healthz, all behind the same
 * layer as `lovkode serve`: security headers with the site's CSP, 405 with `Allow` for methods the
 * site does not take, gzip/brotli, no stack traces for a client's request, and a clear line with a
 * code and exit 1 when the port is taken. HOST and PORT set the address (default localhost:4321).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import tables from 'virtual:lovkode/tables';
import { apiListener, createApi, isApiPath } from './api.ts';
import { harden, pathOf } from './http.ts';
import { ListenError, listen, parsePort } from './listen.ts';
import { CSP_HEADER } from '../site/lib/csp.ts';

declare const LOVKODE_PACKAGE_VERSION: string;

/** The Astro standalone handler: static files first, then the on-demand pages (and the 404 page). */
type AstroHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** The site's request listener: the API for its paths, the Astro handler for everything else. */
export function siteListener(astro: AstroHandler, packageVersion: string): RequestListener {
  const api = apiListener(createApi({ tables, packageVersion }), { lightResponses: false });
  const route: RequestListener = (req, res) => (isApiPath(pathOf(req.url)) ? api(req, res) : astro(req, res));
  return harden(route, {
    csp: CSP_HEADER,
    methods: (path) => (isApiPath(path) ? undefined : ['GET', 'HEAD']),
    trustProxy: Boolean(process.env.TRUST_PROXY),
  });
}

async function main(): Promise<void> {
  // The adapter's entry starts its own server on import unless told not to.
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const entry = './entry.mjs';
  const { handler } = (await import(entry)) as { handler: AstroHandler };
  const host = process.env.HOST ?? 'localhost';
  const port = parsePort(process.env.PORT ?? '4321');
  if (port === undefined) {
    process.stderr.write(`lovkode-site: E_BAD_PORT: PORT=${process.env.PORT} is not a port number (0–65535).\n`);
    process.exit(2);
  }
  try {
    const { server, url } = await listen(siteListener(handler, LOVKODE_PACKAGE_VERSION), host, port);
    process.stdout.write(`lovkode-site: listening on ${url} (rule pack ${tables.version})\n`);
    const stop = (): void => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (err) {
    if (!(err instanceof ListenError)) throw err;
    process.stderr.write(`lovkode-site: ${err.code}: ${err.text.en}\n`);
    process.exit(1);
  }
}

await main();
