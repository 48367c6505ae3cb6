/**
 * The compile API runs in a browser: compiler/compile.ts bundles for `platform: 'browser'` with no
 * `node:*` (or bare Node built-in) import left, and the bundle compiles and decides a small pack in
 * a bare `vm` context — no `process`, no `require`, no file system.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { prebuiltRuntime } from '../scripts/build.ts';
import { SMALL_PACK } from './support/small-pack.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILTIN = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

describe('compile() in the browser', () => {
  it('bundles without Node built-ins and compiles a pack in a context without process', { timeout: 60_000 }, async () => {
    const nodeImports: string[] = [];
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: ['compiler/compile.ts'],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'lovkode',
      write: false,
      logLevel: 'silent',
      plugins: [
        prebuiltRuntime(),
        {
          name: 'no-node-builtins',
          setup(b) {
            b.onResolve({ filter: /.*/ }, (args) => {
              if (!BUILTIN.has(args.path)) return undefined;
              nodeImports.push(`${args.path} (from ${args.importer.replace(ROOT, '')})`);
              return { path: args.path, external: true };
            });
          },
        },
      ],
    });
    expect(nodeImports).toEqual([]);
    const code = result.outputFiles[0]!.text;
    const context = vm.createContext({ TextEncoder });
    vm.runInContext(code, context);
    const run = (expr: string): unknown => JSON.parse(vm.runInContext(`JSON.stringify(${expr})`, context) as string);
    context.sources = JSON.stringify(SMALL_PACK);
    expect(run(`typeof process`)).toBe('undefined');
    const out = run(`(() => { const r = lovkode.compile(JSON.parse(sources)); return { codes: r.diagnostics.map((d) => d.code), d: r.pack.decide({ channel: 'email', hasConsent: true }, { lang: 'en' }), v: r.pack.version, js: r.pack.toModule().js.length }; })()`) as { codes: string[]; d: { outcome: string }; v: string; js: number };
    expect(out.codes).toEqual([]);
    expect(out.d.outcome).toBe('allowed');
    expect(out.v).toMatch(/^[0-9a-f]{16}$/);
    expect(out.js).toBeGreaterThan(1000);
  });
});
