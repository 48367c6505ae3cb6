import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles, memoryHost } from '../compiler/load/index.ts';

const at = (d: { range: { file: string; start: { line: number; column: number } } }) => `${d.range.file}:${d.range.start.line}:${d.range.start.column}`;

describe('loadFiles', () => {
  it('puts imports before the importing file, parses each file once, resolves relative to the importer', () => {
    const host = memoryHost({
      '/p/main.lov': 'import "lib/a.lov"\nimport "b.lov"\nfact m is true or false',
      '/p/lib/a.lov': 'import "../b.lov"\nfact a is true or false',
      '/p/b.lov': 'fact b is true or false',
    });
    const r = loadFiles(['/p/main.lov', '/p/b.lov'], host);
    expect(r.diagnostics).toEqual([]);
    expect(r.files.map((f) => f.file)).toEqual(['/p/b.lov', '/p/lib/a.lov', '/p/main.lov']);
    expect([...r.texts.keys()].sort()).toEqual(['/p/b.lov', '/p/lib/a.lov', '/p/main.lov']);
    expect(r.texts.get('/p/b.lov')).toBe('fact b is true or false');
  });
  it('reports a missing import on its path string, and a missing entry at 1:1 of that path', () => {
    const r = loadFiles(['/p/main.lov', '/p/gone.lov'], memoryHost({ '/p/main.lov': 'fact x is true or false\nimport   "nope.lov"' }));
    expect(r.diagnostics.map((d) => `${d.code} ${at(d)} ${d.message.en}`)).toEqual([
      'LOV1005 /p/main.lov:2:10 File “nope.lov” was not found.',
      'LOV1005 /p/gone.lov:1:1 File “/p/gone.lov” was not found.',
    ]);
    expect(r.files.map((f) => f.file)).toEqual(['/p/main.lov']);
  });
  it('reports an import cycle on the import that closes it, and still loads every file once', () => {
    const r = loadFiles(['/p/a.lov'], memoryHost({ '/p/a.lov': 'import "b.lov"', '/p/b.lov': 'fact x is true or false\nimport "a.lov"' }));
    expect(r.diagnostics.map((d) => `${d.code} ${at(d)} ${d.message.nb}`)).toEqual(['LOV1006 /p/b.lov:2:1 Filen «a.lov» importerer seg selv via b.lov → a.lov.']);
    expect(r.files.map((f) => f.file)).toEqual(['/p/b.lov', '/p/a.lov']);
  });
  it('a file importing itself is a cycle', () => {
    const r = loadFiles(['/p/a.lov'], memoryHost({ '/p/a.lov': 'import "./a.lov"' }));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['LOV1006']);
  });
  it('passes syntax diagnostics through, tagged with the file', () => {
    const r = loadFiles(['/p/a.lov'], memoryHost({ '/p/a.lov': 'rule R "t"\n  then "x"' }));
    expect(r.diagnostics.map((d) => `${d.code} ${at(d)}`)).toEqual(['LOV1003 /p/a.lov:2:8']);
  });
  it('reads a directory from disk: its *.lov files sorted, not recursive; paths absolute', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lovkode-load-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'z.lov'), 'import "sub/inner.lov"\nfact z is true or false');
    writeFileSync(join(dir, 'a.lov'), 'fact a is true or false');
    writeFileSync(join(dir, 'notes.txt'), 'not a rule file');
    writeFileSync(join(dir, 'sub', 'inner.lov'), 'fact i is true or false');
    writeFileSync(join(dir, 'sub', 'other.lov'), 'fact o is true or false');
    const r = loadFiles([dir]);
    expect(r.diagnostics).toEqual([]);
    expect(r.files.map((f) => f.file)).toEqual([join(dir, 'a.lov'), join(dir, 'sub', 'inner.lov'), join(dir, 'z.lov')]);
  });
  it('memoryHost resolves relative paths against the working directory', () => {
    const host = memoryHost({ 'pack/x.lov': 'fact x is true or false' });
    expect(host.isDirectory('pack')).toBe(true);
    expect(host.listLov('pack')).toEqual([resolve('pack/x.lov')]);
    expect(loadFiles(['pack'], host).files.map((f) => f.file)).toEqual([resolve('pack/x.lov')]);
  });
});
