/**
 * The server of the `http` bench area, in its own process: the web API (server/api.ts) and one
 * small static file, both behind the same `harden` layer on one node:http server, as the site
 * server mounts them. `node --import tsx bench/http-server.ts STATIC_FILE` prints its URL.
 */
import { createReadStream, statSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { loadDefaultTables } from '../compiler/bundled.ts';
import { apiListener, createApi } from '../server/api.ts';
import { API_CSP, harden, pathOf } from '../server/http.ts';
import { listen } from '../server/listen.ts';

const file = process.argv[2]!;
const api = apiListener(createApi({ tables: await loadDefaultTables(), packageVersion: 'bench' }));

/** A static file as a static server sends it: stat, headers, then the file streamed. */
const staticFile: RequestListener = (_req, res) => {
  const info = statSync(file);
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': info.size, 'Last-Modified': info.mtime.toUTCString() });
  createReadStream(file).pipe(res);
};

const listener = harden((req, res) => (pathOf(req.url) === '/static.json' ? staticFile(req, res) : api(req, res)), { csp: API_CSP, methods: () => undefined });
const { url } = await listen(listener, '127.0.0.1', 0);
process.stdout.write(`${url}\n`);
