/**
 * The playground's result panels as HTML strings, built in the worker from what the compiler gives
 * (diagnostics, example results, the diff in words of `lovkode diff`) and put in place by the page.
 * Every place is a button with `data-file` and `data-offset`, so the page can move the caret there.
 */
import type { Diagnostic } from '../../../compiler/diagnostics/types.ts';
import type { ExampleResult } from '../../../compiler/evaluate/examples.ts';
import { actual, expected } from '../../../compiler/check/example-results.ts';
import type { DiffWords, SituationInWords, AnswerInWords } from '../../../compiler/cli/diff-words.ts';
import type { Range } from '../../../compiler/ast/types.ts';
import type { Lang } from '../routes.ts';
import type { PlaygroundText } from './text.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML. */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** A button that moves the caret to a place (in this file or another). */
function place(range: Range, label: string, current: string): string {
  const hidden = range.file === current ? '' : ` data-other-file`;
  return `<button type="button" class="pg-place" data-file="${esc(range.file)}" data-offset="${range.start.offset}"${hidden}>${esc(label)}</button>`;
}

/** A hint: its first line as a sentence, an example block under it as code. */
function hintHtml(hint: string): string {
  const [lead, ...block] = hint.split('\n');
  return `<p class="pg-hint">${esc(lead!)}</p>${block.length > 0 ? `<pre class="pg-block" tabindex="0"><code>${esc(block.join('\n'))}</code></pre>` : ''}`;
}

/** One diagnostic: severity in words, place, message, hint and related places. */
function diagnosticHtml(d: Diagnostic, lang: Lang, t: PlaygroundText, current: string): string {
  const where = d.range.file === current ? t.at(d.range.start.line, d.range.start.column) : t.inFile(d.range.file, d.range.start.line);
  const related = d.related.length
    ? `<ul class="pg-related">${d.related.map((r) => `<li>${place(r.range, r.range.file === current ? t.at(r.range.start.line, r.range.start.column) : t.inFile(r.range.file, r.range.start.line), current)} ${esc(r.message[lang])}</li>`).join('')}</ul>`
    : '';
  const sev = d.severity === 'error' ? t.error : d.severity === 'warning' ? t.warning : t.info;
  return `<li class="pg-diag pg-${d.severity}" data-code="${esc(d.code)}" data-line="${d.range.start.line}"><p class="pg-diag-head"><span class="pg-sev">${esc(sev)}</span> ${place(d.range, where, current)} <code class="pg-code">${esc(d.code)}</code></p><p class="pg-message">${esc(d.message[lang])}</p>${d.hint ? hintHtml(d.hint[lang]) : ''}${related}</li>`;
}

const isFinding = (d: Diagnostic): boolean => d.code.startsWith('LOV4');
const isExample = (d: Diagnostic): boolean => d.code.startsWith('LOV50');

/** The diagnostics of the file shown (names, types, syntax; not the whole-pack findings), then those of other files. */
export function diagnosticsView(all: readonly Diagnostic[], current: string, lang: Lang, t: PlaygroundText): { html: string; errors: number; warnings: number } {
  const own = all.filter((d) => !isFinding(d) && d.range.file === current);
  const others = all.filter((d) => !isFinding(d) && !isExample(d) && d.range.file !== current);
  const errors = own.filter((d) => d.severity === 'error').length;
  const warnings = own.filter((d) => d.severity === 'warning').length;
  const list = (ds: Diagnostic[]) => `<ol class="pg-diags">${ds.map((d) => diagnosticHtml(d, lang, t, current)).join('')}</ol>`;
  const html = `${own.length ? list(own) : `<p class="pg-none">${esc(t.noDiagnostics)}</p>`}${others.length ? `<h3>${esc(t.otherFiles)}</h3>${list(others)}` : ''}`;
  return { html, errors, warnings };
}

/** Gaps, conflicts and rules that never apply over the whole pack, one per cause, grouped by kind. */
export function findingsView(all: readonly Diagnostic[], analysed: boolean, current: string, lang: Lang, t: PlaygroundText): string {
  if (!analysed) return `<p class="pg-none">${esc(t.findingsBlocked)}</p>`;
  const findings = all.filter(isFinding);
  if (findings.length === 0) return `<p class="pg-none pg-good">${esc(t.noFindings)}</p>`;
  const kind = (code: string): keyof PlaygroundText['kinds'] =>
    code === 'LOV4001' || code === 'LOV4020' ? 'gap' : code === 'LOV4002' ? 'conflict' : ['LOV4003', 'LOV4010', 'LOV4021'].includes(code) ? 'dead' : 'other';
  return (['gap', 'conflict', 'dead', 'other'] as const)
    .map((k) => {
      const group = findings.filter((d) => kind(d.code) === k);
      return group.length ? `<h3 data-kind="${k}">${esc(t.kinds[k])} (${group.length})</h3><ol class="pg-diags">${group.map((d) => diagnosticHtml(d, lang, t, current)).join('')}</ol>` : '';
    })
    .join('');
}

/** The file's examples as tests: the failing ones with what differed, then the passing ones. */
export function examplesView(results: readonly ExampleResult[] | undefined, current: string, lang: Lang, t: PlaygroundText): string {
  if (!results) return `<p class="pg-none">${esc(t.examplesBlocked)}</p>`;
  const mine = results.filter((r) => r.range.file === current);
  if (mine.length === 0) return `<p class="pg-none">${esc(t.noExamples)}</p>`;
  const failed = mine.filter((r) => !r.passed);
  const passed = mine.filter((r) => r.passed);
  const item = (r: ExampleResult) => {
    const status = r.passed ? t.passed : t.failed;
    const what = r.failures.map((f) => `<li>${esc(t.expectedGot(expected(f)[lang], actual(f)[lang]))}</li>`).join('');
    const fix = r.unnamed ? `<p class="pg-hint">${esc(t.passesWith(`given ${r.unnamed.map((u) => `${u.fact} = ${u.value}`).join(', ')}`))}</p>` : '';
    return `<li class="pg-example ${r.passed ? 'pg-pass' : 'pg-fail'}"><p><span class="pg-sev">${esc(status)}</span> ${place(r.range, r.name, current)} <span class="pg-line">${esc(t.at(r.range.start.line, r.range.start.column))}</span></p>${what ? `<ul>${what}</ul>` : ''}${fix}</li>`;
  };
  return `<p class="pg-examples-count">${esc(t.examplesCount(passed.length, mine.length))}</p>${failed.length ? `<ol class="pg-examples">${failed.map(item).join('')}</ol>` : ''}${passed.length ? `<details class="pg-passed"><summary>${esc(t.passedList(passed.length))}</summary><ol class="pg-examples">${passed.map(item).join('')}</ol></details>` : ''}`;
}

function answerHtml(a: AnswerInWords, t: PlaygroundText): string {
  const rules = a.rules.length && !a.problem ? ` <span class="pg-rules">(${esc(a.rules.join(', '))})</span>` : '';
  const musts = a.obligations.length ? `; ${esc(t.must)}: ${esc(a.obligations.join(' · '))}` : '';
  return `${a.problem ? `<strong class="pg-problem">${esc(a.text)}</strong>` : `<strong>${esc(a.text)}</strong>`}${rules}${musts}`;
}

function situationHtml(s: SituationInWords, t: PlaygroundText): string {
  const facts = s.facts.length ? s.facts.map((f) => `<li>${esc(f.question)} <strong>${esc(f.answer)}</strong></li>`).join('') : `<li>${esc(t.every)}</li>`;
  return `<li class="pg-situation"><p>${esc(t.when)}${s.from ? ` (${esc(t.from(s.from))})` : ''}:</p><ul>${facts}</ul><dl class="pg-before-after"><div><dt>${esc(t.before)}</dt><dd data-before>${answerHtml(s.before, t)}</dd></div><div><dt>${esc(t.now)}</dt><dd data-after>${answerHtml(s.after, t)}</dd></div></dl></li>`;
}

/** «Hva endres»: the situations the edit decides differently, in words, grouped by rule. */
export function changesView(words: DiffWords, truncated: boolean, limit: number, t: PlaygroundText): string {
  if (words.count === 0 && words.vocabulary.length === 0) return `<p class="pg-none pg-good" data-changes="0">${esc(t.noChange)}</p>`;
  const vocab = words.vocabulary.length ? `<ul class="pg-vocab">${words.vocabulary.map((v) => `<li>${esc(v.trim())}</li>`).join('')}</ul>` : '';
  const summary = `<p class="pg-changes-summary" data-changes="${words.count}">${esc(words.count === 0 ? t.noChange : t.changesSummary(words.count, truncated, words.groups.length))}${truncated ? ` ${esc(t.changesTruncated(limit))}` : ''}</p>`;
  const groups = words.groups
    .map((g, i) => `<details class="pg-group"${i === 0 ? ' open' : ''}><summary>${esc(g.title)} (${g.situations.length})</summary><ol class="pg-situations">${g.situations.map((s) => situationHtml(s, t)).join('')}</ol></details>`)
    .join('');
  return `${summary}${vocab}${groups}`;
}
