/**
 * The `lovkode` command line: the real binary (`node bin/lovkode.mjs`) for what only a process can
 * show (exit codes, no stack traces, the tsx shim), and `run(argv, io)` in-process for the rest.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../compiler/cli/main.ts';
import { lovkode } from './support/cli.ts';
import { COMMANDS } from '../compiler/cli/commands.ts';
import { csvRecords, type CsvRecord } from '../compiler/cli/csv.ts';
import type { Line } from '../compiler/cli/lines.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'lovkode.mjs');

interface Scenario {
  id: string;
  facts: Record<string, string | boolean>;
  expected: string;
  obligations: string[];
  rule: string;
}
const SCENARIOS = (JSON.parse(readFileSync(fileURLToPath(new URL('./data/legal/scenarios.json', import.meta.url)), 'utf8')) as { scenarios: Scenario[] }).scenarios;
const withConditions = SCENARIOS.find((s) => s.expected === 'ALLOWED_WITH_CONDITIONS' && s.obligations.length > 0)!;
const notAllowed = SCENARIOS.find((s) => s.expected === 'NOT_ALLOWED')!;

function spawn(args: string[], input = '', cwd = ROOT): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const inProcess = (args: string[], input = '', cwd = ROOT) => lovkode(args, input, cwd);

const tmp = mkdtempSync(join(tmpdir(), 'lovkode-cli-'));
function tmpFile(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

/** A small valid pack (one file) for --rules, fmt and test. */
const SMALL = `source mfl "Markedsføringsloven"
  url "https://lovdata.no/lov/2009-01-09-2"
  section url "https://lovdata.no/lov/2009-01-09-2/§{section}"
  status primary

fact hasConsent is true or false
  question nb "Har mottakeren sagt ja?" en "Has the recipient said yes?"

rule R1 "Hovedregel"
  when not hasConsent
  then not_allowed
  because nb "Uten samtykke er det ikke lov." en "Without consent it is not allowed."
  cites mfl "§ 15 første ledd"

rule R2 "Samtykke"
  when hasConsent
  then allowed
  because nb "Med samtykke er det lov." en "With consent it is allowed."
  cites mfl "§ 15 første ledd"

example "Uten samtykke"
  given hasConsent = false
  expect not_allowed

example "Feil med vilje"
  given hasConsent = true
  expect not_allowed
`;

const noStack = (text: string): void => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

// Each spawn starts Node, tsx and (for decide) compiles the bundled pack: seconds on a busy machine.
describe('the binary', { timeout: 30_000 }, () => {
  it('prints the command list with --help, in bokmål by default and in English with --lang en', () => {
    const nb = spawn(['--help']);
    expect(nb.code).toBe(0);
    for (const c of COMMANDS) expect(nb.out).toContain(c.name);
    expect(nb.out).toContain('Kommandoer');
    const en = spawn(['--lang', 'en', '--help']);
    expect(en.code).toBe(0);
    expect(en.out).toContain('Commands');
  });

  it('rejects an unknown command with exit 2, a suggestion and the valid choices, without a stack trace', () => {
    const r = spawn(['chek']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^lovkode: E_UNKNOWN_COMMAND: /);
    expect(r.err).toContain('«check»');
    for (const c of COMMANDS) expect(r.err).toContain(c.name);
    noStack(r.err);
  });

  it('checks a file with errors: exit 1, the code and line:col in the output, no stack trace', () => {
    const bad = tmpFile('bad.lov', 'fact hasConsent is true or false\n  question nb "Ja?" en "Yes?"\n\nrule R1 "x"\n  when hasConsnt\n  then allowed\n');
    const r = spawn(['check', bad], '', tmp);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/LOV\d{4}/);
    expect(r.out).toMatch(/bad\.lov:5:\d+/);
    noStack(r.out + r.err);
  });

  it('decides a scenario from the legal spec and prints exactly the decision contract', () => {
    const r = spawn(['decide', '--facts', JSON.stringify(withConditions.facts)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const d = JSON.parse(lines[0]!);
    expect(Object.keys(d)).toEqual(['outcome', 'obligations', 'reasons', 'citations', 'missing']);
    expect(d.outcome).toBe(withConditions.expected.toLowerCase());
    expect(d.obligations.map((o: { code: string }) => o.code).sort()).toEqual([...withConditions.obligations].sort());
    for (const o of d.obligations) expect(Object.keys(o)).toEqual(['code', 'text', 'citations']);
    for (const r2 of d.reasons) expect(Object.keys(r2).slice(0, 3)).toEqual(['rule', 'text', 'citations']);
    for (const c of d.citations) expect(Object.keys(c).sort()).toEqual(['ref', 'source', 'status', 'title', 'url']);
    expect(d.missing).toEqual([]);
  });

  it('decides a batch in order, puts an error on the bad line and goes on, then exits 2', () => {
    const input = [JSON.stringify(notAllowed.facts), '{"channel": "carrier_pigeon"}', 'not json', JSON.stringify(withConditions.facts)].join('\n');
    const r = spawn(['decide', '--batch'], `${input}\n`);
    expect(r.code).toBe(2);
    const lines = r.out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].outcome).toBe('not_allowed');
    expect(lines[1].error).toMatchObject({ code: 'E_BAD_VALUE', field: 'channel', line: 2 });
    expect(lines[1].error.choices).toContain('email');
    expect(lines[2].error).toMatchObject({ code: 'E_BAD_JSON', line: 3 });
    expect(lines[3].outcome).toBe('allowed_with_conditions');
  });
});

describe('help and the command line', () => {
  it.each(COMMANDS.map((c) => c.name))('«%s --help» exists in both languages', async (name) => {
    const nb = await inProcess([name, '--help']);
    const en = await inProcess([name, '--help', '--lang', 'en']);
    expect(nb.code).toBe(0);
    expect(en.code).toBe(0);
    expect(nb.out).toMatch(/^Bruk: lovkode /);
    expect(en.out).toMatch(/^Usage: lovkode /);
    expect(nb.out).toContain('Exit-koder');
    expect(en.out).toContain('Exit codes');
  });

  it('rejects an unknown flag with the valid flags and exit 2', async () => {
    const r = await inProcess(['check', '--strikt', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^lovkode: E_UNKNOWN_FLAG: Unknown flag “--strikt”\. Did you mean “--strict”\? Valid flags here: .*--help.*--format/);
  });

  it('rejects a bad flag value with its choices', async () => {
    const r = await inProcess(['check', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('E_BAD_FLAG_VALUE');
    expect(r.err).toContain('«text», «json»');
  });

  it('without a command prints the overview to stderr and exits 2', async () => {
    const r = await inProcess([]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('decide');
  });

  it('rejects a bad --date with the expected format, and impossible dates too', async () => {
    for (const date of ['01.03.2025', '2025-02-30']) {
      const r = await inProcess(['decide', '--date', date, '--facts', '{}']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/E_BAD_DATE: .*ÅÅÅÅ-MM-DD/);
    }
  });

  it('needs exactly one of --facts, --batch, --csv', async () => {
    expect((await inProcess(['decide'])).err).toContain('E_MISSING_FLAG');
    expect((await inProcess(['decide', '--batch', '--csv'])).err).toContain('E_CONFLICTING_FLAGS');
    expect((await inProcess(['decide', '{"a":1}'])).err).toContain('E_UNEXPECTED_ARGUMENT');
  });
});

describe('decide', { timeout: 15_000 }, () => {
  it('answers bad --facts JSON with the error object and exit 2', async () => {
    const r = await inProcess(['decide', '--facts', '{channel: email}']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error.code).toBe('E_BAD_JSON');
    const arr = await inProcess(['decide', '--facts', '[]', '--lang', 'en']);
    expect(JSON.parse(arr.out).error).toMatchObject({ code: 'E_NOT_AN_OBJECT' });
  });

  it('names an unknown fact with the valid ones', async () => {
    const r = await inProcess(['decide', '--facts', '{"chanel":"email"}']);
    expect(r.code).toBe(2);
    const e = JSON.parse(r.out).error;
    expect(e).toMatchObject({ code: 'E_UNKNOWN_FACT', field: 'chanel' });
    expect(e.choices).toContain('channel');
    expect(e.message).toContain('«channel»');
  });

  it('leaves the outcome open with the missing facts when facts are partial', async () => {
    const r = await inProcess(['decide', '--facts', '{}']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.outcome).toBeNull();
    expect(d.missing.length).toBeGreaterThan(0);
  });

  it('decides every scenario of the legal spec through --batch, in order', async () => {
    const input = SCENARIOS.map((s) => JSON.stringify(s.facts)).join('\n');
    const r = await inProcess(['decide', '--batch', '--date', '2025-06-01'], `${input}\n`);
    expect(r.code).toBe(0);
    const got = r.out.trimEnd().split('\n').map((l) => JSON.parse(l) as { outcome: string; obligations: { code: string }[] });
    expect(got.map((d) => d.outcome)).toEqual(SCENARIOS.map((s) => s.expected.toLowerCase()));
    expect(got.map((d) => d.obligations.map((o) => o.code).sort())).toEqual(SCENARIOS.map((s) => [...s.obligations].sort()));
  });

  it('keeps line numbering in a batch: a blank line gives a blank line', async () => {
    const r = await inProcess(['decide', '--batch'], `{}\n\n{"x":1}\n`);
    expect(r.code).toBe(2);
    const lines = r.out.split('\n');
    expect(lines[1]).toBe('');
    expect(JSON.parse(lines[2]!).error).toMatchObject({ code: 'E_UNKNOWN_FACT', line: 3 });
  });

  it('decides CSV rows: header of fact names, empty cell = unknown, true/false, quoted cells', async () => {
    const names = Object.keys(notAllowed.facts);
    const row = (facts: Record<string, string | boolean>): string => names.map((n) => `"${String(facts[n])}"`).join(',');
    const partial = names.map((n) => (n === 'channel' ? 'email' : '')).join(',');
    const input = [names.join(','), row(notAllowed.facts), partial, 'a,b', row(withConditions.facts)].join('\r\n');
    const r = await inProcess(['decide', '--csv'], `${input}\r\n`);
    expect(r.code).toBe(2);
    const lines = r.out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].outcome).toBe('not_allowed');
    expect(lines[1].outcome).toBeNull();
    expect(lines[2].error).toMatchObject({ code: 'E_BAD_CSV', line: 4 });
    expect(lines[3].outcome).toBe('allowed_with_conditions');
  });

  it('stops at a CSV header that names an unknown fact', async () => {
    const r = await inProcess(['decide', '--csv'], 'channel,colour\nemail,red\n');
    expect(r.code).toBe(2);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).error).toMatchObject({ code: 'E_UNKNOWN_FACT', field: 'colour', line: 1 });
  });

  it('streams a batch: a line is answered before the next one arrives', async () => {
    const small = tmpFile('stream.lov', SMALL);
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const answers: string[] = [];
    let waiting: (() => void) | undefined;
    stdout.on('data', (c: Buffer) => {
      answers.push(...c.toString('utf8').split('\n').filter(Boolean));
      waiting?.();
    });
    const nextAnswer = (n: number): Promise<void> =>
      new Promise((resolve) => {
        waiting = () => answers.length >= n && resolve();
        waiting();
      });
    const done = run(['decide', '--rules', small, '--batch'], { stdin, stdout, stderr: new PassThrough(), cwd: tmp, color: false });
    stdin.write('{"hasConsent":true}\n');
    await nextAnswer(1);
    expect(JSON.parse(answers[0]!).outcome).toBe('allowed');
    stdin.write('{"hasConsent":false}\n');
    await nextAnswer(2);
    expect(JSON.parse(answers[1]!).outcome).toBe('not_allowed');
    stdin.end();
    expect(await done).toBe(0);
  });

  it('decides with --rules and fails with exit 1 when those rules have errors', async () => {
    const small = tmpFile('small.lov', SMALL);
    const ok = await inProcess(['decide', '--rules', small, '--facts', '{"hasConsent":true}']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).outcome).toBe('allowed');
    const broken = tmpFile('broken.lov', SMALL.replace('when hasConsent\n', 'when hasConsnt\n'));
    const bad = await inProcess(['decide', '--rules', broken, '--facts', '{}']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('E_RULES_INVALID');
  });
});

describe('explain', () => {
  it('says the answer in plain words, why with citations, and what to do', async () => {
    const r = await inProcess(['explain', '--facts', JSON.stringify(withConditions.facts)]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Svar: Ja, dette er lov, men/);
    expect(r.out).toContain('Hvorfor');
    expect(r.out).toContain('https://');
    expect(r.out).toContain('Dette må du gjøre');
    for (const code of withConditions.obligations) expect(r.out).toContain(`(${code})`);
  });

  it('lists the questions that remain when the answer is open, in English with --lang en', async () => {
    const r = await inProcess(['explain', '--lang', 'en', '--facts', '{}']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Answer: Not settled yet/);
    expect(r.out).toContain('Questions that remain');
    expect(r.out).toMatch(/1\. .+\?/);
  });

  it('shows the judgement needed and marks unverified citations', async () => {
    const pack = tmpFile(
      'uncertain.lov',
      `source veil "Veiledning"
  url "https://example.org/veil"
  status secondary

fact old is true or false
  question nb "Er samtykket gammelt?" en "Is the consent old?"

rule R1 "Gammelt samtykke"
  when old
  then uncertain
  because nb "Det kan ha falt bort." en "It may have lapsed."
  judgement nb "Har samtykket falt bort?" en "Has the consent lapsed?"
  cites veil "pkt. 2.6" unverified

rule R2 "Nytt samtykke"
  when not old
  then allowed
  because nb "Det er greit." en "It is fine."
  cites veil "pkt. 2.5"
`,
    );
    const nb = await inProcess(['explain', '--rules', pack, '--facts', '{"old":true}']);
    expect(nb.code).toBe(0);
    expect(nb.out).toMatch(/^Svar: Det kommer an på en juridisk vurdering/);
    expect(nb.out).toContain('Vurdering som trengs: Har samtykket falt bort?');
    expect(nb.out).toContain('veil pkt. 2.6 (ikke verifisert) — https://example.org/veil');
    const en = await inProcess(['explain', '--rules', pack, '--lang', 'en', '--facts', '{"old":false}']);
    expect(en.out).toMatch(/^Answer: Yes, this is allowed\./);
    expect(en.out).not.toContain('unverified');
  });

  it('rejects invalid facts with a one-line error and exit 2', async () => {
    const r = await inProcess(['explain', '--facts', '{"channel":"pigeon"}', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^lovkode: E_BAD_VALUE: "pigeon" is not a valid value of “channel”/);
  });
});

describe('test and fmt on a small pack', () => {
  it('reports examples like a test runner', async () => {
    const small = tmpFile('examples.lov', SMALL);
    const r = await inProcess(['test', small], '', tmp);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^examples\.lov$/m);
    expect(r.out).toContain('✓ Uten samtykke');
    expect(r.out).toMatch(/✗ Feil med vilje \(examples\.lov:\d+:\d+\)/);
    expect(r.out).toMatch(/utfall: ventet not_allowed\n\s+fikk allowed/);
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('1 bestått, 1 feilet');
  });

  it('fmt --check lists a file that would change and writes nothing; fmt then formats it', async () => {
    const messy = SMALL.replace('  then not_allowed', 'then    not_allowed');
    const file = tmpFile('messy.lov', messy);
    const check = await inProcess(['fmt', '--check', file], '', tmp);
    expect(check.code).toBe(1);
    expect(check.out).toBe('messy.lov\n');
    expect(readFileSync(file, 'utf8')).toBe(messy);
    const fmt = await inProcess(['fmt', file], '', tmp);
    expect(fmt.code).toBe(0);
    expect((await inProcess(['fmt', '--check', file], '', tmp)).code).toBe(0);
  });

  it('fmt never writes a file with syntax errors', async () => {
    const text = 'rule R1 "x"\n  then\n  because nb "a" en\n';
    const file = tmpFile('syntax.lov', text);
    const r = await inProcess(['fmt', file], '', tmp);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/LOV1\d{3}/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('fmt reports a missing file before touching anything', async () => {
    const r = await inProcess(['fmt', 'nope.lov'], '', tmp);
    expect(r.code).toBe(2);
    expect(r.err).toContain('E_FILE_NOT_FOUND');
  });
});

describe('CSV reading', () => {
  const group = (texts: string[]): AsyncGenerator<Line[]> =>
    (async function* () {
      yield texts.map((text, i) => ({ n: i + 1, text }));
    })();
  const read = async (texts: string[]): Promise<CsvRecord[]> => {
    const records: CsvRecord[] = [];
    for await (const rs of csvRecords(group(texts))) records.push(...rs);
    return records;
  };

  it('splits quoted cells with separators, doubled quotes and trims bare cells', async () => {
    const records = await read(['x,y,z,w', ' a ,"b, c","say ""hi""",']);
    expect(records[1]).toEqual({ line: 2, cells: ['a', 'b, c', 'say "hi"', ''] });
  });

  it('joins a quoted cell across lines, uses ; when the header does, and reports an unclosed quote', async () => {
    const records = await read(['\uFEFFx;y', '1;"two', 'lines"', '', '3;"open']);
    expect(records[0]).toEqual({ line: 1, cells: ['x', 'y'] });
    expect(records[1]).toEqual({ line: 2, cells: ['1', 'two\nlines'] });
    expect(records[2]).toEqual({ line: 4, cells: null });
    expect(records[3]).toMatchObject({ line: 5, cells: null });
    expect(records[3]!.error).toBeDefined();
  });
});
