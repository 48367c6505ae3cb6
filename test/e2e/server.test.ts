/**
 * The site's production server (dist/server/server.mjs) over real HTTP, without a browser: methods
 * the site does not take are 405 with `Allow` (TRACE was a 500 with a stack trace, POST a 403), the
 * security headers are on every kind of response, HTML/JSON/JS/CSS are compressed, the web API is
 * mounted at /v1/, and a port in use is one coded line with a non-zero exit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, SERVER_ENTRY, startServer, stopServer, type SiteServer } from './support.ts';
import { json, send } from '../support/http.ts';

const built = existsSync(SERVER_ENTRY) && existsSync(join(DIST, 'index.html'));
if (!built) console.warn('[e2e] dist/server/server.mjs not found (run: npm run build) -- skipping the site server tests');

/** One built stylesheet and one script (hashed names), to check their compression. */
function asset(ext: string): string {
  const dir = join(DIST, '_astro');
  const name = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith(ext)) : undefined;
  return name ? `/_astro/${name}` : '';
}

describe.skipIf(!built)('site server', () => {
  let server: SiteServer | undefined;
  let base = '';
  let log = '';
  beforeAll(async () => {
    const started = await startServer();
    server = started.server;
    base = started.base;
    server.child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    server.child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  }, 60_000);
  afterAll(() => stopServer(server));

  it('unknown methods are 405 with Allow, never a 500 or a stack trace in the log', async () => {
    for (const method of ['TRACE', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      for (const path of ['/sporsmal/', '/', '/regler/tabeller.json', '/finnes-ikke/']) {
        const a = await send(base, method, path, { body: method === 'TRACE' || method === 'OPTIONS' ? undefined : 'x=1' });
        expect(a.status, `${method} ${path}`).toBe(405);
        expect(a.headers.allow).toBe('GET, HEAD');
        expect(json(a).error.code).toBe('E_HTTP_METHOD');
      }
    }
    expect(log).not.toMatch(/\n\s+at /);
  });

  it('security headers on pages, static files, the on-demand questionnaire, 404s and the API', async () => {
    for (const path of ['/', '/sporsmal/?channel=email', '/regler/tabeller.json', asset('.css'), '/finnes-ikke/', '/healthz', '/v1/facts']) {
      const a = await send(base, 'GET', path);
      const csp = a.headers['content-security-policy'] ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(a.headers['x-content-type-options'], path).toBe('nosniff');
      expect(a.headers['referrer-policy'], path).toBe('no-referrer');
      expect(a.headers['permissions-policy'], path).toContain('camera=()');
      expect(a.headers['strict-transport-security'], path).toBeUndefined();
    }
  });

  it('compresses HTML, JSON, JS and CSS with brotli or gzip, and the bodies decompress to the same bytes', async () => {
    const paths = ['/', '/sporsmal/?channel=email', '/regler/tabeller.json', asset('.css'), asset('.js')].filter(Boolean);
    expect(paths.length).toBe(5);
    for (const path of paths) {
      const plain = await send(base, 'GET', path);
      expect(plain.status, path).toBe(200);
      for (const encoding of ['br', 'gzip']) {
        const a = await send(base, 'GET', path, { headers: { 'Accept-Encoding': encoding } });
        expect(a.headers.vary, path).toContain('Accept-Encoding');
        if (plain.raw.length < 1024) continue;
        expect(a.headers['content-encoding'], `${path} ${encoding}`).toBe(encoding);
        expect(a.text, path).toBe(plain.text);
      }
    }
    const tables = await send(base, 'GET', '/regler/tabeller.json', { headers: { 'Accept-Encoding': 'br' } });
    expect(tables.raw.length).toBeLessThan(30_000);
  });

  it('mounts the web API: /healthz, /v1/decide and its errors', async () => {
    const health = json(await send(base, 'GET', '/healthz'));
    expect(health.status).toBe('ok');
    const decided = await send(base, 'POST', '/v1/decide?lang=en', { body: '{"channel":"email"}' });
    expect(decided.status).toBe(200);
    expect(decided.headers['lovkode-pack-version']).toBe(health.version);
    expect(json(decided).missing).toContain('recipientType');
    const bad = await send(base, 'POST', '/v1/decide', { body: '{"chanel":"email"}' });
    expect(bad.status).toBe(400);
    expect(json(bad).error.message).toContain('Mente du «channel»?');
    expect((await send(base, 'GET', '/v1/decide')).status).toBe(405);
  });

  it('a port in use is one line with E_PORT_IN_USE and exit 1', () => {
    const port = new URL(base).port;
    const r = spawnSync(process.execPath, [SERVER_ENTRY], { env: { ...process.env, HOST: '127.0.0.1', PORT: port }, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^lovkode-site: E_PORT_IN_USE: Port \d+ on 127\.0\.0\.1 is already in use/);
  });
});
