/**
 * The language server, tested the way an editor uses it: a child process speaking LSP over stdio.
 * A two-file pack (main.lov imports facts.lov) is written to a temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, Hover, Location, TextEdit, WorkspaceEdit, CompletionItem } from 'vscode-languageserver-protocol';

const FACTS = `source mfl "Markedsføringsloven"
  url "https://lovdata.no/lov/2009-01-09-2"
  section url "https://lovdata.no/lov/2009-01-09-2/§{section}"
  status primary

fact channel is one of
  value email label nb "E-post" en "E-mail"
  value sms label nb "SMS" en "Text message"
  question nb "Hvordan vil du kontakte mottakeren?" en "How will you contact the recipient?"

fact hasConsent is true or false
  question nb "Har mottakeren sagt ja?" en "Has the recipient said yes?"
`;

const main = (when: string): string => `import "facts.lov"

rule R1 "Hovedregel"
  then not_allowed
  because nb "Samtykke kreves." en "Consent is needed."
  cites mfl "§ 15"

rule R2 "Unntak"
  exception to R1
  when ${when}
  then allowed
  because nb "Samtykke er gitt." en "Consent was given."
  cites mfl "§ 15"
`;
const GOOD = main('hasConsent and channel = email');
const BAD = main('hasConsent and chanel = email'); // line 10 (0-based 9): an undeclared fact

let dir: string;
let child: ChildProcess;
let rpc: MessageConnection;
const published: Array<{ uri: string; diagnostics: Diagnostic[] }> = [];
let mainUri: string;
let factsUri: string;

/** Waits for the next publishDiagnostics for `uri` after `seen` earlier ones. */
async function nextDiagnostics(uri: string, seen: number): Promise<Diagnostic[]> {
  for (let i = 0; i < 600; i++) {
    const mine = published.filter((p) => p.uri === uri);
    if (mine.length > seen) return mine[mine.length - 1]!.diagnostics;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no diagnostics for ${uri}`);
}
const count = (uri: string): number => published.filter((p) => p.uri === uri).length;
const pos = (line: number, character: number) => ({ line, character });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lovkode-lsp-'));
  writeFileSync(join(dir, 'facts.lov'), FACTS);
  writeFileSync(join(dir, 'main.lov'), GOOD);
  mainUri = pathToFileURL(join(dir, 'main.lov')).href;
  factsUri = pathToFileURL(join(dir, 'facts.lov')).href;
  child = spawn(process.execPath, [join(import.meta.dirname, '../bin/lovkode-lsp.mjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  rpc.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => void published.push(p));
  rpc.listen();
  const init = await rpc.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { language: 'en' } });
  expect(init).toMatchObject({ capabilities: { hoverProvider: true, renameProvider: { prepareProvider: true } } });
  await rpc.sendNotification('initialized', {});
}, 60_000);

afterAll(async () => {
  await rpc.sendRequest('shutdown');
  await rpc.sendNotification('exit');
  rpc.dispose();
  child.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('language server over stdio', () => {
  it('reports a mistake as you type, with line and code, and clears it when fixed', async () => {
    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: mainUri, languageId: 'lov', version: 1, text: BAD } });
    const ds = await nextDiagnostics(mainUri, 0);
    expect(ds.map((d) => d.code), JSON.stringify(ds)).toEqual(['LOV2001']);
    expect(ds[0]).toMatchObject({ code: 'LOV2001', severity: 1, range: { start: { line: 9, character: 22 } } });
    expect(ds[0]!.message).toContain('chanel');
    const seen = count(mainUri);
    await rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: mainUri, version: 2 },
      contentChanges: [{ range: { start: pos(9, 22), end: pos(9, 28) }, text: 'channel' }],
    });
    expect(await nextDiagnostics(mainUri, seen)).toEqual([]);
  }, 60_000);

  it('points a duplicate at the first declaration (related information)', async () => {
    const uri = pathToFileURL(join(dir, 'other', 'dup.lov')).href;
    const fact = 'fact a is true or false\n  question nb "A?" en "A?"\n';
    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'lov', version: 1, text: fact + fact } });
    const ds = (await nextDiagnostics(uri, 0)).filter((d) => d.code === 'LOV2007');
    expect(ds.map((d) => [d.severity, d.range.start.line])).toEqual([[1, 2]]);
    expect(ds[0]!.relatedInformation!.map((r) => [r.location.uri, r.location.range.start.line])).toEqual([[uri, 0]]);
    await rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('hovers a fact with its question and values (declared in the imported file)', async () => {
    const h = (await rpc.sendRequest('textDocument/hover', { textDocument: { uri: mainUri }, position: pos(9, 9) })) as Hover;
    const text = (h.contents as { value: string }).value;
    expect(text).toContain('fact hasConsent');
    expect(text).toContain('Has the recipient said yes?');
    expect(text).toContain('true, false');
  });

  it('goes to a rule from `exception to`', async () => {
    const loc = (await rpc.sendRequest('textDocument/definition', { textDocument: { uri: mainUri }, position: pos(8, 16) })) as Location;
    expect(loc).toEqual({ uri: mainUri, range: { start: pos(2, 5), end: pos(2, 7) } });
  });

  it('finds every reference of a fact across the pack', async () => {
    const refs = (await rpc.sendRequest('textDocument/references', {
      textDocument: { uri: mainUri }, position: pos(9, 24), context: { includeDeclaration: true },
    })) as Location[];
    expect(refs.map((r) => [r.uri === factsUri ? 'facts' : 'main', r.range.start.line]).sort()).toEqual([['facts', 5], ['main', 9]]);
  });

  it('completes the values of a fact after `channel = `', async () => {
    await rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: mainUri, version: 3 },
      contentChanges: [{ range: { start: pos(9, 32), end: pos(9, 37) }, text: '' }],
    });
    const items = (await rpc.sendRequest('textDocument/completion', { textDocument: { uri: mainUri }, position: pos(9, 32) })) as CompletionItem[];
    expect(items.map((i) => i.label)).toEqual(['email', 'sms']);
    await rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: mainUri, version: 4 },
      contentChanges: [{ range: { start: pos(9, 32), end: pos(9, 32) }, text: 'email' }],
    });
  });

  it('renames a fact in every file of the pack', async () => {
    const edit = (await rpc.sendRequest('textDocument/rename', { textDocument: { uri: mainUri }, position: pos(9, 9), newName: 'consentGiven' })) as WorkspaceEdit;
    const lines = (uri: string) => edit.changes![uri]!.map((e) => [e.range.start.line, e.newText]);
    expect(lines(mainUri)).toEqual([[9, 'consentGiven']]);
    expect(lines(factsUri)).toEqual([[10, 'consentGiven']]);
    await expect(rpc.sendRequest('textDocument/rename', { textDocument: { uri: mainUri }, position: pos(9, 9), newName: 'not a name' })).rejects.toThrow(/not a valid name/);
  });

  it('runs the examples and whole-pack analyses on save, not while typing', async () => {
    const uri = pathToFileURL(join(dir, 'main.lov')).href;
    const example = '\nexample "Med samtykke"\n  given consentGiven = true, channel = email\n  expect not_allowed\n';
    const text = main('consentGiven and channel = email').replace('import "facts.lov"', 'import "renamed.lov"') + example;
    writeFileSync(join(dir, 'renamed.lov'), FACTS.replace('hasConsent', 'consentGiven'));
    let seen = count(uri);
    await rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text }] });
    expect(await nextDiagnostics(uri, seen)).toEqual([]);
    seen = count(uri);
    await rpc.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const ds = await nextDiagnostics(uri, seen);
    expect(ds.map((d) => [d.code, d.range.start.line])).toEqual([['LOV5001', 14]]);
  });

  it('formats a document with the compiler formatter', async () => {
    const uri = pathToFileURL(join(dir, 'messy.lov')).href;
    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'lov', version: 1, text: 'fact   a is true or false question nb "A?" en "A?"\n' } });
    const edits = (await rpc.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
    expect(edits).toHaveLength(1);
    expect(edits[0]!.newText).toBe('fact a is true or false\n  question nb "A?" en "A?"\n');
  });
});

describe('hover texts', () => {
  it("shows a rule's outcome and reason, and a citation's statute text when the pack declares one", async () => {
    const { parse } = await import('../compiler/parser/index.ts');
    const { indexPack } = await import('../compiler/lsp/names.ts');
    const { citationHover, hoverText } = await import('../compiler/lsp/hover.ts');
    const file = parse(FACTS + main('hasConsent').replace('import "facts.lov"\n', ''), 'p.lov').file;
    // A `statute` declaration as the language writes it (`statute mfl "§ 15" primary text "…"`).
    const statute = { kind: 'statute', source: { text: 'mfl' }, pinpoint: { value: '§  15' }, text: { value: 'I næringsvirksomhet\n  er det forbudt …' } };
    const index = indexPack([{ ...file, declarations: [...file.declarations, statute as never] }]);
    const r2 = index.symbols.get('R2')!;
    expect(hoverText(index, r2)).toContain('Outcome: `allowed`');
    expect(hoverText(index, r2)).toContain('Because: Samtykke er gitt. / Consent was given.');
    expect(hoverText(index, r2)).toContain('> I næringsvirksomhet er det forbudt …');
    const cite = (r2.decl as { citations: Parameters<typeof citationHover>[1][] }).citations[0]!;
    expect(citationHover(index, cite)).toContain('> I næringsvirksomhet er det forbudt …');
    expect(citationHover(index, { ...cite, pinpoint: { ...cite.pinpoint, value: '§ 16' } })).toContain('no statute text');
  });
});

describe('completion contexts', () => {
  it('offers what fits the clause being written', async () => {
    const { parse } = await import('../compiler/parser/index.ts');
    const { indexPack } = await import('../compiler/lsp/names.ts');
    const { completions } = await import('../compiler/lsp/complete.ts');
    const index = indexPack([parse(FACTS + main('hasConsent').replace('import "facts.lov"\n', ''), 'p.lov').file]);
    const labels = (before: string) => completions(index, before).map((i) => i.label).sort();
    expect(labels('  exception to ')).toEqual(['R1', 'R2']);
    expect(labels('  prevails over R1, ')).toEqual(['R1', 'R2']);
    expect(labels('  when channel in {email, ')).toEqual(['email', 'sms']);
    expect(labels('  when channel not in {')).toEqual(['email', 'sms']);
    expect(labels('  given hasConsent = ')).toEqual(['false', 'true']);
    expect(labels('  then ')).toEqual(['allowed', 'allowed_with_conditions', 'not_allowed', 'uncertain', 'undecided']);
    expect(labels('  cites ')).toEqual(['mfl']);
    expect(labels('  when ')).toEqual(['channel', 'hasConsent']);
  });
});

describe('screens in the editor index', () => {
  it('counts the facts and values a screen confirms as references, so find references and rename reach them', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('../compiler/parser/index.ts');
    const { indexPack } = await import('../compiler/lsp/names.ts');
    const text = readFileSync('test/corpus/good/screen.lov', 'utf8');
    const index = indexPack([parse(text, 'screen.lov').file]);
    const lines = text.split('\n');
    const confirmsLine = (fact: string) => lines.findIndex((l) => l.includes(`confirms ${fact} =`)) + 1;
    const uses = (key: string) => index.occurrences.filter((o) => o.key === key && !o.isDeclaration).map((o) => o.range.start.line);
    expect(uses('productSimilar')).toContain(confirmsLine('productSimilar'));
    expect(uses('customerRelationship')).toContain(confirmsLine('customerRelationship'));
    expect(uses('customerRelationship.ongoing')).toContain(confirmsLine('customerRelationship'));
  });
});
