/**
 * «Sjekk kundelisten» in the browser: the page fetches the rule tables once and starts its worker
 * (site/scripts/list-worker.ts: CSV parser, engine and rendering). From then on it only forwards what
 * the person does to the worker and puts the HTML the worker sends in place. The list never leaves
 * the browser and nothing is stored.
 */
import type { Tables } from '../../compiler/runtime/tables.ts';
import type { FromWorker, ToWorker } from '../lib/list/protocol.ts';

const root = document.querySelector<HTMLElement>('[data-list-tool]');
if (root) void start(root);

async function start(root: HTMLElement): Promise<void> {
  // One worker per language, each with only its own text.
  const worker =
    root.dataset.lang === 'en'
      ? new Worker(new URL('./list-worker-en.ts', import.meta.url), { type: 'module' })
      : new Worker(new URL('./list-worker-nb.ts', import.meta.url), { type: 'module' });
  const send = (m: ToWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  const $ = (id: string) => document.getElementById(id)!;
  const load = (bytes: ArrayBuffer) => send({ type: 'load', bytes }, [bytes]);
  const show = (id: string, html: string | null | undefined) => {
    if (html === undefined) return;
    $(id).hidden = html === null;
    $(id).innerHTML = html ?? '';
  };

  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const m = event.data;
    if (m.type === 'ready') {
      document.querySelector('[data-nojs]')?.remove();
      root.hidden = false;
      root.dataset.ready = '';
    } else if (m.type === 'view') {
      if (m.status !== undefined) $('list-status').textContent = m.status;
      if (m.problem !== undefined) $('list-problem').innerHTML = m.problem;
      show('step-columns', m.columns);
      show('step-campaign', m.campaign);
      show('step-answer', m.answer);
      if (m.rows !== undefined) $('list-rows').innerHTML = m.rows;
      if (m.focus) document.querySelector<HTMLElement>(m.focus)?.focus();
    } else {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(m.blob);
      a.download = m.name;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
    }
  };

  const tables = (await (await fetch(root.dataset.tables!)).json()) as Tables;
  send({ type: 'init', tables, lang: root.dataset.lang === 'en' ? 'en' : 'nb' });

  root.addEventListener('change', (event) => {
    const el = event.target as HTMLInputElement & HTMLSelectElement;
    const d = el.dataset;
    if (el.id === 'list-file' && el.files?.[0]) void el.files[0].arrayBuffer().then(load);
    else if (d.raw !== undefined) send({ type: 'value', col: Number(d.col), raw: d.raw, value: Number(el.value) });
    else if (d.col !== undefined) send({ type: 'column', col: Number(d.col), fact: el.value });
    else if (d.filter) send({ type: 'filter', category: ($('f-category') as HTMLSelectElement).value as '', reason: ($('f-reason') as HTMLSelectElement).value });
  });
  root.addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const checked = form.querySelector<HTMLInputElement>('input[type=radio]:checked');
    if (checked) send({ type: 'answer', raw: checked.value });
  });
  root.addEventListener('click', (event) => {
    const el = (event.target as Element).closest<HTMLElement>('[data-change],[data-back],[data-page],[data-download],[data-use-paste]');
    if (!el) return;
    event.preventDefault();
    const d = el.dataset;
    if (d.change !== undefined) send({ type: 'unanswer', fact: d.change });
    else if (d.back !== undefined) send({ type: 'unanswer' });
    else if (d.page !== undefined) send({ type: 'page', page: Number(d.page) });
    else if (d.download) send({ type: 'download', what: d.download === 'receipt' ? 'receipt' : 'csv' });
    else load(new TextEncoder().encode(($('list-text') as HTMLTextAreaElement).value).buffer as ArrayBuffer);
  });
  root.addEventListener('dragover', (event) => event.preventDefault());
  root.addEventListener('drop', (event) => {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) void file.arrayBuffer().then(load);
  });
}
