/**
 * Progressive enhancement of the rule reference's list: a filter field that hides the entries whose
 * text does not contain every word typed. Without this script the whole list is shown.
 */
const box = document.querySelector<HTMLElement>('[data-ref-filter]');
const input = box?.querySelector<HTMLInputElement>('input');
const count = box?.querySelector<HTMLElement>('[data-ref-count]');
if (box && input && count) {
  const entries = [...document.querySelectorAll<HTMLElement>('[data-ref-entry]')].map((el) => ({ el, text: (el.textContent ?? '').toLowerCase() }));
  const groups = [...document.querySelectorAll<HTMLElement>('[data-ref-group]')];
  const lang = document.documentElement.lang;
  const apply = (): void => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const { el, text } of entries) {
      const match = words.every((w) => text.includes(w));
      el.hidden = !match;
      if (match) shown++;
    }
    for (const g of groups) g.hidden = !g.querySelector('[data-ref-entry]:not([hidden])');
    count.textContent = words.length === 0 ? '' : lang === 'en' ? `${shown} of ${entries.length} shown` : `${shown} av ${entries.length} vises`;
  };
  box.hidden = false;
  input.addEventListener('input', apply);
}
