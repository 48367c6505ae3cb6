/**
 * Shared setup for the browser tests: a static server over dist/ on 127.0.0.1:0, Debian's Chromium
 * driven by playwright-core, axe-core injection, and the list of page types to visit.
 */
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST = resolve('dist');

/** Why the browser tests cannot run here, or null; throws instead when E2E_REQUIRED=1. */
export function e2eUnavailable(): string | null {
  const missing = [
    existsSync(CHROMIUM) ? null : `chromium not found at ${CHROMIUM} (run: apt-get install -y chromium)`,
    existsSync(join(DIST, 'index.html')) ? null : 'dist/index.html not found (run: npm run build)',
  ].filter((m): m is string => m !== null);
  if (missing.length === 0) return null;
  const msg = `[e2e] ${missing.join('; ')}`;
  if (process.env.E2E_REQUIRED === '1') throw new Error(msg);
  console.warn(`${msg} -- skipping browser tests`);
  return msg;
}

/** One page of each type in both languages; `status` is the HTTP status the server must answer with. */
export const PAGES: { name: string; path: string; lang: 'nb' | 'en'; status: number }[] = [
  { name: 'home nb', path: '/', lang: 'nb', status: 200 },
  { name: 'home en', path: '/en/', lang: 'en', status: 200 },
  { name: 'guide index nb', path: '/veiledning/', lang: 'nb', status: 200 },
  { name: 'guide index en', path: '/en/guides/', lang: 'en', status: 200 },
  { name: 'guide nb', path: '/veiledning/telefonsalg/', lang: 'nb', status: 200 },
  { name: 'guide en', path: '/en/guides/consent/', lang: 'en', status: 200 },
  { name: 'privacy nb', path: '/personvern/', lang: 'nb', status: 200 },
  { name: 'privacy en', path: '/en/privacy/', lang: 'en', status: 200 },
  { name: 'not found nb', path: '/finnes-ikke/', lang: 'nb', status: 404 },
  { name: 'not found en', path: '/en/404/', lang: 'en', status: 200 },
];

/** Paths of every built guide article in both languages (empty when dist/ is missing). */
export function builtGuidePaths(): string[] {
  return ['veiledning', 'en/guides'].flatMap((dir) => {
    const full = join(DIST, dir);
    if (!existsSync(full)) return [];
    return readdirSync(full)
      .filter((name) => existsSync(join(full, name, 'index.html')))
      .map((name) => `/${dir}/${name}/`);
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a request path maps to (directory -> index.html), or null when there is none. */
function fileFor(urlPath: string): string | null {
  const rel = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/'));
  const full = join(DIST, rel);
  if (!full.startsWith(DIST)) return null;
  const candidates = [full, join(full, 'index.html'), `${full}.html`];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** Start a static server over dist/ on 127.0.0.1 with a random port; missing files get dist/404.html. */
export async function startServer(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const file = fileFor(req.url ?? '/');
    const target = file ?? join(DIST, '404.html');
    res.writeHead(file ? 200 : 404, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}` };
}

/** Stop the static server. */
export function stopServer(server: Server | undefined): Promise<void> {
  return new Promise((ok) => (server ? server.close(() => ok()) : ok()));
}

/** Launch Debian's Chromium headless, with no background traffic of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A fresh page in its own context (cookies and storage start empty). */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Run axe-core on the page and return its violations as readable lines. The page must come from a
 * context with `bypassCSP: true`, because injecting axe is itself an inline script the site's CSP forbids.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.help} -> ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  return violations;
}
