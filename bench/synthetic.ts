/**
 * Synthetic rule packs of any size for the benchmarks: N rules in the law's shape (one general rule,
 * groups of a general rule with nested exceptions), valid, cited, with no gaps or conflicts, so
 * that compile time can be measured as the pack grows. The groups are spread over files of
 * GROUPS_PER_FILE groups each, imported by main.lov, as a real pack of that size would be (one file
 * of 10,000 rules is over the per-file token limit, LIMITS.ruleTokens).
 */

const FACTS = 12;
const VALUES = 4;
/** Groups (ten rules each) per file: about 1,000 rules, some 26,000 tokens. */
const GROUPS_PER_FILE = 100;

/** The files of a synthetic pack with `rules` rules (a multiple of 10 works best), by name; main.lov imports the rest. */
export function syntheticPack(rules: number): Record<string, string> {
  const groups = Math.max(1, Math.floor((rules - 1) / 10));
  const files: Record<string, string> = {};
  const out: string[] = [];
  out.push('# Synthetic benchmark pack', '');
  for (let g = 0; g < groups; g += GROUPS_PER_FILE) out.push(`import "groups-${g / GROUPS_PER_FILE}.lov"`, '');
  out.push('source law "A synthetic law"', '  url "https://example.org/law"', '  section url "https://example.org/law/§{section}"', '  status primary', '');
  for (let f = 0; f < FACTS; f++) {
    out.push(`fact f${f} is one of`);
    for (let v = 0; v < VALUES; v++) out.push(`  value v${v} label nb "Verdi ${v}" en "Value ${v}"`);
    out.push(`  question nb "Spørsmål ${f}?" en "Question ${f}?"`, '');
  }
  out.push('condition groupFree', '  label nb "ingen gruppe" en "no group"', '  means f11 = v3', '');
  for (let o = 0; o < 4; o++) {
    out.push(`obligation O${o}`, `  text nb "Plikt ${o}." en "Obligation ${o}."`, `  cites law "§ ${o + 1}"`, '');
  }
  out.push('rule Base "Hovedregel"', '  then not_allowed', '  because nb "Hovedregelen." en "The general rule."', '  cites law "§ 1"', '');
  for (let g = 0; g < groups; g++) {
    if (g % GROUPS_PER_FILE === 0) files[`groups-${g / GROUPS_PER_FILE}.lov`] = '';
    const out: string[] = [];
    const digits = Array.from({ length: 5 }, (_, i) => Math.floor(g / VALUES ** i) % VALUES);
    const key = digits.map((d, i) => `f${i} = v${d}`).join(' and ');
    out.push(`rule G${g} "Gruppe ${g}"`, '  exception to Base', `  when ${key}`, '  then allowed_with_conditions', `  must O${g % 4}`);
    out.push(`  because nb "Gruppe ${g}." en "Group ${g}."`, `  cites law "§ ${(g % 50) + 1}"`, '');
    for (let e = 1; e < 10; e++) {
      const parent = e <= 3 ? `G${g}` : `G${g}E${Math.ceil(e / 3) - 1}`;
      // Siblings agree on the outcome (no conflicts); nested exceptions add obligations.
      out.push(`rule G${g}E${e} "Unntak ${e}"`, `  exception to ${parent}`, `  when f${e <= 3 ? 4 + e : 8 + (e % 3)} = v${e % VALUES}${e % 2 ? ' and groupFree' : ''}`, '  then uncertain');
      if (e > 3) out.push(`  must O${e % 4}`);
      out.push(`  because nb "Unntak ${e}." en "Exception ${e}."`, `  judgement nb "Vurdering ${e}?" en "Judgement ${e}?"`);
      out.push(`  cites law "§ ${e}"`, '');
    }
    files[`groups-${Math.floor(g / GROUPS_PER_FILE)}.lov`] += out.join('\n') + '\n';
  }
  out.push('example "Hovedregelen"', '  given f0 = v3, f1 = v3, f2 = v3, f3 = v3, f4 = v3', '  expect not_allowed', '');
  return { 'main.lov': out.join('\n'), ...files };
}
