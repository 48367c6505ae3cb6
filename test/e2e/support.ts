/**
 * Shared setup for the browser tests: the built site's own Node server (dist/server/server.mjs, which
 * serves dist/client through the adapter's handler, renders the questionnaire per request and adds
 * the security headers and compression) on 127.0.0.1 with a random port,
 * Debian's Chromium driven by playwright-core, axe-core injection, and the list of page types to visit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The prerendered pages and assets. */
export const DIST = resolve('dist/client');
/** The built server: static files from dist/client, the questionnaire and its receipts on demand, the web API. */
export const SERVER_ENTRY = resolve('dist/server/server.mjs');

/** Why the browser tests cannot run here, or null; throws instead when E2E_REQUIRED=1. */
export function e2eUnavailable(): string | null {
  const missing = [
    existsSync(CHROMIUM) ? null : `chromium not found at ${CHROMIUM} (run: apt-get install -y chromium)`,
    existsSync(join(DIST, 'index.html')) && existsSync(SERVER_ENTRY) ? null : 'dist/client/index.html or dist/server/server.mjs not found (run: npm run build)',
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
  { name: 'question nb', path: '/sporsmal/', lang: 'nb', status: 200 },
  { name: 'question en', path: '/en/question/', lang: 'en', status: 200 },
  // A screen: the customer exception's conditions as one question, with the list under it.
  { name: 'question screen en', path: '/en/question/?channel=email&recipientType=private_person&purpose=newsletter_with_marketing&senderActsInBusiness=true&recipientOptedOut=false&explicitRequestToSender=false', lang: 'en', status: 200 },
  { name: 'rules nb', path: '/regler/', lang: 'nb', status: 200 },
  { name: 'rules en', path: '/en/rules/', lang: 'en', status: 200 },
  { name: 'rules area nb', path: '/regler/telefonsalg/', lang: 'nb', status: 200 },
  { name: 'rules area en', path: '/en/rules/telephone/', lang: 'en', status: 200 },
  { name: 'about nb', path: '/om/', lang: 'nb', status: 200 },
  { name: 'about en', path: '/en/about/', lang: 'en', status: 200 },
  { name: 'changes nb', path: '/endringer/', lang: 'nb', status: 200 },
  { name: 'changes en', path: '/en/changes/', lang: 'en', status: 200 },
  { name: 'check list nb', path: '/sjekk-liste/', lang: 'nb', status: 200 },
  { name: 'check list en', path: '/en/check-list/', lang: 'en', status: 200 },
  { name: 'playground nb', path: '/regler/prov/', lang: 'nb', status: 200 },
  { name: 'playground en', path: '/en/rules/try/', lang: 'en', status: 200 },
  { name: 'not found nb', path: '/finnes-ikke/', lang: 'nb', status: 404 },
  { name: 'not found en', path: '/en/finnes-ikke/', lang: 'en', status: 404 },
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

/** The running site server: its base URL and how to stop it. */
export interface SiteServer {
  base: string;
  child: ChildProcess;
}

/** Start the built Node server (standalone mode) on 127.0.0.1 with a random port. */
export async function startServer(): Promise<{ server: SiteServer; base: string }> {
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const base = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`site server did not start within 15 s:\n${log}`)), 15_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`site server exited with ${code}:\n${log}`));
    });
  });
  // Server-side errors while rendering show up in the test output.
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[site server] ${chunk}`));
  return { server: { base, child }, base };
}

/** Stop the site server this test started. */
export function stopServer(server: SiteServer | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    server.child.once('exit', () => ok());
    server.child.kill('SIGTERM');
  });
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

/** Starts the built site and Chromium around the tests of the enclosing `describe`, and stops them after. */
export function useSite(ready: (site: { browser: Browser; base: string }) => void): void {
  let server: SiteServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const started = await startServer();
    server = started.server;
    browser = await launchBrowser();
    ready({ browser, base: started.base });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
  });
}
