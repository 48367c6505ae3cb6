/**
 * The analysis commands of the CLI, in-process on small packs written here and on the bundled
 * pack: ask (the questionnaire in a terminal), paths, diff, test --coverage, build and decide --receipt.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { lovkode as runCli } from './support/cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'lovkode-cli-analysis-'));
const file = (name: string, text: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

const lovkode = (args: string[], input = '') => runCli(args, input, tmp);

/** A two-question pack: e-mail needs consent; a letter is allowed. */
const PACK = (consentOutcome: string) => `source mfl "Markedsføringsloven"
  url "https://lovdata.no/lov/2009-01-09-2"
  section url "https://lovdata.no/lov/2009-01-09-2/§{section}"
  status primary

fact channel is one of
  value email label nb "E-post" en "E-mail"
  value letter label nb "Brev" en "Letter"
  question nb "Hvordan?" en "How?"
  action letter nb "Send et brev i stedet." en "Send a letter instead."

fact hasConsent is true or false
  question nb "Har mottakeren sagt ja?" en "Has the recipient said yes?"
  action true nb "Be om samtykke." en "Ask for consent."

rule R1 "E-post"
  when channel = email
  then not_allowed
  because nb "E-post krever samtykke." en "E-mail needs consent."
  cites mfl "§ 15 første ledd"

rule R2 "Samtykke"
  exception to R1
  when hasConsent
  then ${consentOutcome}
  because nb "Med samtykke." en "With consent."
  cites mfl "§ 15 første ledd"

rule R3 "Brev"
  when channel = letter
  then allowed
  because nb "Brev er lov." en "Letters are allowed."
  cites mfl "§ 13"

example "E-post uten samtykke"
  given channel = email, hasConsent = false
  expect not_allowed
`;

describe('ask', () => {
  it('asks only what matters, says why on ?, goes back on b, and ends with the answer and what would change it', async () => {
    const rules = file('ask.lov', PACK('allowed'));
    const r = await lovkode(['ask', '--rules', rules, '--lang', 'en', '--date', '2026-01-01', '--show-command'], '1\n?\nb\n1\n2\n');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Question 1 of at most 2 on this path\nHow?');
    expect(r.out).toContain('Question 2 of at most 2 on this path\nHas the recipient said yes?');
    expect(r.out).toMatch(/Why we ask\nYour answer decides whether these rules apply:\n\s+• E-post \(mfl § 15 første ledd\)\n\s+• Samtykke/);
    expect(r.out.match(/Question 1 of at most 2 on this path\nHow\?/g)?.length).toBe(2); // asked again after «b»
    expect(r.out).toContain('Answer: No, this is not allowed.');
    const changes = r.out.slice(r.out.indexOf('What would make it allowed'));
    expect(changes).toMatch(/\n\s+• Send a letter instead\. → allowed\n/);
    expect(changes).toMatch(/\n\s+• Ask for consent\. → allowed\n/);
    expect(r.out).toContain(`lovkode decide --date 2026-01-01 --facts '{"channel":"email","hasConsent":false}'`);
  });

  it('never asks a question that cannot change the answer', async () => {
    const r = await lovkode(['ask', '--rules', file('ask2.lov', PACK('allowed')), '--lang', 'en'], '2\n');
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('Has the recipient said yes?');
    expect(r.out).toContain('Yes, this is allowed.');
  });

  it('ends with exit 1 when the input stops before the answer is settled', async () => {
    const r = await lovkode(['ask', '--rules', file('ask3.lov', PACK('allowed')), '--lang', 'en'], '1\n');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Stopped before the answer was settled.');
  });
});

describe('paths', () => {
  it('counts the questionnaire paths and questions, overall and per first answer', async () => {
    const r = await lovkode(['paths', '--rules', file('paths.lov', PACK('allowed')), '--lang', 'en']);
    expect(r.code).toBe(0);
    // email → consent yes/no (2 paths of 2 questions); letter (1 path of 1 question)
    // typical: no fact has a typical answer, so every answer is as likely as the next
    expect(r.out).toMatch(/^all\s+3\s+1\.7\s+2\s+1\.5\s+1\.5$/m);
    expect(r.out).toMatch(/^\s+channel = email\s+2\s+2\.0\s+2\s+2\.0\s+2\.0$/m);
    expect(r.out).toMatch(/^\s+channel = letter\s+1\s+1\.0\s+1\s+1\.0\s+1\.0$/m);
    expect(r.out).toContain('For comparison: in the order the facts are declared');
  });

  it('counts a screen as one question, with one more for the owner who answers «no»', async () => {
    const r = await lovkode(['paths', '--rules', join(process.cwd(), 'test/corpus/good/screen.lov'), '--lang', 'en']);
    expect(r.code).toBe(0);
    // Screen yes (1 question); no → not a customer (2); no → ongoing → similar yes/no (3 each).
    // Expected: yes has the chance 1/2 × 1/2, so 1 + 3/4 × (1 + 1/2 × 1) = 2.125.
    expect(r.out).toMatch(/^all\s+4\s+2\.3\s+3\s+2\.1\s+2\.1$/m);
    expect(r.out).toMatch(/^all, without screens\s+3\s+1\.7\s+2\s+1\.5\s+1\.5$/m);
  });
});

describe('diff', () => {
  it('lists exactly the situations an edit changes, with the rules on each side', async () => {
    const before = file('before.lov', PACK('allowed'));
    const after = file('after.lov', PACK('uncertain').replace('  cites mfl "§ 15 første ledd"\n\nrule R3', '  judgement nb "Gyldig?" en "Valid?"\n  cites mfl "§ 15 første ledd"\n\nrule R3'));
    const r = await lovkode(['diff', before, after, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('R2 «Samtykke»\n  When:\n      How? E-mail\n      Has the recipient said yes? Yes\n    before: allowed (R2)\n    now:    uncertain (R2)');
    expect(r.out).toContain('1 situation is decided differently, under 1 rule.');
    const same = await lovkode(['diff', before, before, '--lang', 'en']);
    expect(same.out).toContain('No decision has changed.');
  });
});

describe('test --coverage', () => {
  it('names the rules no example decides by and the conditions no example shows', async () => {
    const r = await lovkode(['test', '--coverage', file('cov.lov', PACK('allowed')), '--lang', 'en']);
    expect(r.out).toContain('rules decided by an example: 33 % (1/3)');
    expect(r.out).toContain('No example is decided by: R2, R3');
  });

  it('reports 100 % for the bundled pack', async () => {
    const r = await lovkode(['test', '--coverage', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/rules decided by an example: 100 %/);
  });
});

describe('build', () => {
  it('writes a standalone module, its types and a schema', async () => {
    const r = await lovkode(['build', '--rules', file('build.lov', PACK('allowed')), '--out', 'out', '--name', 'mine']);
    expect(r.code).toBe(0);
    const mod = (await import(join(tmp, 'out', 'mine.mjs'))) as { decide: (f: object) => { outcome: string } };
    expect(mod.decide({ channel: 'email', hasConsent: true }).outcome).toBe('allowed');
    expect(readFileSync(join(tmp, 'out', 'mine.d.ts'), 'utf8')).toContain(`channel?: "email" | "letter" | null;`);
    expect(JSON.parse(readFileSync(join(tmp, 'out', 'mine.schema.json'), 'utf8')).properties.hasConsent).toEqual({ description: 'Has the recipient said yes?', type: ['boolean', 'null'] });
  });

  it('writes SQL that decides a table on DuckDB', async () => {
    const r = await lovkode(['build', '--rules', file('sql.lov', PACK('allowed')), '--target', 'sql', '--table', 'people', '--key', 'pid', '--out', 'sql']);
    expect(r.code).toBe(0);
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run(`CREATE TABLE people (pid INTEGER, channel TEXT, "hasConsent" BOOLEAN); INSERT INTO people VALUES (1, 'email', FALSE), (2, 'email', NULL), (3, 'letter', NULL)`);
    const rows = (await db.runAndReadAll(readFileSync(join(tmp, 'sql', 'sql.sql'), 'utf8'))).getRowObjectsJS();
    db.closeSync();
    expect(rows.map((x) => [Number(x.pid), x.outcome])).toEqual([[1, 'not_allowed'], [2, null], [3, 'allowed']]);
  });
});

describe('decide --receipt', () => {
  const receipt = (decision: object) => file(`receipt-${Math.random()}.json`, JSON.stringify({ tool: 'lovkode', rulesVersion: 'old', date: '2026-01-01', lang: 'en', facts: { channel: 'email', hasConsent: false }, decision }));

  it('re-decides a receipt on its date and says when the rules have changed since', async () => {
    const rules = file('receipt.lov', PACK('allowed'));
    const r = await lovkode(['decide', '--rules', rules, '--lang', 'en', '--receipt', receipt({ outcome: 'not_allowed', obligations: [] })]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).outcome).toBe('not_allowed');
    expect(r.err).toMatch(/rule pack old; now it is [0-9a-f]{16}/);
  });

  it('exits 1 when the decision now differs from the receipt', async () => {
    const r = await lovkode(['decide', '--rules', file('receipt2.lov', PACK('allowed')), '--lang', 'en', '--receipt', receipt({ outcome: 'allowed', obligations: [] })]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('The decision differs from the receipt (allowed → not_allowed).');
  });

  it('rejects a file that is not a receipt with a stable code', async () => {
    const r = await lovkode(['decide', '--receipt', file('nota.json', '{"x":1}')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/E_BAD_RECEIPT/);
  });
});
