/** Receipts are validated against their schema before use; a forged or broken one is never accepted. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { validateReceipt } from '../../compiler/cli/receipt.ts';
import { cli, expectClean, QUICK_SECONDS } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'lovkode-receipt-'));
const base = { tool: 'lovkode', rulesVersion: 'x', date: '2026-01-01', lang: 'en', facts: { channel: 'email' } };
const file = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('decide --receipt', () => {
  it('obligations: [null] is a clean E_BAD_RECEIPT naming the field (was E_INTERNAL)', async () => {
    const r = await cli(['decide', '--lang', 'en', '--receipt', file('null.json', { ...base, decision: { outcome: null, obligations: [null] } })]);
    expectClean(r);
    expect(r.code).toBe(2);
    expect(r.err).toContain('E_BAD_RECEIPT');
    expect(r.err).toContain('decision.obligations[0]');
  });

  it('a receipt without its decision is rejected, exit 2 (was exit 0, nothing compared)', async () => {
    const r = await cli(['decide', '--lang', 'en', '--receipt', file('nodecision.json', base)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_BAD_RECEIPT.*decision/);
  });

  it('a 200 MB receipt is refused before it is read (E_LIMIT_RECEIPT)', async () => {
    const path = join(dir, 'huge.json');
    execFileSync('truncate', ['-s', '200M', path]);
    const r = await cli(['decide', '--receipt', path]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('E_LIMIT_RECEIPT');
    expect(r.seconds).toBeLessThan(QUICK_SECONDS);
  });

  it('a different outcome or obligations exits 1 and names what differs', async () => {
    const r = await cli(['decide', '--lang', 'en', '--receipt', file('forged.json', { ...base, decision: { outcome: 'allowed', obligations: [{ code: 'FORGED' }] } })]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('outcome: allowed on the receipt, null now');
    expect(r.err).toContain('obligations only on the receipt: FORGED');
  });

  it('validates every field: types, sizes, unknown fields', () => {
    const ok = { ...base, decision: { outcome: null, obligations: [], reasons: [], citations: [], missing: ['purpose'] } };
    expect(validateReceipt(ok).decision).toEqual({ outcome: null, obligations: [] });
    const bad: unknown[] = [
      { ...ok, extra: 1 },
      { ...ok, date: '2026-02-30' },
      { ...ok, lang: 'de' },
      { ...ok, tool: 'other' },
      { ...ok, facts: { channel: 1 } },
      { ...ok, facts: { channel: 'x'.repeat(2_000) } },
      { ...ok, decision: { ...ok.decision, outcome: 'maybe' } },
      { ...ok, decision: { ...ok.decision, obligations: 'none' } },
      { ...ok, decision: { ...ok.decision, obligations: [{ code: 7 }] } },
      { ...ok, decision: { ...ok.decision, reasons: [null] } },
      { ...ok, decision: { ...ok.decision, missing: [1] } },
      { ...ok, rulesVersion: 'v'.repeat(500) },
    ];
    for (const r of bad) expect(() => validateReceipt(r)).toThrow();
  });

  it('nesting and encoding are checked before parsing', async () => {
    const deep = await cli(['decide', '--receipt', file('deep.json', `{"facts":${'['.repeat(100_000)}`)]);
    expect(deep.err).toContain('E_BAD_RECEIPT');
    const latin1 = join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.from([0x7b, 0xe6, 0x7d]));
    const enc = await cli(['decide', '--receipt', latin1]);
    expect(enc.err).toContain('E_ENCODING');
  });
});
