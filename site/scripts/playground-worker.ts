/**
 * The playground's compiler, off the main thread: it holds the published rule files, compiles the
 * edited pack with the public pipeline (`compileWith` over the given sources: load, parse, check,
 * lower, build, analyse, examples — nothing re-implemented here), compares it with the published
 * pack (`diffPacks` and the words of `lovkode diff`), and runs the questionnaire on the edited
 * tables with the site's own step and renderer. A new edit that arrives while a check runs makes
 * the comparison of the old one be skipped. Nothing leaves the browser.
 */
import { compileWith, sourcesHost, type CompileResult } from '../../compiler/compile.ts';
import { diffPacks } from '../../compiler/analyse/diff.ts';
import { describeDiff } from '../../compiler/cli/diff-words.ts';
import type { IRPack } from '../../compiler/ir/types.ts';
import { decide, type Tables } from '../../compiler/runtime/index.ts';
import { readAnswers, answersQuery, todayInNorway, type Answers } from '../lib/answers.ts';
import { qtext, type OutcomeName } from '../lib/qtext.ts';
import { renderError, renderStep, type Links } from '../lib/render.ts';
import type { Lang } from '../lib/routes.ts';
import { questionnaireStep } from '../lib/step.ts';
import { changesView, diagnosticsView, esc, examplesView, findingsView } from '../lib/playground/view.ts';
import type { FromWorker, ToWorker } from '../lib/playground/protocol.ts';
import { playgroundText } from '../lib/playground/text.ts';
import { PLAYGROUND } from '../lib/playground/route.ts';

/** The published rule files, bundled into this worker only. */
const RAW = import.meta.glob('../../rules/*.lov', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const PUBLISHED: Record<string, string> = Object.fromEntries(Object.entries(RAW).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]));
const ENTRY = 'main.lov';
/** How many changed situations the comparison lists (the CLI's `lovkode diff --limit` shows more). */
const DIFF_LIMIT = 60;

const post = (m: FromWorker) => postMessage(m);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

let lang: Lang = 'nb';
let published: { ir: IRPack; tables: Tables } | undefined;
let last: { result: CompileResult; version: number } | undefined;
let file = ENTRY;
let edited = false;
let answers: Answers = {};
let pending: Extract<ToWorker, { type: 'sources' }> | undefined;
let running = false;

/** The per-file panels of the last check, for the file shown. */
function postCheck(): void {
  if (!last) return;
  const t = playgroundText(lang);
  const { result, version } = last;
  const diagnostics = diagnosticsView(result.diagnostics, file, lang, t);
  post({
    type: 'check',
    version,
    count: t.count(diagnostics.errors, diagnostics.warnings),
    diagnostics: diagnostics.html,
    findings: findingsView(result.diagnostics, result.pack !== null, file, lang, t),
    examples: examplesView(result.examples, file, lang, t),
  });
}

/** «Prøv spørsmålene» on the edited tables, with the published rules' answer beside a settled result. */
function postTry(focus: boolean): void {
  const t = playgroundText(lang);
  const tables = last?.result.pack?.tables;
  if (!tables || !published) {
    post({ type: 'try', html: `<p class="pg-none">${esc(t.tryBlocked)}</p>`, focus: false });
    return;
  }
  const date = todayInNorway();
  answers = readAnswers(tables, new URLSearchParams(answersQuery(answers)));
  const step = questionnaireStep(tables, answers, lang, date);
  const links: Links = { answers: (a) => `#q:${answersQuery(a)}`, action: PLAYGROUND[lang], receipt: '', print: false };
  let html = 'error' in step ? renderError(lang, step.error.message, links) : renderStep(step, links);
  // The step sits under the panel's heading (h2): its headings move two levels down; no receipt here.
  html = html
    .replace(/<(\/?)h2\b/g, '<$1h4')
    .replace(/<(\/?)h1\b/g, '<$1h3')
    .replace(/<section class="receipt"[\s\S]*?<\/section>/, '')
    .replace(/<p class="check-list">[\s\S]*?<\/p>/, '');
  if (!('error' in step) && step.state.decision.outcome !== null) {
    const q = qtext(lang);
    // The published rules get the answers they know (a new fact of the edit is not theirs).
    const known = readAnswers(published.tables, new URLSearchParams(answersQuery(step.state.facts)));
    const before = decide(published.tables, known, { lang, date });
    const was = 'error' in before || before.outcome === null ? t.open : q.outcomeShort[before.outcome as OutcomeName];
    const now = q.outcomeShort[step.state.decision.outcome as OutcomeName];
    const same = !('error' in before) && before.outcome === step.state.decision.outcome;
    html = `<div class="pg-compare callout callout-info" data-published-outcome="${esc('error' in before ? '' : (before.outcome ?? ''))}" data-edited-outcome="${esc(step.state.decision.outcome ?? '')}"><p><strong>${esc(same ? t.sameAnswer : t.differentAnswer)}</strong></p><dl><div><dt>${esc(t.published)}</dt><dd>${esc(was)}</dd></div><div><dt>${esc(t.edited)}</dt><dd>${esc(now)}</dd></div></dl></div>${html}`;
  }
  post({ type: 'try', html, focus });
}

/** Compiles the latest edit, posts its panels, then (unless a newer edit waits) what it changes. */
async function check(job: Extract<ToWorker, { type: 'sources' }>): Promise<void> {
  const t = playgroundText(lang);
  file = job.file;
  edited = Object.keys(job.edits).length > 0;
  const result = compileWith([ENTRY], sourcesHost({ ...PUBLISHED, ...job.edits }), {});
  last = { result, version: job.version };
  postCheck();
  postTry(false);
  await tick();
  if (pending) return;
  if (!edited) return post({ type: 'changes', version: job.version, html: `<p class="pg-none">${esc(t.noEdit)}</p>` });
  if (!result.pack || !published) return post({ type: 'changes', version: job.version, html: `<p class="pg-none">${esc(t.changesBlocked)}</p>` });
  post({ type: 'changes', version: job.version, html: `<p class="pg-none">${esc(t.changesWorking)}</p>` });
  await tick();
  if (pending) return;
  const diff = diffPacks(published.ir, result.pack.ir, DIFF_LIMIT);
  post({ type: 'changes', version: job.version, html: changesView(describeDiff(diff, published.ir, result.pack.ir, lang, DIFF_LIMIT), diff.truncated, DIFF_LIMIT, t) });
}

/** Works through the edits, always the newest one. */
async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    while (pending) {
      const job = pending;
      pending = undefined;
      await check(job);
    }
  } catch (error) {
    post({ type: 'failed', message: `${playgroundText(lang).crashed} (${error instanceof Error ? error.message : String(error)})` });
  } finally {
    running = false;
  }
}

onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  if (m.type === 'init') {
    lang = m.lang;
    const base = compileWith([ENTRY], sourcesHost(PUBLISHED), { analyse: false, examples: false });
    if (base.pack) published = { ir: base.pack.ir, tables: base.pack.tables };
    post({ type: 'ready', files: [...base.texts].map(([path, text]) => ({ path, text })) });
  } else if (m.type === 'sources') {
    pending = m;
    void drain();
  } else if (m.type === 'file') {
    file = m.file;
    postCheck();
  } else {
    const tables = last?.result.pack?.tables;
    answers = tables ? readAnswers(tables, new URLSearchParams(m.query)) : {};
    postTry(true);
  }
};
