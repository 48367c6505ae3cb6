/**
 * Small bilingual pieces the analyses put into their messages: counts of situations and lists of
 * names, each in one language at a time.
 */
import type { Message } from '../diagnostics/types.ts';

/** A number written the way each language groups thousands (12 288 / 12,288). */
function grouped(n: number, sep: string): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** «12 288 kombinasjoner av svar» / "12,288 combinations of answers". */
export function situations(n: number): Message {
  return {
    nb: `${grouped(n, ' ')} ${n === 1 ? 'kombinasjon' : 'kombinasjoner'} av svar`,
    en: `${grouped(n, ',')} ${n === 1 ? 'combination' : 'combinations'} of answers`,
  };
}

/** «R14, R15 og R16» / "R14, R15 and R16". */
export function names(ids: readonly string[]): Message {
  const join = (and: string) => (ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} ${and} ${ids.at(-1)}`);
  return { nb: join('og'), en: join('and') };
}

/** Both texts of a hint: a lead-in line per language, then the same example block. */
export function withBlock(nb: string, en: string, blocks: Message): Message {
  return { nb: `${nb}\n${blocks.nb}`, en: `${en}\n${blocks.en}` };
}
