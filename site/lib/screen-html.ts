/**
 * The markup of a screen (several facts asked as one question): the conditions «yes» confirms, as a
 * list under the question, and the facts it sets as `data-confirms`. Only the questionnaire's steps
 * use it (site/lib/step.ts), so the contact-list worker, whose campaign questions are single facts and
 * which renders with the same renderer, does not carry it.
 */
import type { Question } from '../../compiler/evaluate/types.ts';
import { answersQuery } from './answers.ts';
import { esc } from './esc.ts';

/** A screen's list (`list`, with id q-confirms) and attribute (`data`, with its leading space), for render.ts `question`. */
export interface ScreenHtml {
  list: string;
  data: string;
}

/** The markup of a screen question, or undefined for a question of one fact: `screenHtml(state.question)`. */
export function screenHtml(q: Question): ScreenHtml | undefined {
  if (!q.confirms) return undefined;
  return {
    list: `<ul class="q-confirms" id="q-confirms">${q.confirms.map((c) => `<li>${esc(c.text)}</li>`).join('')}</ul>`,
    // A screen names the facts «yes» sets, so a test (or a tool) can tell what it confirms.
    data: ` data-confirms="${esc(answersQuery(Object.fromEntries(q.confirms.map((c) => [c.fact, c.value]))))}"`,
  };
}
