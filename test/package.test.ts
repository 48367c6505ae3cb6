/**
 * The package as a user gets it: `npm pack` (which builds lib/ through `prepare`) makes a tarball
 * that installs into an empty project from the tarball alone (offline, no dev dependencies) and
 * works there without a TypeScript loader: a plain .mjs file, strict TypeScript under `nodenext`
 * and `bundler` resolution, a CommonJS file using `import()`, and the `lovkode` command via npx.
 * The one suite that runs against the built package rather than the sources. It packs a fresh copy
 * of the sources, so it also shows that `npm pack` builds everything from scratch.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SMALL_PACK } from './support/small-pack.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = dirname(process.execPath);
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const FACTS = { channel: 'sms_mms', recipientType: 'generic_business_address', purpose: 'marketing', senderActsInBusiness: true, recipientOptedOut: false };
const BROKEN = { 'main.lov': 'fact x is true or false\n  question nb "X?" en "X?"\n\nrule R1 "x"\n  when x\n  then allowd\n' };

let project: string;
let packed: { filename: string; files: { path: string }[] };

function sh(command: string, args: string[], options: SpawnSyncOptions = {}): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, npm_config_update_notifier: 'false' };
  const r = spawnSync(command, args, { encoding: 'utf8', env, timeout: 240_000, ...options });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/**
 * A copy of the repository's sources without lib/, sharing node_modules: `npm pack` there builds
 * from scratch, and the rebuild cannot disturb tests that read this repository's lib/ meanwhile.
 */
function pristineCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lovkode-src-'));
  for (const entry of ['package.json', 'LICENSE', 'README.md', 'tsconfig.build.json', 'bin', 'compiler', 'server', 'rules', 'docs', 'scripts']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'lovkode-pack-'));
  const pack = sh(join(BIN, 'npm'), ['pack', '--json', '--pack-destination', out], { cwd: pristineCopy() });
  expect(pack.status, pack.stderr).toBe(0);
  // Build scripts print nothing on stdout, so the whole of stdout is the JSON report.
  packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0]!;
  project = mkdtempSync(join(tmpdir(), 'lovkode-user-'));
  writeFileSync(join(project, 'package.json'), '{ "name": "user", "private": true, "type": "module" }\n');
  const install = sh(join(BIN, 'npm'), ['install', '--offline', '--no-audit', '--no-fund', '--omit=dev', join(out, packed.filename)], { cwd: project });
  expect(install.status, install.stderr).toBe(0);
}, 300_000);

describe('the tarball', () => {
  it('holds the built package and nothing a user does not need', () => {
    const files = packed.files.map((f) => f.path);
    for (const f of ['package.json', 'LICENSE', 'README.md', 'bin/lovkode.mjs', 'lib/index.js', 'lib/cli.js', 'lib/runtime.js', 'lib/no.mjs', 'lib/no.d.ts', 'lib/no.schema.json', 'lib/types/api.d.ts', 'lib/THIRD-PARTY-LICENSES.txt', 'rules/main.lov', 'docs/api.md']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /^(test|site|bench|compiler|server|scripts|node_modules)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('installs with no dependencies at all (Chevrotain is bundled; tsx and esbuild are dev-only)', () => {
    expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['lovkode']);
  });
});

describe('in a fresh project', () => {
  it('a plain .mjs decides with lovkode/no, the runtime and a pack compiled from strings', { timeout: 120_000 }, () => {
    writeFileSync(
      join(project, 'main.mjs'),
      `import { decide, tables, version } from 'lovkode/no';
import * as runtime from 'lovkode/runtime';
import { compile } from 'lovkode';
import { createRequire } from 'node:module';
const schema = createRequire(import.meta.url)('lovkode/no.schema.json');
const facts = ${JSON.stringify(FACTS)};
const small = compile(${JSON.stringify(SMALL_PACK)});
console.log(JSON.stringify({
  version,
  outcome: decide(facts, { date: '2026-11-29' }).outcome,
  runtime: runtime.decide(tables, facts, { date: '2026-11-29' }).outcome,
  small: small.pack.decide({ channel: 'email', hasConsent: false }).outcome,
  broken: compile(${JSON.stringify(BROKEN)}).diagnostics.map((d) => d.code),
  schema: schema.title,
}));
`,
    );
    const r = sh(process.execPath, ['main.mjs'], { cwd: project });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out.version).toMatch(/^[0-9a-f]{16}$/);
    expect(out.outcome).toBe('allowed_with_conditions');
    expect(out.runtime).toBe(out.outcome);
    expect(out.small).toBe('not_allowed');
    expect(out.broken).toContain('LOV2012');
    expect(out.schema).toBe('lovkode facts');
  });

  it('a CommonJS file loads the ES modules with import()', { timeout: 120_000 }, () => {
    mkdirSync(join(project, 'cjs'), { recursive: true });
    writeFileSync(join(project, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
    writeFileSync(
      join(project, 'cjs', 'main.js'),
      `Promise.all([import('lovkode/no'), import('lovkode')]).then(([no, lovkode]) => {
  console.log(no.decide(${JSON.stringify(FACTS)}, { date: '2026-11-29' }).outcome, typeof require, lovkode.compile(${JSON.stringify(BROKEN)}).pack);
});
`,
    );
    const r = sh(process.execPath, ['main.js'], { cwd: join(project, 'cjs') });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('allowed_with_conditions function null\n');
  });

  it.each(['nodenext', 'bundler'])('strict TypeScript type-checks against the declarations (moduleResolution %s)', { timeout: 180_000 }, (resolution) => {
    const dir = join(project, `ts-${resolution}`);
    mkdirSync(dir, { recursive: true });
    const module = resolution === 'nodenext' ? 'nodenext' : 'esnext';
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module, moduleResolution: resolution, target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [], lib: ['es2022', 'dom'] } }));
    writeFileSync(
      join(dir, 'good.mts'),
      `import { compile, renderDiagnostics, type CompiledPack, type Diagnostic } from 'lovkode';
import { decide, type Facts } from 'lovkode/no';
import { decide as decideOn, type Tables } from 'lovkode/runtime';
const facts: Facts = { channel: 'email', hasConsent: true, recipientType: null };
const d = decide(facts);
if (!('error' in d) && d.outcome === 'allowed') console.log(d.missing.length);
const { diagnostics, pack }: { diagnostics: Diagnostic[]; pack: CompiledPack | null } = compile({ 'a.lov': '' }, { entry: 'a.lov' });
const tables: Tables | undefined = pack?.tables;
if (tables) decideOn(tables, {}, { lang: 'en' });
const text: string = renderDiagnostics(diagnostics, new Map(), 'en');
const sql: string | undefined = pack?.toSql({ date: '2026-01-01' });
console.log(text, sql);
`,
    );
    writeFileSync(join(dir, 'bad.mts'), `import { decide } from 'lovkode/no';\ndecide({ channel: 'e-mail' });\nimport { compile } from 'lovkode';\ncompile(42);\n`);
    if (resolution === 'nodenext') {
      mkdirSync(join(dir, 'cjs'), { recursive: true });
      writeFileSync(join(dir, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
      writeFileSync(join(dir, 'cjs', 'use.cts'), `export async function run(): Promise<string | null> {\n  const { decide } = await import('lovkode/no');\n  const d = decide({ channel: 'addressed_letter' });\n  return 'error' in d ? null : d.outcome;\n}\n`);
    }
    const r = sh(process.execPath, [TSC, '-p', '.'], { cwd: dir });
    const errors = r.stdout.split('\n').filter((l) => /error TS/.test(l));
    expect(errors.filter((l) => !l.startsWith('bad.mts'))).toEqual([]);
    expect(errors.some((l) => /^bad\.mts\(2,\d+\): error TS2\d{3}: Type '"e-mail"' is not assignable/.test(l)), errors.join('\n')).toBe(true);
    expect(errors.some((l) => /^bad\.mts\(4,9\): error TS2345/.test(l)), errors.join('\n')).toBe(true);
  });

  it('npx lovkode answers --version and decide without any build step', { timeout: 180_000 }, () => {
    const version = sh(join(BIN, 'npx'), ['--offline', 'lovkode', '--version'], { cwd: project });
    expect(version.stderr).toBe('');
    expect(version.stdout).toMatch(/^lovkode \d+\.\d+\.\d+\n$/);
    const decided = sh(join(BIN, 'npx'), ['--offline', 'lovkode', 'decide', '--date', '2026-11-29', '--facts', JSON.stringify(FACTS)], { cwd: project });
    expect(decided.stderr).toBe('');
    expect(JSON.parse(decided.stdout)).toMatchObject({ outcome: 'allowed_with_conditions', missing: [] });
    const check = sh(join(BIN, 'npx'), ['--offline', 'lovkode', 'check', '--format', 'json'], { cwd: project });
    expect(check.status).toBe(0);
  });
});
