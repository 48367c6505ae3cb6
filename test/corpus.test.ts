/**
 * The rule-file corpus: every test/corpus/good/*.lov must load, check and analyse (no gap, conflict,
 * dead rule or unshown reason) without a single diagnostic; every test/corpus/bad/*.lov must render (in English, paths relative to the repo
 * root) exactly as its reviewed baseline `*.expected`. `npm run baselines` (UPDATE_BASELINES=1)
 * rewrites the baselines; review the diff before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../compiler/check/index.ts';
import { CATALOGUE } from '../compiler/diagnostics/catalogue.ts';
import { renderDiagnostics } from '../compiler/diagnostics/render.ts';
import type { Diagnostic } from '../compiler/diagnostics/types.ts';
import { loadFiles } from '../compiler/load/index.ts';
import { analyse } from '../compiler/analyse/index.ts';
import { build } from '../compiler/ir/compile.ts';
import { lower } from '../compiler/ir/lower.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const CORPUS = join(ROOT, 'test', 'corpus');
const UPDATE = process.env.UPDATE_BASELINES === '1';

/** The `.lov` files of one corpus folder, sorted. */
function corpus(kind: 'good' | 'bad'): string[] {
  return readdirSync(join(CORPUS, kind))
    .filter((f) => f.endsWith('.lov'))
    .sort();
}

/** Loads and checks one file (with its imports), and analyses it when it has no errors: all diagnostics, and the texts to render them. */
function run(path: string): { diagnostics: Diagnostic[]; texts: Map<string, string> } {
  const loaded = loadFiles([path]);
  const checked = check(loaded.files);
  const diagnostics = [...loaded.diagnostics, ...checked.diagnostics];
  if (!diagnostics.some((d) => d.severity === 'error')) {
    const ir = lower(checked.program, loaded.texts);
    diagnostics.push(...analyse(ir, build(ir)));
  }
  return { diagnostics, texts: loaded.texts };
}

describe('good corpus: valid packs check without any diagnostic', () => {
  const files = corpus('good');
  it('has files', () => expect(files.length).toBeGreaterThan(0));
  for (const name of files) {
    it(name, () => {
      const { diagnostics, texts } = run(join(CORPUS, 'good', name));
      expect(renderDiagnostics(diagnostics, texts, 'en', { root: ROOT })).toBe('');
    });
  }
});

describe('bad corpus: rendered diagnostics match the reviewed baselines', () => {
  const files = corpus('bad');

  for (const name of files) {
    it(name, () => {
      const path = join(CORPUS, 'bad', name);
      const { diagnostics, texts } = run(path);
      const rendered = renderDiagnostics(diagnostics, texts, 'en', { root: ROOT });
      expect(diagnostics.length, 'a bad file must produce diagnostics').toBeGreaterThan(0);
      expect(rendered).not.toContain(ROOT);
      const baseline = path.replace(/\.lov$/, '.expected');
      if (UPDATE) writeFileSync(baseline, rendered);
      expect(existsSync(baseline), `no baseline ${baseline}; run npm run baselines and review it`).toBe(true);
      expect(rendered).toBe(readFileSync(baseline, 'utf8'));
    });
  }

  it('covers every code the checker can report', () => {
    const seen = new Set(files.flatMap((name) => run(join(CORPUS, 'bad', name)).diagnostics.map((d) => d.code)));
    const checkerCodes = Object.keys(CATALOGUE).filter((c) => /^LOV[23]/.test(c) || c === 'LOV5002' || c === 'LOV5003');
    expect(checkerCodes.filter((c) => !seen.has(c))).toEqual([]);
  });
});
