/**
 * Screens (`screen NAME … confirms FACT = VALUE …`): each confirmed fact is declared (LOV2001) and the
 * value is one of its values (LOV2002); a screen confirms at least two facts (LOV2251), each once
 * (LOV2253, or LOV2252 when «yes» would give one fact two values and so can never hold); a fact is in
 * one screen at most (LOV2250); the question and every condition's text are there in both languages.
 */
import type { ScreenDecl } from '../ast/types.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import { checkText } from './completeness.ts';
import type { CheckContext } from './context.ts';
import { firstHere, hintFor, valueHint } from './context.ts';

function checkScreen(ctx: CheckContext, screen: ScreenDecl, owner: Map<string, ScreenDecl>): void {
  const p = ctx.program;
  if (!screen.question) ctx.diagnostics.push(diagnostic('LOV3250', screen.name.range, [screen.name.text]));
  checkText(ctx, screen.question);
  checkText(ctx, screen.help);
  const seen = new Map<string, ScreenDecl['members'][number]>();
  for (const m of screen.members) {
    if (!m.text) ctx.diagnostics.push(diagnostic('LOV3251', m.range, [`${m.fact.text} = ${m.value.text}`]));
    checkText(ctx, m.text);
    const fact = p.factsByName.get(m.fact.text);
    if (!fact) {
      const hint = hintFor(m.fact, p.factsByName.keys());
      ctx.diagnostics.push(diagnostic('LOV2001', m.fact.range, [m.fact.text], hint ? { hint } : {}));
      continue;
    }
    const valid = fact.type === 'boolean' ? m.value.text === 'true' || m.value.text === 'false' : fact.values.some((v) => v.name.text === m.value.text);
    if (!valid) {
      const hint = valueHint(m.value, fact);
      ctx.diagnostics.push(diagnostic('LOV2002', m.value.range, [m.value.text, m.fact.text], hint ? { hint } : {}));
    }
    const first = seen.get(m.fact.text);
    if (first) {
      if (first.value.text !== m.value.text) ctx.diagnostics.push(diagnostic('LOV2252', m.range, [m.fact.text, first.value.text, m.value.text], { related: [firstHere(first.fact, 'listed')] }));
      else ctx.diagnostics.push(diagnostic('LOV2253', m.range, [m.fact.text], { related: [firstHere(first.fact, 'listed')] }));
      continue;
    }
    seen.set(m.fact.text, m);
    const other = owner.get(m.fact.text);
    if (other && other !== screen) {
      const at = other.members.find((x) => x.fact.text === m.fact.text)!;
      ctx.diagnostics.push(diagnostic('LOV2250', m.fact.range, [m.fact.text, other.name.text], { related: [firstHere(at.fact, 'listed')] }));
    } else owner.set(m.fact.text, screen);
  }
  if (seen.size < 2) ctx.diagnostics.push(diagnostic('LOV2251', screen.name.range, [screen.name.text]));
}

/** Checks every screen of the program (see the file comment for the diagnostics). */
export function checkScreens(ctx: CheckContext): void {
  const owner = new Map<string, ScreenDecl>();
  for (const screen of ctx.program.screens) checkScreen(ctx, screen, owner);
}
