/**
 * The questionnaire's HTML, from a step: a question (with help, why we ask, back and the answers so far)
 * or the result (answer in words and icon, what to do, why, what would make it allowed, the answers and
 * the receipt). One renderer for the server page and the browser script, so both paths give the same
 * markup; only where links lead differs (query string on the server, URL fragment in the browser).
 */
import type { CitationOut } from '../../compiler/evaluate/types.ts';
import type { ChangeSet } from '../../compiler/runtime/index.ts';
import type { Answers } from './answers.ts';
import { esc } from './esc.ts';
import { iconSvg, stepIconSvg, type IconName } from './icons.ts';
import { qtext, type OutcomeName, type QText, type QuestionText } from './qtext.ts';
import { ROUTES, type Lang } from './routes.ts';
import { answersAfter, type Step } from './step.ts';

export interface Links {
  /** Where a link to a set of answers leads: `/sporsmal/?…` on the server, `#…` in the browser. */
  answers(answers: Answers): string;
  /** The form's action: the questionnaire's own path. */
  action: string;
  /** The receipt download: the on-demand endpoint, or a blob: URL made in the browser. */
  receipt: string;
  /** Offer a print button (only where a script can call print()). */
  print: boolean;
}

/** How many of the rules behind a question «why we ask» lists. */
const WHY_SHOWN = 5;

/** Escapes text for HTML (the contact-list views take it from here). */
export { esc };

/** One style per outcome: its own colour, icon and words; «not verified» is a footnote, never a result colour. */
const KIND: Record<OutcomeName, { kind: string; icon: IconName }> = {
  allowed: { kind: 'ok', icon: 'check' },
  allowed_with_conditions: { kind: 'conditions', icon: 'list' },
  not_allowed: { kind: 'stop', icon: 'stop' },
  uncertain: { kind: 'uncertain', icon: 'question' },
};

/** A date as «2. juli 2026» / "2 July 2026". */
function humanDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
}

/** The footnote mark of a citation that is not verified against the source (explained once, at the end). */
const unverifiedMark = (t: QuestionText): string => `<a class="fn-mark" href="#fn-unverified" title="${esc(t.unverifiedNote)}"><span aria-hidden="true">*</span><span class="visually-hidden">${esc(t.status.unverified)}</span></a>`;

/**
 * One «Rettsgrunnlag» / "Legal basis" line for an item, opening to its citations: the reader's form
 * of each (the English short name of the Act on English pages, the Norwegian in the link's title),
 * and, on a result, the statute text the pack declares for them below the list (`step.quote`).
 */
function basis(list: CitationOut[], t: QuestionText, quote?: (list: CitationOut[]) => string): string {
  if (list.length === 0) return '';
  const items = list.map((c) => {
    const l = t.citeLang(c);
    const status = c.status === 'unverified' ? unverifiedMark(t) : c.status === 'secondary' ? ` <span class="status">(${esc(t.status.secondary)})</span>` : '';
    return `<li><a href="${esc(c.url)}" title="${esc(`${c.ref} – ${c.title}`)}"${l ? ` lang="${l}"` : ''}>${esc(t.cite(c))}</a>${status}</li>`;
  });
  const first = t.cite(list[0]!);
  const more = list.length > 1 ? ` ${esc(t.andMore(list.length - 1))}` : '';
  return `<details class="basis"><summary><span class="basis-label">${esc(t.legalBasis)}:</span> ${esc(first)}${more}</summary><ul class="cites">${items.join('')}</ul>${quote ? quote(list) : ''}</details>`;
}

/** The explanation of the «not verified» mark, once per step that uses it. */
function unverifiedFootnote(lists: CitationOut[][], t: QuestionText): string {
  return lists.flat().some((c) => c.status === 'unverified') ? `<p class="footnote" id="fn-unverified"><span aria-hidden="true">*</span> <strong>${esc(t.status.unverified)}:</strong> ${esc(t.unverifiedNote)}</p>` : '';
}

type Answered = Step['state']['answered'][number];

/** The answers given, each with its «Change» link to `href(answer)` (the contact-list worker lists its campaign answers with it too). */
export function answerRows<A extends Pick<Answered, 'fact' | 'question' | 'answer'>>(answered: A[], href: (a: A) => string, t: QuestionText): string {
  return answered
    .map(
      (a) =>
        `<div class="answer-row"><dt>${esc(a.question)}</dt><dd><span class="answer-value">${esc(a.answer)}</span> <a class="change-link" href="${esc(href(a))}" data-change="${esc(a.fact)}">${esc(t.change)}<span class="visually-hidden">${esc(t.changeHidden(a.question))}</span></a></dd></div>`,
    )
    .join('');
}

function summary(step: Step, links: Links, t: QuestionText, heading: string): string {
  const rows = answerRows(step.state.answered, (a) => links.answers(step.unanswer(a)), t);
  return `<section class="q-summary" aria-labelledby="summary-heading"><h2 id="summary-heading">${esc(heading)}</h2><dl class="answers">${rows}</dl></section>`;
}

/** The HTML of a question step (the contact-list tool asks its campaign questions with it too). */
export function question(step: Step, links: Links, t: QuestionText): string {
  const q = step.state.question!;
  const n = step.state.answered.length + 1;
  const total = step.state.answered.length + (step.state.atMost ?? 1);
  const hidden = Object.entries(step.answers)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(String(v))}">`)
    .join('');
  const choices = q.values
    .map((v, i) => {
      const id = `a-${q.fact}-${i}`;
      return `<div class="choice"><input type="radio" name="${esc(q.fact)}" value="${esc(String(v.value))}" id="${esc(id)}" required><label for="${esc(id)}">${esc(v.label)}</label></div>`;
    })
    .join('');
  const help = q.help ? `<p class="q-help" id="q-help">${esc(q.help)}</p>` : '';
  // A screen's markup comes made with the step (step.ts), so the contact-list worker does not carry it.
  const screen = step.screen;
  const described = `${screen ? 'q-confirms ' : ''}${q.help ? 'q-help' : ''}`.trim();
  // The first questions matter to almost every rule: name a few, the reference has the rest.
  const shown = q.why.slice(0, WHY_SHOWN);
  const more = q.why.length > WHY_SHOWN ? `<p><a href="${esc(ROUTES.rules[step.lang])}">${esc(t.whyMore(q.why.length - WHY_SHOWN))}</a></p>` : '';
  const why = shown.length
    ? `<details class="why"><summary>${esc(t.why)}</summary><p>${esc(t.whyIntro)}</p><ul class="why-rules">${shown
        .map((w) => `<li><span class="why-title">${esc(w.title)}</span>${basis(w.citations, t)}</li>`)
        .join('')}</ul>${more}${unverifiedFootnote(shown.map((w) => w.citations), t)}</details>`
    : '';
  const back = step.back ? `<p class="back"><a class="back-link" href="${esc(links.answers(step.back))}" data-back>${stepIconSvg('back')}<span>${esc(t.back)}</span></a></p>` : '';
  return `<div class="q-step" data-step="question" data-fact="${esc(q.fact)}"${screen ? screen.data : ''}>${back}
<form class="q-form" method="get" action="${esc(links.action)}" data-q-form>${hidden}
<fieldset${described ? ` aria-describedby="${described}"` : ''}><legend><h1 id="q-heading" tabindex="-1"><span class="q-progress">${esc(t.progress(n, total))}</span> <span class="q-text">${esc(q.text)}</span></h1></legend>${screen ? screen.list : ''}${help}<div class="choices">${choices}</div></fieldset>
<button class="button button-primary" type="submit"><span>${esc(t.next)}</span>${stepIconSvg('arrow')}</button>
</form>${why}${step.state.answered.length > 0 ? summary(step, links, t, t.summary) : ''}</div>`;
}

function change(step: Step, c: ChangeSet, links: Links, t: QText): string {
  const actions = c.actions.map((a) => `<li>${esc(a.text)}</li>`).join('');
  const assuming = c.assuming.length
    ? `<p class="assuming">${esc(t.assuming)}</p><ul class="assuming-list">${c.assuming.map((a) => `<li>${esc(a.question)} <strong>${esc(a.answer)}</strong></li>`).join('')}</ul>`
    : '';
  return `<li class="change"><ul class="change-actions">${actions}</ul>${assuming}<p class="change-outcome">${esc(t.leadsTo)} <strong>${esc(t.outcomeShort[c.outcome])}</strong>. <a href="${esc(links.answers(answersAfter(step, c)))}" data-see-change>${esc(t.seeResult)}</a></p></li>`;
}

function result(step: Step, links: Links, t: QText): string {
  const d = step.state.decision;
  const outcome = d.outcome as OutcomeName;
  const { kind, icon } = KIND[outcome];
  const lang = step.lang;
  const judgements = d.reasons.filter((r) => r.judgement);
  const parts: string[] = [];
  parts.push(
    `<div class="callout callout-${kind} verdict"><h1 id="q-heading" class="callout-title" tabindex="-1">${iconSvg(icon)}<span>${esc(t.outcome[outcome])}</span></h1><div class="callout-body"><p>${esc(t.outcomeLead[outcome])}</p></div></div>`,
  );
  if (outcome === 'uncertain') {
    parts.push(
      `<section aria-labelledby="judgement-heading"><h2 id="judgement-heading">${esc(t.judgement)}</h2><ul>${judgements.map((r) => `<li>${esc(r.judgement!)}</li>`).join('')}</ul><p>${esc(t.askLawyer)}</p></section>`,
    );
  }
  if (d.obligations.length > 0) {
    // Real checkboxes, empty: the owner ticks them off (no script needed), and they print as empty boxes.
    const items = d.obligations.map((o) => `<li data-code="${esc(o.code)}"><input type="checkbox" id="todo-${esc(o.code)}"><div><label for="todo-${esc(o.code)}">${esc(o.text)}</label>${basis(o.citations, t, step.quote)}</div></li>`);
    parts.push(`<section aria-labelledby="must-heading"><h2 id="must-heading">${esc(t.mustDo)}</h2><p class="checklist-hint">${esc(t.mustDoHint)}</p><ul class="checklist">${items.join('')}</ul></section>`);
  }
  // Rule ids stay in the rule reference and the receipt; the owner reads the reason and its legal basis.
  const reasons = d.reasons.map((r) => `<li><p>${esc(r.text)}</p>${basis(r.citations, t, step.quote)}</li>`);
  parts.push(`<section aria-labelledby="why-heading"><h2 id="why-heading">${esc(t.reasons)}</h2><ul class="reasons">${reasons.join('')}</ul></section>`);
  if (outcome === 'not_allowed' || outcome === 'uncertain') {
    const body = step.changes.length
      ? `<p>${esc(t.wouldChangeIntro)}</p><ul class="changes">${step.changes.map((c) => change(step, c, links, t)).join('')}</ul>`
      : `<p>${esc(t.noChange)}</p>`;
    parts.push(`<section aria-labelledby="change-heading" class="would-change"><h2 id="change-heading">${esc(t.wouldChange)}</h2>${body}</section>`);
  }
  parts.push(unverifiedFootnote([...d.obligations.map((o) => o.citations), ...d.reasons.map((r) => r.citations)], t));
  parts.push(summary(step, links, t, t.summaryResult));
  const r = step.receipt!;
  const fileName = `lovkode-${t.fileName}-${r.date}.json`;
  const print = links.print ? ` <button class="button button-secondary" type="button" data-print>${esc(t.print)}</button>` : '';
  parts.push(
    `<section class="receipt" aria-labelledby="receipt-heading"><h2 id="receipt-heading">${esc(t.receipt)}</h2><p class="receipt-text">${esc(t.receiptText(humanDate(r.date, lang), r.rulesVersion))}</p><p class="receipt-actions"><a class="button button-secondary" href="${esc(links.receipt)}" download="${esc(fileName)}" data-receipt>${iconSvg('download')}<span>${esc(t.download)}</span></a>${print}</p></section>`,
  );
  parts.push(`<p class="check-list"><a href="${esc(ROUTES.list[lang])}">${esc(t.checkList)}</a></p>`);
  parts.push(`<p class="start-again"><a href="${esc(links.answers({}))}" data-start-again>${esc(t.startAgain)}</a></p>`);
  return `<div class="q-result" data-step="result" data-outcome="${esc(outcome)}">${parts.join('\n')}</div>`;
}

/** The HTML of one step (question or result). */
export function renderStep(step: Step, links: Links): string {
  const t = qtext(step.lang);
  return step.state.question ? question(step, links, t) : result(step, links, t);
}

/** The HTML shown when the rule pack gives no answer (a gap or conflict in the pack). */
export function renderError(lang: Lang, message: string, links: Links): string {
  const t = qtext(lang);
  return `<div class="q-result" data-step="error"><div class="callout callout-stop"><h1 id="q-heading" class="callout-title" tabindex="-1">${iconSvg('stop')}<span>${esc(t.error)}</span></h1><div class="callout-body"><p>${esc(t.errorText)}</p><p>${esc(message)}</p></div></div><p class="start-again"><a href="${esc(links.answers({}))}">${esc(t.startAgain)}</a></p></div>`;
}

/** The page title of a step: the question, or the answer in words. */
export function stepTitle(step: Step): string {
  const t = qtext(step.lang);
  const q = step.state.question;
  if (q) return `${t.title} ${step.state.answered.length + 1}: ${q.text}`;
  return `${t.resultTitle}: ${t.outcome[step.state.decision.outcome as OutcomeName]}`;
}
