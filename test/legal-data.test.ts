/**
 * The public scenarios and the vocabulary are kept in the repository (test/data/legal/) so that a
 * fresh clone tests on its own. This test keeps the copy equal to the legal team's folder
 * ../shared/legal/ when that folder exists beside the checkout, and is skipped (with a message) when not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const COPY = fileURLToPath(new URL('./data/legal/', import.meta.url));
const SHARED = fileURLToPath(new URL('../../shared/legal/', import.meta.url));
const FILES = ['scenarios.json', 'vocabulary.json'];
const shared = existsSync(SHARED);

if (!shared) console.info(`test/legal-data.test.ts: ${SHARED} does not exist; the copy in test/data/legal/ is not compared.`);

describe('the repository copy of the public scenarios and vocabulary', () => {
  it('is valid JSON with 55 scenarios and the vocabulary of revision 2', () => {
    const scenarios = JSON.parse(readFileSync(`${COPY}scenarios.json`, 'utf8')) as { scenarios: { id: string }[] };
    const vocabulary = JSON.parse(readFileSync(`${COPY}vocabulary.json`, 'utf8')) as { facts: Record<string, unknown> };
    expect(scenarios.scenarios).toHaveLength(55);
    expect(new Set(scenarios.scenarios.map((s) => s.id)).size).toBe(55);
    expect(Object.keys(vocabulary.facts)).toContain('offerForRecipientsBusiness');
  });

  it.skipIf(!shared)(`is identical to ${SHARED} (skipped when that folder is missing)`, () => {
    for (const f of FILES) {
      const copy = readFileSync(`${COPY}${f}`, 'utf8');
      const original = readFileSync(`${SHARED}${f}`, 'utf8');
      expect(copy, `test/data/legal/${f} differs from ../shared/legal/${f}: copy it again`).toBe(original);
    }
  });
});
