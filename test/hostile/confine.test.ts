/**
 * Rule files are confined to their pack: imports outside the root folder, of files that are not
 * regular files or not `.lov`, and files that are not UTF-8 are diagnostics that never show the
 * target's contents (issue 11: /etc/passwd and /proc/self/environ came out in code frames).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../compiler/load/index.ts';
import { confinedHost } from '../../compiler/load/confine.ts';
import { cli, expectClean, QUICK_SECONDS } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'lovkode-confine-'));
const pack = join(dir, 'pack');
mkdirSync(join(pack, 'sub'), { recursive: true });
writeFileSync(join(dir, 'outside.lov'), 'fact secretOutside is true or false\n');
const importing = (name: string, target: string): string => {
  const path = join(pack, name);
  writeFileSync(path, `import "${target}"\nfact x is true or false\n`);
  return path;
};
const codes = (path: string, roots?: string[]): string[] => loadFiles([path], roots ? confinedHost(roots) : undefined).diagnostics.map((d) => d.code);

describe('confinement to the pack', () => {
  it('refuses /etc/passwd, ../../../../etc/passwd and /proc/self/environ without showing them', async () => {
    process.env.LOVKODE_PROBE_SECRET = 'hunter2-env-value';
    for (const target of ['/etc/passwd', '../../../../etc/passwd', '/proc/self/environ']) {
      const file = importing('p.lov', target);
      const r = await cli(['check', file], '', dir);
      expectClean(r);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/LOV102[35]/);
      expect(r.out).not.toMatch(/root:|hunter2|PATH=/);
      expect(r.seconds).toBeLessThan(QUICK_SECONDS);
    }
  });

  it('refuses an import outside the root folder (LOV1023), and allows it with a wider --root', async () => {
    const file = importing('up.lov', '../outside.lov');
    expect(codes(file)).toEqual(['LOV1023']);
    expect(codes(file, [dir])).toEqual([]);
    const r = await cli(['check', '--root', dir, file], '', dir);
    expect(r.out).not.toContain('LOV1023');
  });

  it('resolves symlinks before deciding: a link inside the pack to a file outside is refused', () => {
    symlinkSync(join(dir, 'outside.lov'), join(pack, 'link.lov'));
    expect(codes(importing('via-link.lov', 'link.lov'))).toEqual(['LOV1023']);
  });

  it('refuses /dev/zero and a FIFO at once (LOV1024 / LOV1025), never waiting on them', () => {
    execFileSync('mkfifo', [join(pack, 'fifo.lov')]);
    const t0 = performance.now();
    expect(codes(importing('fifo-imp.lov', 'fifo.lov'))).toEqual(['LOV1024']);
    expect(codes(importing('zero.lov', '/dev/zero'))).toEqual(['LOV1025']);
    expect(codes(importing('zero2.lov', '/dev/zero'), ['/'])).toEqual(['LOV1025']);
    mkdirSync(join(pack, 'folder.lov'));
    expect(codes(importing('dir-imp.lov', 'folder.lov'))).toEqual(['LOV1024']);
    expect((performance.now() - t0) / 1000).toBeLessThan(QUICK_SECONDS);
  });

  it('imports within the pack still work, in sub-folders too', () => {
    writeFileSync(join(pack, 'sub', 'ok.lov'), 'fact y is true or false\n');
    expect(codes(importing('fine.lov', 'sub/ok.lov'))).toEqual([]);
  });
});

describe('encoding of rule files', () => {
  it('invalid UTF-8 is LOV1026 with the byte offset, and no U+FFFD is passed on', () => {
    const path = join(pack, 'latin1.lov');
    writeFileSync(path, Buffer.concat([Buffer.from('fact x "a'), Buffer.from([0xe6]), Buffer.from('" is true or false\n')]));
    const r = loadFiles([path]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['LOV1026']);
    expect(r.diagnostics[0]!.message.en).toContain('byte 9');
    expect([...r.texts.values()].join('')).not.toContain('\uFFFD');
  });

  it('a byte-order mark is allowed and dropped', () => {
    const path = join(pack, 'bom.lov');
    writeFileSync(path, `\uFEFFfact x is true or false\n`);
    const r = loadFiles([path]);
    expect(r.diagnostics).toEqual([]);
    expect(r.texts.get(path)!.startsWith('fact')).toBe(true);
  });
});
