/**
 * `npm run build:lib` (also `prepare`, so `npm ci` and `npm pack` run it): builds the package into
 * lib/ (git-ignored) as plain ES modules that need no TypeScript loader:
 *
 *   lib/index.js    `lovkode`          the compile API (compiler/api.ts; browser-safe)
 *   lib/runtime.js  `lovkode/runtime`  the engine over tables (compiler/runtime/index.ts)
 *   lib/cli.js      the `lovkode` command (bin/lovkode.mjs), each command a lazily loaded chunk
 *   lib/no.mjs      `lovkode/no`       the bundled pack (`lovkode build --out lib --name no`)
 *   lib/types/      declarations (tsc), lib/THIRD-PARTY-LICENSES.txt for the bundled Chevrotain
 *
 * esbuild bundles with code splitting: measured against tsc's file-per-module output, the bundle
 * starts `lovkode check` about twice as fast (one file for Chevrotain and lodash-es instead of
 * hundreds). Prints nothing on stdout, so `npm pack --json` stays valid JSON.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { bundleRuntime } from '../compiler/generate/runtime-bundle.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIB = join(ROOT, 'lib');
const log = (s: string): void => {
  process.stderr.write(`build: ${s}\n`);
};

/** Replaces generate/runtime-source.ts by its result, so the built compiler never calls esbuild. */
export function prebuiltRuntime(text = bundleRuntime()): Plugin {
  return {
    name: 'prebuilt-runtime',
    setup(b) {
      b.onLoad({ filter: /[\\/]generate[\\/]runtime-source\.ts$/ }, () => ({
        contents: `export function runtimeSource() { return ${JSON.stringify(text)}; }`,
        loader: 'js',
      }));
    },
  };
}

/** The licence texts of the third-party packages inside the bundle (Chevrotain and its dependencies). */
function thirdPartyLicenses(inputs: string[]): string {
  const packages = new Set<string>();
  for (const input of inputs) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) packages.add(m[1]!);
  }
  const parts = [...packages].sort().map((name) => {
    const dir = join(ROOT, 'node_modules', name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; license: string };
    const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${pkg.license}`;
    return `${name}@${pkg.version} (${pkg.license})\n\n${text}\n`;
  });
  return `lovkode bundles the following packages into lib/.\n\n${parts.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

/** Points the declarations' relative imports at `.js` (tsc keeps the sources' `.ts` in .d.ts files). */
function rewriteDeclarations(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/((?:from|import\()\s*['"]\.{1,2}\/[^'"]*)\.ts(['"])/g, '$1.js$2'));
  }
}

/**
 * Keeps only the declarations the entry points reach: tsc also writes those of the parser and the
 * CLI, which would name Chevrotain (bundled, so not installed for users) and Node's types.
 */
function pruneDeclarations(dir: string, entries: string[]): void {
  const keep = new Set<string>();
  const queue = entries.map((e) => join(dir, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (keep.has(file)) continue;
    keep.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)\.js['"]/g)) queue.push(join(file, '..', `${m[1]}.d.ts`));
  }
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = join(entry.parentPath, entry.name);
    if (entry.isFile() && !keep.has(file)) rmSync(file);
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && readdirSync(join(dir, entry.name), { recursive: true }).every((f) => !String(f).endsWith('.d.ts'))) rmSync(join(dir, entry.name), { recursive: true });
  }
}

/** Runs a command, its output to stderr; fails the build when it fails. */
function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  if (r.status !== 0) throw new Error(`${[command, ...args].join(' ')} exited with ${r.status}`);
}

async function main(): Promise<void> {
  rmSync(LIB, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { index: 'compiler/api.ts', runtime: 'compiler/runtime/index.ts', cli: 'compiler/cli/main.ts' },
    outdir: LIB,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Chunks stay directly in lib/: compiler/root.ts finds the package root as `../` of its chunk.
    chunkNames: 'chunk-[hash]',
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    plugins: [prebuiltRuntime()],
  });
  const inputs = Object.keys(result.metafile.inputs);
  const leaked = inputs.filter((i) => /node_modules\/(esbuild|tsx|typescript)\//.test(i) || i.endsWith('runtime-bundle.ts'));
  if (leaked.length > 0) throw new Error(`development code in the bundle: ${leaked.join(', ')}`);
  writeFileSync(join(LIB, 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses(inputs));
  log(`bundled ${inputs.length} modules into lib/`);
  run(process.execPath, [join(ROOT, 'bin/lovkode.mjs'), 'build', '--out', 'lib', '--name', 'no']);
  run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')]);
  if (!existsSync(join(LIB, 'types', 'api.d.ts'))) throw new Error('tsc wrote no lib/types/api.d.ts');
  rewriteDeclarations(join(LIB, 'types'));
  pruneDeclarations(join(LIB, 'types'), ['api.d.ts', 'runtime/index.d.ts']);
  log(`declarations in ${join('lib', 'types')}; done`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: unknown) => {
    process.stderr.write(`build: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
