/**
 * The questionnaire with JavaScript: every step is computed in the browser from the rule tables
 * (fetched once from this site), so answering sends nothing anywhere. The answers live in memory and
 * in the URL fragment (never sent to a server); each step is a history entry, so Back works. Without
 * this script, or until the tables have loaded, the same forms go to the server instead.
 */
import type { Tables } from '../../compiler/runtime/tables.ts';
import { answersQuery, coversDate, readAnswers, todayInNorway, type Answers } from '../lib/answers.ts';
import { renderError, renderStep, stepTitle, type Links } from '../lib/render.ts';
import { qtext } from '../lib/qtext.ts';
import { ROUTES, type Lang } from '../lib/routes.ts';
import { questionnaireStep } from '../lib/step.ts';

const root = document.querySelector<HTMLElement>('[data-questionnaire]');
if (root) void start(root);

async function start(root: HTMLElement): Promise<void> {
  const lang = root.dataset.lang === 'en' ? 'en' : ('nb' as Lang);
  let tables: Tables;
  try {
    const response = await fetch(root.dataset.tables!);
    if (!response.ok) return;
    tables = (await response.json()) as Tables;
  } catch {
    return; // the forms keep working through the server
  }
  const date = todayInNorway();
  if (!coversDate(tables, date)) return; // the tables are for another period: let the server decide
  const other: Lang = lang === 'nb' ? 'en' : 'nb';
  const suffix = document.title.slice(document.title.lastIndexOf(' – '));
  const fragment = (answers: Answers) => `#${answersQuery(answers)}`;
  let receiptUrl = '';

  /** The answers in the address: the fragment, or the query string of a page the server rendered. */
  const fromAddress = (): Answers => {
    const hash = location.hash.slice(1);
    return readAnswers(tables, new URLSearchParams(hash.includes('=') ? hash : location.search));
  };

  const show = (given: Answers, focus: boolean) => {
    const step = questionnaireStep(tables, given, lang, date);
    if (receiptUrl) URL.revokeObjectURL(receiptUrl);
    receiptUrl = 'error' in step || !step.receipt ? '' : URL.createObjectURL(new Blob([`${JSON.stringify(step.receipt, null, 2)}\n`], { type: 'application/json' }));
    const links: Links = { answers: fragment, action: location.pathname, receipt: receiptUrl, print: true };
    root.innerHTML = 'error' in step ? renderError(lang, step.error.message, links) : renderStep(step, links);
    document.title = ('error' in step ? qtext(lang).error : stepTitle(step)) + suffix;
    const langSwitch = document.querySelector<HTMLAnchorElement>('[data-lang-switch]');
    if (langSwitch) langSwitch.href = ROUTES.questionnaire[other] + fragment('error' in step ? given : step.answers);
    if (focus) root.querySelector<HTMLElement>('#q-heading')?.focus();
  };

  // Answers the server saw (a link from the page without JavaScript) move into the fragment.
  const initial = fromAddress();
  if (location.search) history.replaceState(null, '', location.pathname + fragment(initial));
  show(initial, false);
  // From here on every step is computed here (tests and styles can tell by this attribute).
  root.dataset.enhanced = '';

  root.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    if (!form.matches('[data-q-form]')) return;
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) params.append(name, String(value));
    const answers = readAnswers(tables, params);
    const hash = fragment(answers);
    // Setting the fragment adds a history entry and fires hashchange, which shows the step.
    if (location.hash === hash || (hash === '#' && location.hash === '')) show(answers, true);
    else location.hash = hash;
  });

  // Back, Change and Start again are fragment links; the browser's Back button changes the fragment too.
  // A fragment without "=" is an in-page link (the skip link's #main), not a set of answers.
  window.addEventListener('hashchange', () => {
    const hash = location.hash.slice(1);
    if (hash === '' || hash.includes('=')) show(readAnswers(tables, new URLSearchParams(hash)), true);
  });

  root.addEventListener('click', (event) => {
    if ((event.target as Element).closest('[data-print]')) window.print();
  });
}
