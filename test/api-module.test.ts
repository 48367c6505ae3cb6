/**
 * The developers' import: `import { decide } from 'lovkode/no'` works from a plain .mjs file of a
 * project that has lovkode installed, with no TypeScript loader; its types are exact in an editor
 * (a wrong value is a type error); and the module was built from the rules as they are now.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultPack, decide } from '../compiler/index.ts';
import { generateModule } from '../compiler/generate/module.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIB = join(ROOT, 'lib/no.mjs');
let consumer: string;

beforeAll(() => {
  // A project with lovkode installed: node_modules/lovkode points at this repository.
  consumer = mkdtempSync(join(tmpdir(), 'lovkode-consumer-'));
  mkdirSync(join(consumer, 'node_modules'));
  symlinkSync(ROOT, join(consumer, 'node_modules', 'lovkode'), 'dir');
  writeFileSync(join(consumer, 'package.json'), '{ "type": "module", "private": true }\n');
});

const FACTS = { channel: 'sms_mms', recipientType: 'generic_business_address', purpose: 'marketing', senderActsInBusiness: true };

describe("import { decide } from 'lovkode/no'", () => {
  it('was built from the current rules (npm test rebuilds it; `npm run build:lib` by hand)', () => {
    const pack = loadDefaultPack();
    expect(readFileSync(LIB, 'utf8')).toBe(generateModule(pack.tables));
  });

  it('decides from a plain .mjs file without a TypeScript loader, as the compiler does', { timeout: 30_000 }, () => {
    writeFileSync(join(consumer, 'main.mjs'), `import { decide, version } from 'lovkode/no';\nconsole.log(JSON.stringify({ version, d: decide(${JSON.stringify(FACTS)}, { lang: 'en', date: '2026-11-29' }) }));\n`);
    const r = spawnSync(process.execPath, ['main.mjs'], { cwd: consumer, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { version: string; d: unknown };
    const pack = loadDefaultPack();
    expect(out.version).toBe(pack.tables.version);
    expect(out.d).toEqual(JSON.parse(JSON.stringify(decide(pack, FACTS, { lang: 'en', date: '2026-11-29' }))));
  });

  it('is typed exactly: a wrong value of a fact does not compile', { timeout: 60_000 }, () => {
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: false } }));
    writeFileSync(join(consumer, 'good.mts'), `import { decide, type Facts } from 'lovkode/no';\nconst f: Facts = { channel: 'email', hasConsent: true, recipientType: null };\nconst d = decide(f);\nif (!('error' in d) && d.outcome === 'allowed') console.log(d.missing.length);\n`);
    writeFileSync(join(consumer, 'bad.mts'), `import { decide } from 'lovkode/no';\ndecide({ channel: 'e-mail' });\n`);
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const good = spawnSync(process.execPath, [tsc, '-p', '.', '--noEmit', '--skipLibCheck', 'false'], { cwd: consumer, encoding: 'utf8' });
    expect(good.stdout.split('\n').filter((l) => l.startsWith('good.mts'))).toEqual([]);
    expect(good.stdout).toMatch(/bad\.mts\(2,\d+\): error TS2\d{3}: Type '"e-mail"' is not assignable/);
  });
});
