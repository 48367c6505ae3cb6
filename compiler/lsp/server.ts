/**
 * The `.lov` language server (LSP over stdio): diagnostics as you type and the whole-pack analyses
 * on save, hover, definition, references, completion, rename and formatting. Every answer comes
 * from the compiler through compile.ts; this file only translates to and from the protocol.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import {
  CompletionItemKind,
  DiagnosticSeverity,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type Location,
  type Range as LspRange,
  type TextDocumentPositionParams,
  TextDocumentSyncKind,
  TextDocuments,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Citation, Range } from '../ast/types.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { compileDocument, formatDocument } from './compile.ts';
import { completions } from './complete.ts';
import { citationHover, hoverText } from './hover.ts';
import { contains, indexPack, occurrenceAt, type PackIndex } from './names.ts';

type Lang = 'nb' | 'en';
/** Quiet time after a keystroke before the pack is checked again (the rules/ pack takes ~150 ms). */
const DEBOUNCE_MS = 150;
const toPath = (uri: string): string => resolve(fileURLToPath(uri));
const toUri = (path: string): string => pathToFileURL(path).href;
const lspRange = (r: Range): LspRange => ({
  start: { line: r.start.line - 1, character: r.start.column - 1 },
  end: { line: r.end.line - 1, character: r.end.column - 1 },
});
const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };
const KIND = {
  fact: CompletionItemKind.Variable,
  condition: CompletionItemKind.Function,
  rule: CompletionItemKind.Class,
  obligation: CompletionItemKind.Constant,
  obligationSet: CompletionItemKind.Module,
  source: CompletionItemKind.Reference,
  value: CompletionItemKind.EnumMember,
  keyword: CompletionItemKind.Keyword,
};

/** One compiler diagnostic in the protocol's shape (message in the chosen language, hint appended). */
function toLsp(d: Diagnostic, lang: Lang): LspDiagnostic {
  const hint = d.hint ? `\n${d.hint[lang]}` : '';
  return {
    range: lspRange(d.range),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'lovkode',
    message: d.message[lang] + hint,
    relatedInformation: d.related.map((r) => ({ location: { uri: toUri(r.range.file), range: lspRange(r.range) }, message: r.message[lang] })),
  };
}

/** Wires the server's handlers onto a connection and starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let lang: Lang = 'nb';
  const published = new Set<string>(); // URIs with diagnostics on screen
  const indexes = new Map<string, PackIndex>(); // by document path: the last index of its pack

  const openTexts = (): Map<string, string> => new Map(documents.all().map((d) => [toPath(d.uri), d.getText()]));

  const validate = (doc: TextDocument, full: boolean): void => {
    const path = toPath(doc.uri);
    const result = compileDocument(path, openTexts(), full);
    const index = indexPack(result.files);
    for (const f of result.files) indexes.set(f.file, index);
    indexes.set(path, index);
    const byUri = new Map<string, LspDiagnostic[]>([[doc.uri, []]]);
    for (const f of result.files) byUri.set(toUri(f.file), []);
    for (const d of result.diagnostics) {
      const uri = toUri(d.range.file);
      byUri.set(uri, [...(byUri.get(uri) ?? []), toLsp(d, lang)]);
    }
    for (const [uri, diagnostics] of byUri) {
      void connection.sendDiagnostics({ uri, diagnostics });
      if (diagnostics.length) published.add(uri);
      else published.delete(uri);
    }
  };

  const indexFor = (uri: string): PackIndex => {
    const path = toPath(uri);
    let index = indexes.get(path);
    if (!index) {
      index = indexPack(compileDocument(path, openTexts(), false).files);
      indexes.set(path, index);
    }
    return index;
  };

  const at = (p: TextDocumentPositionParams) => {
    const index = indexFor(p.textDocument.uri);
    const file = toPath(p.textDocument.uri);
    const occ = occurrenceAt(index, file, p.position.line + 1, p.position.character + 1);
    return { index, file, occ, sym: occ ? index.symbols.get(occ.key) : undefined };
  };

  const locations = (index: PackIndex, key: string, withDecl: boolean): Location[] =>
    index.occurrences
      .filter((o) => o.key === key && (withDecl || !o.isDeclaration))
      .map((o) => ({ uri: toUri(o.range.file), range: lspRange(o.range) }));

  connection.onInitialize((params) => {
    const opts = params.initializationOptions as { language?: string } | undefined;
    if (opts?.language === 'en' || (!opts?.language && params.locale?.startsWith('en'))) lang = 'en';
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { triggerCharacters: ['=', '{', ' ', ','] },
        renameProvider: { prepareProvider: true },
        documentFormattingProvider: true,
      },
      serverInfo: { name: 'lovkode' },
    };
  });

  // Typing: one quick check (syntax, names, types) once the keys have rested for DEBOUNCE_MS.
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  documents.onDidChangeContent((e) => {
    clearTimeout(pending.get(e.document.uri));
    pending.set(e.document.uri, setTimeout(() => {
      pending.delete(e.document.uri);
      const doc = documents.get(e.document.uri);
      if (doc) validate(doc, false);
    }, DEBOUNCE_MS));
  });
  documents.onDidSave((e) => validate(e.document, true));
  documents.onDidClose((e) => {
    if (published.delete(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover((p) => {
    const { index, file, sym } = at(p);
    if (sym) return { contents: { kind: 'markdown', value: hoverText(index, sym) } };
    const line = p.position.line + 1;
    const column = p.position.character + 1;
    const cites = index.declarations.flatMap((d) => ((d as { citations?: Citation[] }).citations ?? []));
    const c = cites.find((x) => contains(x.range, file, line, column));
    return c ? { contents: { kind: 'markdown', value: citationHover(index, c) } } : null;
  });

  connection.onDefinition((p) => {
    const { sym } = at(p);
    return sym ? { uri: toUri(sym.range.file), range: lspRange(sym.range) } : null;
  });

  connection.onReferences((p) => {
    const { index, occ } = at(p);
    return occ ? locations(index, occ.key, p.context.includeDeclaration) : [];
  });

  connection.onCompletion((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return [];
    const before = doc.getText({ start: { line: p.position.line, character: 0 }, end: p.position });
    return completions(indexFor(p.textDocument.uri), before).map((i) => ({ label: i.label, kind: KIND[i.kind], detail: i.detail }));
  });

  connection.onPrepareRename((p) => {
    const { occ } = at(p);
    return occ ? lspRange(occ.range) : null;
  });

  connection.onRenameRequest((p) => {
    const { index, occ } = at(p);
    if (!occ) return null;
    if (!/^[A-Za-z_æøåÆØÅ][A-Za-z0-9_æøåÆØÅ]*$/.test(p.newName)) {
      throw new Error(lang === 'nb' ? `«${p.newName}» er ikke et gyldig navn.` : `«${p.newName}» is not a valid name.`);
    }
    const changes: NonNullable<WorkspaceEdit['changes']> = {};
    for (const loc of locations(index, occ.key, true)) (changes[loc.uri] ??= []).push({ range: loc.range, newText: p.newName });
    return { changes };
  });

  connection.onDocumentFormatting((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return [];
    const text = formatDocument(doc.getText(), toPath(doc.uri));
    if (text === null || text === doc.getText()) return [];
    return [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, newText: text }];
  });

  documents.listen(connection);
  connection.listen();
}
