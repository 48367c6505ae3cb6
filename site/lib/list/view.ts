/**
 * «Sjekk kundelisten»: the HTML of the tool's steps, built in the worker from its state and sent to
 * the page, which only puts it in place. The campaign questions use the questionnaire's own renderer
 * (render.ts) and texts, so they look and read the same. Pure strings, no DOM.
 */
import type { Question } from '../../../compiler/evaluate/types.ts';
import type { ChangeSet } from '../../../compiler/runtime/index.ts';
import type { TableFact, Tables } from '../../../compiler/runtime/tables.ts';
import type { QuestionText } from '../qtext.ts';
import { answerRows, esc, question as renderQuestion, type Links } from '../render.ts';
import { ROUTES, type Lang } from '../routes.ts';
import type { Step } from '../step.ts';
import { DATE_VALUE, type ColumnProfile, type ListMapping } from './mapping.ts';
import type { RowView } from './protocol.ts';
import type { CampaignState, Category, GroupResult, Summary } from './rows.ts';
import type { ListText } from './text-nb.ts';

const KIND: Record<Category, string> = { allowed: 'ok', allowed_with_conditions: 'ok', not_allowed: 'stop', uncertain: 'warning', missing: 'info', error: 'stop' };

/** What every view needs: the tables, the language and its text. */
export interface ViewContext {
  tables: Tables;
  lang: Lang;
  date: string;
  t: ListText;
  /** The questionnaire's texts in the same language (given by the worker's entry, so the other language is not bundled). */
  q: QuestionText;
}

/** The fact of the tables named `name`. */
export const factOf = (ctx: ViewContext, name: string): TableFact => ctx.tables.facts.find((f) => f.name === name)!;
const label = (ctx: ViewContext, f: TableFact, v: number) => (v < 0 ? ctx.t.unknownValue : f.labels[v]![ctx.lang]);
const answerOrder = (f: TableFact) => (f.type === 'boolean' ? [1, 0] : f.values.map((_, i) => i));
/** A value index of a fact as the questionnaire writes it (true/false, or the value's name). */
export const asValue = (f: TableFact, v: number): string | boolean => (f.type === 'boolean' ? v === 1 : f.values[v]!);
const num = (ctx: ViewContext, x: number) => x.toLocaleString(ctx.lang === 'nb' ? 'nb-NO' : 'en-GB');

function valueTable(ctx: ViewContext, p: ColumnProfile, f: TableFact, values: Record<string, number>): string {
  const { t } = ctx;
  const rows = p.distinct.map((d, i) => {
    const shown = d.raw === '' ? t.emptyCell : d.raw === DATE_VALUE && p.kind === 'date' ? t.dateCell : d.raw;
    const id = `v-${p.index}-${i}`;
    const opts = [-1, ...answerOrder(f)].map((v) => `<option value="${v}"${values[d.raw] === v ? ' selected' : ''}>${esc(label(ctx, f, v))}</option>`).join('');
    return `<tr><th scope="row"><label for="${id}">${esc(shown)}</label></th><td><select id="${id}" data-col="${p.index}" data-raw="${esc(d.raw)}">${opts}</select></td><td>${num(ctx, d.count)}</td></tr>`;
  });
  return `<table class="list-values"><thead><tr><th scope="col">${esc(t.valueMeans)}</th><th scope="col">${esc(t.means)}</th><th scope="col">${esc(t.rows)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Step 2: the first rows, and for each column the fact it answers and what each of its values means. */
export function columnsView(ctx: ViewContext, header: string[], preview: string[][], profiles: ColumnProfile[], mapping: ListMapping): string {
  const { t } = ctx;
  const head = header.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = preview.map((r) => `<tr>${header.map((_, i) => `<td>${esc(r[i] ?? '')}</td>`).join('')}</tr>`).join('');
  const cols = profiles.map((p) => {
    const m = mapping.columns.find((c) => c.column === p.index);
    const f = m ? factOf(ctx, m.fact) : undefined;
    const options = ctx.tables.facts.map((x) => `<option value="${esc(x.name)}"${x.name === m?.fact ? ' selected' : ''}>${esc(x.question[ctx.lang])}</option>`).join('');
    const select = p.more
      ? `<p class="list-hint" id="c-${p.index}">${esc(t.tooMany)}</p>`
      : `<select id="c-${p.index}" data-col="${p.index}"><option value="">${esc(t.notUsed)}</option>${options}</select>`;
    const unmapped = m ? p.distinct.filter((d) => (m.values[d.raw] ?? -1) < 0).length : 0;
    const heading = p.more ? esc(p.header) : `<label for="c-${p.index}">${esc(t.usedAs(p.header))}</label>`;
    return `<div class="list-column"><h3>${heading}</h3>${select}${m && f ? valueTable(ctx, p, f, m.values) : ''}${unmapped ? `<p class="list-hint">${esc(t.unmappedValues(unmapped))}</p>` : ''}</div>`;
  });
  return `<h2 id="h-columns" tabindex="-1">${esc(t.step2)}</h2><p>${esc(t.step2Intro)}</p>
<div class="list-scroll" role="region" aria-labelledby="h-preview" tabindex="0"><table class="list-table"><caption id="h-preview">${esc(t.preview)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${cols.join('')}`;
}

/**
 * Step 3: the next campaign question (the questionnaire's markup, with «leave open» added, and its
 * «why we ask»: `why`, the rules its answer decides for the rows that need it), or the answers given.
 */
export function campaignView(ctx: ViewContext, campaign: CampaignState, why: Question['why'] = []): string {
  const { lang } = ctx;
  const { t } = ctx;
  const q = ctx.q;
  const answered = campaign.answered.map((a) => {
    const f = factOf(ctx, a.fact);
    return { fact: a.fact, value: a.value < 0 ? '' : asValue(f, a.value), question: f.question[lang], answer: a.value < 0 ? t.open : label(ctx, f, a.value) };
  });
  let body: string;
  if (campaign.question) {
    const f = factOf(ctx, campaign.question.fact);
    const question: Question = {
      fact: f.name,
      type: f.type,
      text: f.question[lang],
      ...(f.help ? { help: f.help[lang] } : {}),
      values: [...answerOrder(f).map((i) => ({ value: asValue(f, i), label: f.labels[i]![lang] })), { value: '', label: t.leaveOpen }],
      why,
      possible: [],
    };
    const step = {
      lang,
      date: ctx.date,
      // At most this question and the `left` that may follow it: the progress line counts them.
      state: { answered, facts: {}, declined: [], decision: { outcome: null, obligations: [], reasons: [], citations: [], missing: [] }, question, atMost: campaign.question.left + 1 },
      answers: {},
      ...(answered.length ? { back: {} } : {}),
      // The page sends «back» and «change» to the worker: the links only need to exist.
      unanswer: () => ({}),
      changes: [],
    } as Step;
    const links: Links = { answers: () => '#step-campaign', action: '', receipt: '', print: false };
    // The page's own h1 is the tool's name: the question is a heading below step 3.
    body = renderQuestion(step, links, q).replace(/<(\/?)h1\b/g, '<$1h3').replace(' action=""', '');
  } else {
    body = `<p id="q-heading" tabindex="-1">${esc(t.campaignDone)}</p>${answered.length ? `<dl class="answers">${answerRows(answered, () => '#step-campaign', q)}</dl>` : ''}`;
  }
  return `<h2 id="h-campaign">${esc(t.step3)}</h2><p>${esc(t.step3Intro)}</p>${body}`;
}

/** The deciding rules' ids (the same ids as the download's column), linked to the rule reference, where its filter finds them. */
const ruleLinks = (ctx: ViewContext, r: GroupResult) => r.reasons.map((x) => `<a class="rule-id" href="${esc(ROUTES.rules[ctx.lang])}">${esc(x.rule)}</a>`).join(' ');

/** Step 4: the counts, what is missing, the obligations, the reasons with what would change them, the table's filters and the downloads. */
export function answerView(ctx: ViewContext, s: Summary, results: GroupResult[], changes: (groups: number[]) => ChangeSet[], ms: number): string {
  const { lang } = ctx;
  const { t } = ctx;
  const present = (Object.keys(s.counts) as Category[]).filter((c) => s.counts[c] > 0);
  const counts = present.map((c) => `<li class="list-count list-count-${KIND[c]}" data-count="${c}"><strong>${num(ctx, s.counts[c])}</strong> ${esc(t.count[c])}</li>`).join('');
  const parts = [`<h2 id="h-answer" tabindex="-1">${esc(t.step4)}: ${esc(t.resultFor(s.rows, lang))}</h2><ul class="list-counts">${counts}</ul><p class="list-hint">${esc(t.time(ms))}</p>`];
  if (s.missing.length) {
    const items = s.missing.map((m) => `<li>${esc(t.missingRow(m.rows, lang))} «${esc(factOf(ctx, m.key).question[lang])}»</li>`).join('');
    parts.push(`<section aria-labelledby="h-missing"><h3 id="h-missing">${esc(t.missingHeading)}</h3><ul>${items}</ul><p>${esc(t.missingHint)}</p></section>`);
  }
  if (s.obligations.length) {
    const items = s.obligations.map((o) => `<li><p>${esc(ctx.tables.obligations.find((x) => x.code === o.key)?.text[lang] ?? o.key)}</p><p class="list-hint">${esc(t.appliesTo(o.rows, lang))}</p></li>`).join('');
    parts.push(`<section aria-labelledby="h-must"><h3 id="h-must">${esc(t.mustHeading)}</h3><ul class="list-obligations">${items}</ul></section>`);
  }
  const reasons = s.reasons.map((r) => {
    const res = r.groups[0] === undefined ? undefined : results[r.groups[0]];
    const text = !res ? t.unreadable : res.error ? res.error.message : res.reasons.map((x) => x.text).join(' ');
    const list = changes(r.groups);
    const assuming = (c: ChangeSet) => (c.assuming.length ? ` <span class="list-hint">(${esc(t.assuming)} ${c.assuming.map((a) => `${esc(a.question)} ${esc(a.answer)}`).join('; ')})</span>` : '');
    const change = list.length
      ? `<p>${esc(t.changeHeading)}</p><ul>${list.map((c) => `<li>${c.actions.map((a) => esc(a.text)).join(' ')}${assuming(c)} → ${esc(t.category[c.outcome])}</li>`).join('')}</ul>`
      : '';
    return `<li class="list-reason list-reason-${KIND[r.category]}"><p><strong>${esc(t.category[r.category])}</strong> · ${esc(t.rowsWith(r.rows, lang))}${res ? ` · ${ruleLinks(ctx, res)}` : ''}</p><p>${esc(text)}</p>${change}</li>`;
  });
  parts.push(`<section aria-labelledby="h-why"><h3 id="h-why">${esc(t.whyHeading)}</h3><ul class="list-reasons">${reasons.join('')}</ul></section>`);
  const catOptions = present.map((c) => `<option value="${c}">${esc(t.category[c])} (${num(ctx, s.counts[c])})</option>`).join('');
  const reasonOptions = s.reasons.map((r) => `<option value="${esc(r.key)}">${esc(t.category[r.category])}: ${esc(r.key || '—')} (${num(ctx, r.rows)})</option>`).join('');
  parts.push(`<section aria-labelledby="h-table"><h3 id="h-table">${esc(t.tableHeading)}</h3>
<p class="list-filters"><label for="f-category">${esc(t.filterCategory)}</label> <select id="f-category" data-filter="category"><option value="">${esc(t.all)}</option>${catOptions}</select> <label for="f-reason">${esc(t.filterReason)}</label> <select id="f-reason" data-filter="reason"><option value="">${esc(t.all)}</option>${reasonOptions}</select></p>
<div id="list-rows"></div></section>
<section aria-labelledby="h-download"><h3 id="h-download">${esc(t.downloadHeading)}</h3><p>${esc(t.downloadHint)}</p><p class="receipt-actions"><button type="button" class="button button-primary" data-download="csv">${esc(t.downloadCsv)}</button> <button type="button" class="button button-secondary" data-download="receipt">${esc(t.downloadReceipt)}</button></p></section>`);
  return parts.join('\n');
}

/** One page of the table: row number, the list's first columns, the answer and its reason; and the pager. */
export function rowsView(ctx: ViewContext, header: string[], rows: RowView[], results: GroupResult[], page: number, pages: number, total: number): string {
  const { lang } = ctx;
  const { t } = ctx;
  const shown = header.slice(0, 3);
  const head = `<th scope="col">${esc(t.row)}</th>${shown.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}<th scope="col">${esc(t.answer)}</th><th scope="col">${esc(t.reason)}</th>`;
  const body = rows.map((r) => {
    const res = r.group < 0 ? undefined : results[r.group];
    const why = r.problem
      ? esc(t.rowProblem(r.problem))
      : res?.category === 'missing'
        ? esc(res.missing.map((f) => factOf(ctx, f).question[lang]).join(' · '))
        : res?.error
          ? esc(res.error.message)
          : res
            ? ruleLinks(ctx, res)
            : '';
    return `<tr data-category="${r.category}"><td>${r.n}</td>${shown.map((_, i) => `<td>${esc(r.cells[i] ?? '')}</td>`).join('')}<td>${esc(t.category[r.category])}</td><td>${why}</td></tr>`;
  });
  const button = (to: number, text: string, off: boolean) => `<button type="button" class="button button-secondary" data-page="${to}"${off ? ' disabled' : ''}>${esc(text)}</button>`;
  return `<div class="list-scroll" role="region" aria-labelledby="h-table rows-page" tabindex="0"><table class="list-table"><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table></div>
<p class="list-pager">${button(page - 1, t.prev, page === 0)} <span id="rows-page" data-pages="${pages}">${esc(t.pageOf(page + 1, pages, total, lang))}</span> ${button(page + 1, t.next, page + 1 >= pages)}</p>`;
}
