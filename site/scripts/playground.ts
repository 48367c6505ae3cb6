/**
 * «Prøv reglene» in the browser: a plain <textarea> with a line-number gutter over one file of the
 * Norwegian pack, checked as you type by the compiler in a worker (site/scripts/playground-worker.ts,
 * loaded only by this page). The page forwards edits (debounced), file switches, questionnaire
 * answers and clicks on places; it puts the worker's panels in place and moves the caret. «Del»
 * writes the edit into the URL fragment; nothing is sent anywhere.
 */
import type { FromWorker, ToWorker } from '../lib/playground/protocol.ts';
import { decodeShared, encodeShared, isShared } from '../lib/playground/share.ts';
import { playgroundText } from '../lib/playground/text.ts';

/** How long typing may pause before the text is checked. */
const DEBOUNCE_MS = 350;
/** The file the page opens on: the general consent rule and its exceptions. */
const FIRST_FILE = 'electronic.lov';

const root = document.querySelector<HTMLElement>('[data-playground]');
if (root) start(root);

function start(root: HTMLElement): void {
  const lang = root.dataset.lang === 'en' ? 'en' : 'nb';
  const t = playgroundText(lang);
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const picker = $<HTMLSelectElement>('pg-file');
  const editor = $<HTMLTextAreaElement>('pg-text');
  const gutter = $<HTMLElement>('pg-gutter');
  const status = $<HTMLElement>('pg-status');
  const shareUrl = $<HTMLInputElement>('pg-share-url');
  const shareStatus = $<HTMLElement>('pg-share-status');
  // With JavaScript the tool shows at once, read-only until the worker has the compiler ready.
  document.querySelector('[data-nojs]')?.remove();
  root.hidden = false;
  editor.readOnly = true;
  picker.disabled = true;
  const worker = new Worker(new URL('./playground-worker.ts', import.meta.url), { type: 'module' });
  const send = (m: ToWorker) => worker.postMessage(m);

  const published = new Map<string, string>();
  const edits: Record<string, string> = {};
  let current = FIRST_FILE;
  let version = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const numberLines = () => {
    const n = editor.value.split('\n').length;
    if (gutter.dataset.lines === String(n)) return;
    gutter.dataset.lines = String(n);
    gutter.textContent = Array.from({ length: n }, (_, i) => i + 1).join('\n');
  };
  const editedFiles = () => Object.keys(edits);
  const markEdited = () => {
    for (const option of picker.options) option.textContent = `${option.value}${option.value in edits ? ' *' : ''}`;
    $('pg-edited').textContent = editedFiles().length ? t.edited_files(editedFiles()) : '';
  };
  const checkNow = () => {
    clearTimeout(timer);
    status.textContent = t.checking;
    root.setAttribute('aria-busy', 'true');
    send({ type: 'sources', version: ++version, edits: { ...edits }, file: current });
  };
  const show = (file: string) => {
    current = published.has(file) ? file : FIRST_FILE;
    picker.value = current;
    editor.value = edits[current] ?? published.get(current) ?? '';
    editor.scrollTop = 0;
    numberLines();
  };
  /** Moves the caret to a place, opening its file first. */
  const goTo = (file: string, offset: number) => {
    if (file !== current && published.has(file)) {
      show(file);
      send({ type: 'file', file });
    }
    editor.focus();
    editor.setSelectionRange(offset, offset);
    const line = editor.value.slice(0, offset).split('\n').length;
    const height = parseFloat(getComputedStyle(editor).lineHeight) || 20;
    editor.scrollTop = Math.max(0, (line - 4) * height);
    gutter.scrollTop = editor.scrollTop;
  };
  /** Loads an edit from a shared link (or says it cannot). */
  const loadShared = async (hash: string) => {
    const shared = await decodeShared(hash, published);
    for (const key of Object.keys(edits)) delete edits[key];
    if (!shared) {
      shareStatus.textContent = t.badShare;
    } else {
      for (const [path, text] of Object.entries(shared.edits)) if (published.has(path) && published.get(path) !== text) edits[path] = text;
      if (shared.stale.length > 0) shareStatus.textContent = t.staleShare(shared.stale);
    }
    show(shared?.file ?? current);
    markEdited();
    checkNow();
  };

  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const m = event.data;
    if (m.type === 'ready') {
      for (const f of m.files) {
        published.set(f.path, f.text);
        picker.add(new Option(f.path, f.path));
      }
      editor.readOnly = false;
      picker.disabled = false;
      root.dataset.ready = '';
      if (isShared(location.hash)) void loadShared(location.hash);
      else {
        show(FIRST_FILE);
        checkNow();
      }
    } else if (m.type === 'check') {
      if (m.version !== version) return; // a newer edit is on its way
      root.removeAttribute('aria-busy');
      status.textContent = m.count;
      $('pg-diagnostics').innerHTML = m.diagnostics;
      $('pg-findings').innerHTML = m.findings;
      $('pg-examples').innerHTML = m.examples;
      root.dataset.checked = String(m.version);
    } else if (m.type === 'changes') {
      if (m.version !== version) return;
      $('pg-changes').innerHTML = m.html;
    } else if (m.type === 'try') {
      $('pg-try').innerHTML = m.html;
      if (m.focus) $('pg-try').querySelector<HTMLElement>('#q-heading')?.focus();
    } else {
      root.removeAttribute('aria-busy');
      status.textContent = m.message;
    }
  };
  send({ type: 'init', lang });

  editor.addEventListener('input', () => {
    numberLines();
    if (editor.value === published.get(current)) delete edits[current];
    else edits[current] = editor.value;
    markEdited();
    clearTimeout(timer);
    timer = setTimeout(checkNow, DEBOUNCE_MS);
  });
  editor.addEventListener('scroll', () => (gutter.scrollTop = editor.scrollTop));
  picker.addEventListener('change', () => {
    show(picker.value);
    send({ type: 'file', file: current });
  });
  root.addEventListener('click', (event) => {
    if (root.dataset.ready === undefined) return;
    const target = event.target as Element;
    const placeButton = target.closest<HTMLElement>('[data-offset]');
    if (placeButton) return goTo(placeButton.dataset.file!, Number(placeButton.dataset.offset));
    const answerLink = target.closest<HTMLAnchorElement>('a[href^="#q:"]');
    if (answerLink) {
      event.preventDefault();
      return send({ type: 'try', query: answerLink.getAttribute('href')!.slice(3) });
    }
    if (target.closest('[data-reset]')) {
      delete edits[current];
      show(current);
      markEdited();
      shareStatus.textContent = t.reset;
      return checkNow();
    }
    if (target.closest('[data-share]')) void share();
  });
  root.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    if (!form.matches('[data-q-form]')) return;
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) params.append(name, String(value));
    send({ type: 'try', query: params.toString() });
  });
  window.addEventListener('hashchange', () => {
    if (isShared(location.hash)) void loadShared(location.hash);
  });

  async function share(): Promise<void> {
    const fragment = await encodeShared({ file: current, edits }, published);
    history.replaceState(null, '', `${location.pathname}#${fragment}`);
    shareUrl.value = location.href;
    shareUrl.closest<HTMLElement>('[data-share-box]')!.hidden = false;
    shareStatus.textContent = t.shared;
    try {
      await navigator.clipboard.writeText(location.href);
      shareStatus.textContent = `${t.shared} ${t.copied}`;
    } catch {
      // No clipboard permission: the address bar and the field have the link.
    }
  }
}
