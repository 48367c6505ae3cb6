/**
 * rules/CHANGELOG.md names the current pack version at its top entry, with the date the law was last
 * compared with Lovdata in the one line format the site reads; so the changelog cannot go stale
 * silently when a rule file changes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDefaultPack } from '../compiler/index.ts';

const CHANGELOG = readFileSync(fileURLToPath(new URL('../rules/CHANGELOG.md', import.meta.url)), 'utf8');
const VERSION_LINE = /^Pakkeversjon \/ Pack version: `([0-9a-f]{16})`$/m;
const LOVDATA_LINE = /^Sist kontrollert mot Lovdata \/ Last compared with Lovdata: (\d{4}-\d{2}-\d{2})$/m;

describe('rules/CHANGELOG.md', () => {
  it('names the current pack version in its first entry (update the changelog when a rule file changes)', () => {
    const first = VERSION_LINE.exec(CHANGELOG);
    expect(first, 'no line «Pakkeversjon / Pack version: `…`»').not.toBeNull();
    expect(first![1], 'rules/ changed: add an entry for the new version at the top of rules/CHANGELOG.md').toBe(
      loadDefaultPack().tables.version,
    );
  });

  it('says when the law was last compared with Lovdata, as a real date no later than the entry', () => {
    const compared = LOVDATA_LINE.exec(CHANGELOG);
    expect(compared).not.toBeNull();
    const date = compared![1]!;
    expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
    const entry = /^Dato \/ Date: (\d{4}-\d{2}-\d{2})$/m.exec(CHANGELOG);
    expect(entry).not.toBeNull();
    expect(date <= entry![1]!).toBe(true);
  });
});
