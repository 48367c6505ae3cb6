/**
 * `lovkode test`: run the pack's `example` blocks and report like a test runner — ✓/✗ per example
 * grouped by file, what was expected and what came out, and `N passed, N failed`.
 */
import { boolFlag, stringFlag, type ParsedArgs } from './args.ts';
import { coverage } from '../analyse/coverage.ts';
import type { Pack } from '../pipeline.ts';
import type { Context } from './commands.ts';
import { EXIT, paint, write } from './io.ts';
import { expandPaths, packHost } from './packs.ts';
import { renderAt, shownPath } from './report.ts';
import { summarize } from '../diagnostics/render.ts';
import { compilePack, DEFAULT_RULES } from '../pipeline.ts';
import { runExamples, type ExampleResult } from '../evaluate/index.ts';

const LABEL = {
  outcome: { nb: 'utfall', en: 'outcome' },
  obligations: { nb: 'plikter', en: 'obligations' },
  rules: { nb: 'regler', en: 'rules' },
  missing: { nb: 'mangler', en: 'missing' },
  pack: { nb: 'regelsett', en: 'pack' },
} as const;

/** The coverage report: rules no example decides by, conditions no example shows true or false. */
function coverageLines(pack: Pack, io: Context['io'], lang: Context['lang']): string[] {
  const c = coverage(pack.ir, pack.tables);
  const nb = lang === 'nb';
  const out = [
    paint(io, 'bold', nb ? 'Dekning' : 'Coverage'),
    `  ${nb ? 'regler avgjort av et eksempel' : 'rules decided by an example'}: ${c.rulePercent} % (${c.rules.filter((r) => r.covered).length}/${c.rules.length})`,
    `  ${nb ? 'betingelser vist både sanne og usanne' : 'conditions shown both true and false'}: ${c.conditionPercent} % (${c.conditions.filter((x) => x.shownTrue && x.shownFalse).length}/${c.conditions.length})`,
  ];
  const rules = c.rules.filter((r) => !r.covered).map((r) => r.id);
  if (rules.length > 0) out.push(`  ${paint(io, 'yellow', nb ? 'Ingen eksempler avgjøres av' : 'No example is decided by')}: ${rules.join(', ')}`);
  for (const x of c.conditions.filter((k) => !k.shownTrue || !k.shownFalse)) {
    const missing = [...(x.shownTrue ? [] : [nb ? 'sann' : 'true']), ...(x.shownFalse ? [] : [nb ? 'usann' : 'false'])].join(nb ? ' eller ' : ' or ');
    out.push(`  ${paint(io, 'yellow', x.name)}: ${nb ? `ingen eksempler viser den ${missing}` : `no example shows it ${missing}`}`);
  }
  return out;
}

/** Runs `test`. */
export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const { io, lang } = ctx;
  const entries = args.positionals.length > 0 ? await expandPaths(args.positionals, ctx) : [DEFAULT_RULES];
  const host = packHost(args.positionals.length > 0 ? args.positionals : [DEFAULT_RULES], stringFlag(args, 'root'), ctx);
  const compiled = compilePack(entries, { analyse: false, examples: false, host });
  if (!compiled.pack) {
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
    await write(io.stdout, renderAt(errors, compiled.texts, io, lang));
    const msg = lang === 'nb' ? 'Eksemplene ble ikke kjørt: regelfilene har' : 'The examples were not run: the rule files have';
    await write(io.stdout, `${paint(io, 'red', `✗ ${msg} ${summarize(compiled.diagnostics, lang)}.`)}\n`);
    return EXIT.failed;
  }
  const results = runExamples(compiled.pack);
  const byFile = new Map<string, ExampleResult[]>();
  for (const r of results) byFile.set(r.range.file, [...(byFile.get(r.range.file) ?? []), r]);
  const out: string[] = [];
  for (const [file, group] of byFile) {
    out.push(paint(io, 'bold', shownPath(file, io.cwd)));
    for (const r of group) {
      if (r.passed) {
        out.push(`  ${paint(io, 'green', '✓')} ${r.name}`);
        continue;
      }
      out.push(`  ${paint(io, 'red', '✗')} ${r.name} ${paint(io, 'dim', `(${shownPath(file, io.cwd)}:${r.range.start.line}:${r.range.start.column})`)}`);
      for (const f of r.failures) {
        const [exp, got] = lang === 'nb' ? ['ventet', 'fikk'] : ['expected', 'got'];
        out.push(`      ${LABEL[f.expectation][lang]}: ${exp} ${f.expected}`);
        const long = (f.extra || f.lacking) && f.expected.split(', ').length + f.actual.split(', ').length > 8;
        const [also, without] = lang === 'nb' ? ['i tillegg', 'uten'] : ['also', 'without'];
        const shown = long ? [...(f.extra ? [`${also} ${f.extra.join(', ')}`] : []), ...(f.lacking ? [`${without} ${f.lacking.join(', ')}`] : [])].join('; ') : f.actual;
        out.push(`      ${' '.repeat(LABEL[f.expectation][lang].length)}  ${got} ${paint(io, 'red', shown)}`);
      }
      if (r.unnamed) {
        const given = `given ${r.unnamed.map((u) => `${u.fact} = ${u.value}`).join(', ')}`;
        const facts = r.unnamed.map((u) => u.fact).join(', ');
        out.push(`      ${paint(io, 'yellow', lang === 'nb' ? `eksempelet oppgir ikke ${facts}; med «${given}» består det` : `the example does not give ${facts}; with “${given}” it passes`)}`);
      }
    }
    out.push('');
  }
  const failed = results.filter((r) => !r.passed).length;
  const passed = results.length - failed;
  const line = lang === 'nb' ? `${passed} bestått, ${failed} feilet` : `${passed} passed, ${failed} failed`;
  out.push(paint(io, failed > 0 ? 'red' : 'green', line));
  if (results.length === 0) out.push(lang === 'nb' ? 'Regelsettet har ingen eksempler (example).' : 'The pack has no examples (example).');
  if (boolFlag(args, 'coverage')) out.push('', ...coverageLines(compiled.pack, io, lang));
  await write(io.stdout, `${out.join('\n')}\n`);
  return failed > 0 ? EXIT.failed : EXIT.ok;
}
