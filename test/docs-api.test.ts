/**
 * docs/api.md is runnable: every ```js example runs against the sources (`lovkode` is
 * compiler/api.ts, `lovkode/runtime` compiler/runtime/index.ts, `lovkode/no` the built lib/no.mjs),
 * and when a ```text block follows it, that is exactly what the example prints.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOC = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
const MODULES: Record<string, string> = {
  lovkode: join(ROOT, 'compiler/api.ts'),
  'lovkode/runtime': join(ROOT, 'compiler/runtime/index.ts'),
  'lovkode/no': join(ROOT, 'lib/no.mjs'),
};

/** The ```js blocks, each with the ```text block right after it (if any) and its line in the doc. */
function examples(): { code: string; output?: string; line: number }[] {
  const out: { code: string; output?: string; line: number }[] = [];
  const block = /```(\w+)\n([\s\S]*?)```\n/g;
  const blocks = [...DOC.matchAll(block)].map((m) => ({ lang: m[1]!, body: m[2]!, index: m.index!, end: m.index! + m[0].length }));
  blocks.forEach((b, i) => {
    if (b.lang !== 'js') return;
    const next = blocks[i + 1];
    const output = next && next.lang === 'text' && DOC.slice(b.end, next.index).trim() === '' ? next.body : undefined;
    out.push({ code: b.body, output, line: DOC.slice(0, b.index).split('\n').length });
  });
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'lovkode-docs-'));
afterEach(() => {
  vi.restoreAllMocks();
});

describe('docs/api.md', () => {
  const all = examples();
  it('has examples for all three entry points', () => {
    for (const name of Object.keys(MODULES)) expect(all.some((e) => e.code.includes(`from '${name}'`))).toBe(true);
  });

  it.each(all.map((e) => [e.line, e] as const))('the example at line %i runs and prints what the doc shows', async (line, example) => {
    const code = example.code.replace(/from '(lovkode(?:\/[\w.]+)?)'/g, (m, name: string) => {
      if (!MODULES[name]) throw new Error(`docs/api.md:${line}: unknown module ${name}`);
      return `from ${JSON.stringify(pathToFileURL(MODULES[name]!).href)}`;
    });
    const file = join(dir, `example-${line}.mjs`);
    writeFileSync(file, code);
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(format(...args));
    });
    await import(pathToFileURL(file).href);
    if (example.output !== undefined) expect(`${printed.join('\n')}\n`).toBe(example.output);
  });
});
