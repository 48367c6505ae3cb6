/**
 * docs/api.md's HTTP clients for other languages work against a real `lovkode serve`: the facts each
 * sends are accepted (HTTP 200, a decision), and the Python client runs as written when python3 is
 * on the machine (only the base address changes to the test server's).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serveForFile } from './support/serve.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOC = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
const PYTHON = spawnSync('python3', ['--version']).status === 0;

/** The body of the one ```lang block of the doc. */
function block(lang: string): string {
  const found = [...DOC.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))];
  expect(found, `one \`\`\`${lang} block in docs/api.md`).toHaveLength(1);
  return found[0]![1]!;
}

/** The facts a client sends: its call's first argument, a flat literal turned into JSON. */
function factsOf(code: string, call: RegExp, toJson: (literal: string) => string): unknown {
  const m = call.exec(code);
  expect(m, `the client calls ${call}`).not.toBeNull();
  return JSON.parse(toJson(m![1]!));
}

/** POSTs facts to /v1/decide and gives back the status and the JSON answer. */
async function decide(url: string, facts: unknown, lang: string): Promise<{ status: number; body: { outcome?: string | null; missing?: string[]; error?: unknown } }> {
  const res = await fetch(`${url}/v1/decide?lang=${lang}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(facts) });
  return { status: res.status, body: (await res.json()) as never };
}

const serve = serveForFile();

describe('docs/api.md clients in other languages', () => {
  it('the Python client sends facts the API accepts', async () => {
    const facts = factsOf(block('python'), /^answer = decide\((\{[\s\S]*?\})\)$/m, (s) => s.replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false'));
    const { status, body } = await decide(serve().url, facts, 'en');
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.error).toBeUndefined();
  });

  it('the PHP client sends facts the API accepts', async () => {
    const facts = factsOf(block('php'), /lovkode_decide\((\[[^\]]*\]), 'en'\)/, (s) => s.replace(/'/g, '"').replace(/=>/g, ':').replace(/^\[/, '{').replace(/\]$/, '}'));
    const { status, body } = await decide(serve().url, facts, 'en');
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.outcome === null ? body.missing!.length : 1).toBeGreaterThan(0);
  });

  it.runIf(PYTHON)('the Python client runs as written and prints the outcome and the missing facts', () => {
    const code = block('python').replace('http://127.0.0.1:8080', serve().url);
    const r = spawnSync('python3', ['-c', code], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^(allowed|allowed_with_conditions|not_allowed|uncertain|None) \[('[a-zA-Z]+'(, )?)*\]\n$/);
  });
});
