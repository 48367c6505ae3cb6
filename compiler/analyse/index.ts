/**
 * Whole-pack analysis, exact over every combination of facts and every period in force: gaps (no
 * rule answers), conflicts (rules that are not exceptions to each other give different outcomes)
 * and dead rules (a rule that never decides anything). Each finding carries the smallest
 * counterexample as a ready-to-paste `example` block in its hint.
 */
import { diagnostic } from '../diagnostics/catalogue.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { inForce, type BuiltPack, type Leaf } from '../ir/compile.ts';
import type { IRPack } from '../ir/types.ts';
import { exampleBlock, shortestPath } from './paths.ts';
import { priorityFindings } from './priorities.ts';
import { unshownReasons } from './reasons.ts';

type Epoch = BuiltPack['epochs'][number];

const dateOf = (e: Epoch): string | undefined => e.from ?? e.until;
const hint = (block: string, nb: string, en: string) => ({ nb: `${nb}\n${block}`, en: `${en}\n${block}` });

/** Finds gaps, conflicts and dead rules: `analyse(pack, build(pack))`. */
export function analyse(pack: IRPack, built: BuiltPack): Diagnostic[] {
  return [...gapsAndConflicts(pack, built), ...deadRules(pack, built), ...unshownReasons(pack, built), ...priorityFindings(pack, built)];
}

function gapsAndConflicts(pack: IRPack, built: BuiltPack): Diagnostic[] {
  const { builder } = built;
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  const anchor = pack.rules[0]?.range;
  if (!anchor) return out;
  for (const epoch of built.epochs) {
    const gap = shortestPath(builder, epoch.full, (h) => builder.value(h).kind === 'gap');
    if (gap && !reported.has('gap')) {
      reported.add('gap');
      const block = exampleBlock(pack, 'Hull funnet av lovkode check', gap.path, dateOf(epoch), ['expect uncertain  # ← skriv utfallet loven gir / write the outcome the law gives']);
      out.push(diagnostic('LOV4001', anchor, [], { hint: hint(block, 'Eksempel på en situasjon uten svar:', 'A situation with no answer:') }));
    }
    for (const leaf of builder.reachableLeaves(epoch.full)) {
      const l = builder.value(leaf);
      if (l.kind !== 'conflict') continue;
      const ids = l.rules.map((r) => pack.rules[r]!.id);
      if (reported.has(ids.join())) continue;
      reported.add(ids.join());
      const found = shortestPath(builder, epoch.full, (h) => h === leaf)!;
      const block = exampleBlock(pack, `Motstrid mellom ${ids.join(' og ')}`, found.path, dateOf(epoch), [`expect ${l.outcomes[0]}  # ← eller / or ${l.outcomes.slice(1).join(', ')}`]);
      const [first, ...rest] = l.rules.map((r) => pack.rules[r]!);
      const owners = [...new Set(l.rules.map((r) => pack.rules[pack.rules[r]!.reasonOf ?? r]!.id))];
      out.push(
        diagnostic('LOV4002', first!.range, [ids.join(', ')], {
          related: rest.map((r) => ({ range: r.range, message: { nb: `${r.id} gir ${r.outcome}`, en: `${r.id} gives ${r.outcome}` } })),
          hint: hint(
            block,
            `Si hvilken regel som går foran, f.eks. «prevails over ${owners.slice(1).join(', ')}» i ${owners[0]}, i stedet for å gjenta betingelser. Eksempel:`,
            `Say which rule comes first, e.g. “prevails over ${owners.slice(1).join(', ')}” in ${owners[0]}, rather than restating conditions. Example:`,
          ),
        }),
      );
    }
  }
  return out;
}

function rulesOf(l: Leaf): number[] {
  return l.kind === 'decision' || l.kind === 'conflict' ? l.rules : [];
}

function deadRules(pack: IRPack, built: BuiltPack): Diagnostic[] {
  const { builder } = built;
  const deciding = new Set<number>();
  // A reason named in a result counts for its rule too; reasons themselves are checked in reasons.ts.
  for (const epoch of built.epochs) for (const leaf of builder.reachableLeaves(epoch.full)) rulesOf(builder.value(leaf)).forEach((r) => deciding.add(pack.rules[r]!.reasonOf ?? r).add(r));
  const T = built.truth(true);
  const F = built.truth(false);
  const out: Diagnostic[] = [];
  pack.rules.forEach((rule, i) => {
    if (deciding.has(i) || rule.reasonOf !== undefined) return;
    const epoch = built.epochs.find((e) => inForce(rule, e.start));
    if (!epoch) return; // a period that ends before it begins: the checker reports it (LOV2020)
    const scope = epoch.scopes[i]!;
    if (scope === F) {
      out.push(diagnostic('LOV4003', rule.range, [rule.id, 'betingelsen kan aldri være oppfylt / its condition can never hold'], {
        hint: { nb: 'Betingelsen motsier seg selv eller betingelsene til reglene den er unntak fra.', en: 'The condition contradicts itself or the conditions of the rules it is an exception to.' },
      }));
      return;
    }
    const inScope = builder.apply(scope, epoch.full, (s, f) => (s === T ? f : F));
    const found = shortestPath(builder, inScope, (h) => h !== F)!;
    const leaf = builder.value(found.leaf);
    const winners = rulesOf(leaf).map((r) => pack.rules[r]!.id);
    const expectLines = leaf.kind === 'decision' ? [`expect ${leaf.outcome}`, `expect rule ${winners.join(', ')}`] : ['expect undecided'];
    const block = exampleBlock(pack, `${rule.id} avgjør ikke`, found.path, dateOf(epoch), expectLines);
    out.push(diagnostic('LOV4003', rule.range, [rule.id, `andre regler avgjør alltid i stedet (${winners.join(', ')}) / other rules always decide instead`], {
      hint: hint(block, `Der ${rule.id} gjelder, avgjør alltid unntakene. For eksempel:`, `Where ${rule.id} applies, its exceptions always decide. For example:`),
    }));
  });
  return out;
}

export { coverage, evalPartial, type Coverage } from './coverage.ts';
export { diffPacks, type DiffResult, type Difference, type DecisionSummary } from './diff.ts';
export { questionnaireStats, type QuestionnaireStats } from './questionnaire.ts';
