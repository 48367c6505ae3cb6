import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../compiler/check/index.ts';
import { parse } from '../compiler/parser/index.ts';
import { BASE, checkFiles, checkProgram, codes, expectDiagnostic, expectNoDiagnostics, textAt, withBase } from './support/dsl.ts';

/** A rule with everything it needs around `when EXPR`, for tests about expressions. */
const ruleWhen = (expr: string): string =>
  withBase(`
    rule R9 "Test"
      exception to R3
      when ${expr}
      then allowed
      because nb "Fordi." en "Because."
      cites mfl "§ 15"
  `);

describe('the base pack of these tests', () => {
  it('is valid and uses everything it declares', () => {
    expectNoDiagnostics(BASE);
  });
});

describe('program', () => {
  it('keeps facts and rules in declaration order and names in their tables', () => {
    const { program } = checkProgram(BASE);
    expect(program.facts.map((f) => f.name.text)).toEqual(['channel', 'hasConsent']);
    expect(program.rules.map((r) => r.name.text)).toEqual(['R1', 'R2', 'R3']);
    expect([...program.conditions.keys()]).toEqual(['electronic']);
    expect([...program.obligations.keys()]).toEqual(['IDENTIFY_SENDER']);
    expect([...program.sources.keys()]).toEqual(['mfl']);
    expect(program.rulesByName.get('R2')?.exceptionTo.map((n) => n.text)).toEqual(['R1']);
  });

  it('orders facts across files by load order, an imported file first', () => {
    const { program, diagnostics } = checkFiles(
      {
        'main.lov': `import "facts.lov"\n${BASE.replace(/fact hasConsent[^]*?\n\n/, '')}`,
        'facts.lov': 'fact hasConsent is true or false\n  question nb "Samtykke?" en "Consent?"\n',
      },
      'main.lov',
    );
    expect(diagnostics).toEqual([]);
    expect(program.facts.map((f) => f.name.text)).toEqual(['hasConsent', 'channel']);
  });

  it('reports names declared in one file and used in another without complaint, and duplicates across files', () => {
    const { diagnostics } = checkFiles(
      { 'main.lov': `import "more.lov"\n${BASE}`, 'more.lov': 'fact hasConsent is true or false\n  question nb "A?" en "B?"\n' },
      'main.lov',
    );
    expect(diagnostics.map((d) => [d.code, basename(d.range.file)])).toEqual([['LOV2007', 'main.lov']]);
    expect(basename(diagnostics[0]!.related[0]!.range.file)).toBe('more.lov');
  });
});

describe('names in expressions', () => {
  it('reports an undeclared fact with the closest fact as hint (LOV2001)', () => {
    const d = expectDiagnostic(ruleWhen('chanel = email'), 'LOV2001', 'chanel');
    expect(d.hint?.en).toBe('Did you mean “channel”?');
    expect(d.hint?.nb).toBe('Mente du «channel»?');
  });

  it('reports a value the fact does not have, suggesting one and listing the few there are (LOV2002)', () => {
    const d = expectDiagnostic(ruleWhen('channel = emial'), 'LOV2002', 'emial');
    expect(d.message.en).toBe('“emial” is not a value of fact “channel”.');
    expect(d.hint?.en).toBe('Did you mean “email”? The values of “channel” are: email, sms, letter.');
  });

  it('checks every value of an `in` list', () => {
    expectDiagnostic(ruleWhen('channel not in {email, fax}'), 'LOV2002', 'fax');
  });

  it('reports an undeclared bare name, suggesting conditions and yes/no facts (LOV2003)', () => {
    const d = expectDiagnostic(ruleWhen('electronik'), 'LOV2003', 'electronik');
    expect(d.hint?.en).toBe('Did you mean “electronic”?');
  });

  it('does not suggest a fact of the wrong kind', () => {
    const d = expectDiagnostic(ruleWhen('channels'), 'LOV2003', 'channels');
    expect(d.hint).toBeUndefined();
  });

  it('reports a yes/no fact compared with something other than true or false (LOV2008)', () => {
    const d = expectDiagnostic(ruleWhen('hasConsent = email'), 'LOV2008', 'email');
    expect(d.message.en).toContain('“hasConsent” is a yes/no fact');
  });

  it('accepts a yes/no fact compared with true and false', () => {
    expectNoDiagnostics(ruleWhen('hasConsent = false and channel = letter'));
  });

  it('reports an enumeration fact used bare as a condition (LOV2009)', () => {
    const d = expectDiagnostic(ruleWhen('channel'), 'LOV2009', 'channel');
    expect(d.message.en).toBe('“channel” has several possible values; say which, for example “channel = email”.');
  });

  it('reports a condition compared with a value (LOV2014)', () => {
    expectDiagnostic(ruleWhen('electronic = true'), 'LOV2014', 'electronic');
  });

  it('reports `in` on a yes/no fact (LOV2022)', () => {
    expectDiagnostic(ruleWhen('hasConsent in {true}'), 'LOV2022', 'hasConsent');
  });

  it('reports a value listed twice in `in` (LOV2017)', () => {
    const d = expectDiagnostic(ruleWhen('channel in {email, sms, email}'), 'LOV2017', { last: 'email' });
    expect(d.related[0]?.message.en).toBe('“email” is first listed here.');
  });

  it('reports all mistakes of one expression in one run', () => {
    expect(codes(ruleWhen('chanel = email or hasConsent = yes or not electronik'))).toEqual(['LOV2001', 'LOV2008', 'LOV2003']);
  });
});

describe('obligations and sources', () => {
  it('reports an undeclared obligation in `must` (LOV2004)', () => {
    const src = BASE.replace('must IDENTIFY_SENDER', 'must IDENTIFY_SENDR');
    const d = expectDiagnostic(src, 'LOV2004', 'IDENTIFY_SENDR');
    expect(d.hint?.en).toBe('Did you mean “IDENTIFY_SENDER”?');
  });

  it('accepts an obligation set in `must` and checks its `includes` and `when`', () => {
    const src = withBase(`
      obligation set base
        includes IDENTIFY_SENDER when hasConsent
      rule R9 "Sett"
        exception to R3
        when channel = letter
        then allowed_with_conditions
        must base
        because nb "Fordi." en "Because."
        cites mfl "§ 15"
    `);
    expectNoDiagnostics(src);
    expectDiagnostic(src.replace('includes IDENTIFY_SENDER', 'includes NOPE'), 'LOV2004', 'NOPE');
    expectDiagnostic(src.replace('when hasConsent', 'when hasConsnt'), 'LOV2003', 'hasConsnt');
  });

  it('reports an undeclared source in a citation (LOV2005)', () => {
    const d = expectDiagnostic(BASE.replace('cites mfl "§ 9"', 'cites mlf "§ 9"'), 'LOV2005', 'mlf');
    expect(d.hint?.en).toBe('Did you mean “mfl”?');
  });
});

describe('duplicates (LOV2007)', () => {
  it('reports the second declaration and points at the first', () => {
    const src = withBase(`
      fact hasConsent is true or false
        question nb "Igjen?" en "Again?"
    `);
    const d = expectDiagnostic(src, 'LOV2007', { line: 43, column: 6 });
    expect(d.related).toHaveLength(1);
    expect(textAt(src, d.related[0]!.range)).toBe('hasConsent');
    expect(d.related[0]!.range.start.line).toBe(12);
  });

  it('treats a fact and a condition of the same name as a duplicate', () => {
    expectDiagnostic(withBase('condition channel\n  label nb "k" en "c"\n  means hasConsent'), 'LOV2007', { last: 'channel' });
  });

  it('treats an obligation and an obligation set of the same name as a duplicate', () => {
    expectDiagnostic(withBase('obligation set IDENTIFY_SENDER\n  includes IDENTIFY_SENDER'), 'LOV2007', { line: 43, column: 16 });
  });

  it('lets a rule, a source and a fact share a name (they never stand in the same place)', () => {
    const src = BASE.replace(/\bR3\b/, 'mfl');
    expect(codes(src)).toEqual([]);
  });

  it('reports two examples with the same name', () => {
    const example = 'example "E"\n  given channel = letter\n  expect allowed\n';
    expectDiagnostic(withBase(example + example), 'LOV2007', '"E"');
  });

  it('reports a value declared twice in one fact (LOV2017)', () => {
    expectDiagnostic(BASE.replace('value letter', 'value sms'), 'LOV2017', { line: 9, column: 9 });
  });
});

describe('facts', () => {
  it('needs at least two values for a choice (LOV2018)', () => {
    expectDiagnostic(BASE.replace(/ {2}value sms.*\n {2}value letter.*\n/, ''), 'LOV2018', 'channel');
  });

  it('checks `typical` against the values (LOV2019)', () => {
    const d = expectDiagnostic(BASE.replace('question nb "Hvilken', 'typical emal\n  question nb "Hvilken'), 'LOV2019', 'emal');
    expect(d.hint?.en).toContain('Did you mean “email”?');
    expectDiagnostic(BASE.replace('question nb "Har', 'typical yes\n  question nb "Har'), 'LOV2019', 'yes');
    expectNoDiagnostics(BASE.replace('question nb "Har', 'typical false\n  question nb "Har'));
  });

  it('needs a question (LOV3007) and a label for each value (LOV3008)', () => {
    expectDiagnostic(BASE.replace('  question nb "Har mottakeren samtykket?" en "Has the recipient consented?"\n', ''), 'LOV3007', 'hasConsent');
    expectDiagnostic(BASE.replace('value letter label nb "Brev" en "Letter"', 'value letter'), 'LOV3008', 'letter');
  });
});

describe('conditions', () => {
  it('needs a label (LOV3010) and a meaning (LOV3014)', () => {
    expectDiagnostic(BASE.replace(/ {2}label nb "meldingen.*\n/, ''), 'LOV3010', 'electronic');
    expectDiagnostic(BASE.replace('  means channel in {email, sms}\n', ''), 'LOV3014', 'electronic');
  });

  it('reports conditions defined through each other, naming the circle (LOV2011)', () => {
    const src = withBase(`
      condition a
        label nb "a" en "a"
        means b and hasConsent
      condition b
        label nb "b" en "b"
        means not a
    `).replace('when electronic', 'when electronic and a');
    const d = expectDiagnostic(src, 'LOV2011', 'b');
    expect(d.message.en).toBe('The conditions are defined in terms of each other in a circle: a → b → a.');
    expect(d.related.map((r) => textAt(src, r.range))).toEqual(['a']);
    expect(codes(src).filter((c) => c === 'LOV2011')).toHaveLength(1);
  });

  it('reports a condition defined by itself', () => {
    const src = withBase('condition a\n  label nb "a" en "a"\n  means a or hasConsent').replace('when electronic', 'when a');
    expect(expectDiagnostic(src, 'LOV2011').message.en).toContain('a → a');
  });
});

describe('obligation sets', () => {
  it('reports sets that include each other, naming the circle (LOV2016)', () => {
    const src = withBase(`
      obligation set s1
        includes IDENTIFY_SENDER, s2
      obligation set s2
        includes s1
    `).replace('must IDENTIFY_SENDER', 'must s1');
    expect(expectDiagnostic(src, 'LOV2016', 's2').message.en).toContain('s1 → s2 → s1');
  });
});

describe('exceptions', () => {
  it('reports an exception to a rule that does not exist, with a hint (LOV2006)', () => {
    const d = expectDiagnostic(BASE.replace('exception to R1', 'exception to R11'), 'LOV2006', 'R11');
    expect(d.hint?.en).toBe('Did you mean “R1”?');
  });

  it('reports a rule that is an exception to itself (LOV2021)', () => {
    expectDiagnostic(BASE.replace('exception to R1', 'exception to R1, R2'), 'LOV2021', 'R2');
  });

  it('reports exceptions in a circle once, naming it R1 → R2 → R1 (LOV2010)', () => {
    const src = BASE.replace('rule R1 "Hovedregel"', 'rule R1 "Hovedregel"\n  exception to R2');
    const d = expectDiagnostic(src, 'LOV2010', { line: 24, column: 16 });
    expect(d.message.en).toBe('The exceptions form a circle: R1 → R2 → R1.');
    expect(codes(src)).toEqual(['LOV2010']);
  });
});

describe('rules', () => {
  const rule = (body: string): string => withBase(`rule R9 "Test"\n  exception to R3\n${body}`);
  const because = '  because nb "Fordi." en "Because."\n';
  const cites = '  cites mfl "§ 15"\n';

  it('needs a citation (LOV3001), a reason (LOV3003) and an outcome (LOV3012)', () => {
    expectDiagnostic(rule(`  then allowed\n${because}`), 'LOV3001', 'R9');
    expectDiagnostic(rule(`  then allowed\n${cites}`), 'LOV3003', 'R9');
    expectDiagnostic(rule(because + cites), 'LOV3012', 'R9');
  });

  it('reports an unknown outcome with a hint (LOV2012)', () => {
    const d = expectDiagnostic(rule(`  then alowed\n${because}${cites}`), 'LOV2012', 'alowed');
    expect(d.hint?.en).toBe('Did you mean “allowed”? The outcomes are: allowed, allowed_with_conditions, not_allowed, uncertain.');
    expect(d.hint?.nb).toBe('Mente du «allowed»? Mulige utfall er: allowed, allowed_with_conditions, not_allowed, uncertain.');
  });

  it('needs a judgement exactly when the outcome is uncertain (LOV3005, LOV3006)', () => {
    const judgement = '  judgement nb "Er det rimelig?" en "Is it reasonable?"\n';
    expectDiagnostic(rule(`  then uncertain\n${because}${cites}`), 'LOV3005', 'R9');
    expectDiagnostic(rule(`  then allowed\n${because}${judgement}${cites}`), 'LOV3006', 'nb "Er det rimelig?" en "Is it reasonable?"');
    expectNoDiagnostics(rule(`  then uncertain\n${because}${judgement}${cites}`));
  });

  it('reports a missing language in any text (LOV3004)', () => {
    const d = expectDiagnostic(rule(`  then allowed\n  because nb "Fordi."\n${cites}`), 'LOV3004', 'nb "Fordi."');
    expect(d.message.en).toBe('The text has no en version.');
    expectDiagnostic(BASE.replace('label nb "SMS" en', 'label en'), 'LOV3004', 'en "Text message"');
  });

  it('reports a period that ends before it begins (LOV2020)', () => {
    const d = expectDiagnostic(rule(`  then allowed\n${because}${cites}  in force from 2020-01-01 until 2019-12-31\n`), 'LOV2020');
    expect(d.message.en).toBe('The period ends (2019-12-31) before it begins (2020-01-01).');
  });

  it('warns when a citation names a section but its source cannot link to one (LOV3013)', () => {
    const src = BASE.replace(/ {2}section url .*\n/, '');
    const d = expectDiagnostic(src, 'LOV3013', 'mfl "§ 9"');
    expect(d.severity).toBe('warning');
  });
});

describe('sources', () => {
  it('needs a url and a status (LOV3009) and knows the statuses (LOV2013)', () => {
    expect(expectDiagnostic(BASE.replace(/ {2}url .*\n/, ''), 'LOV3009', 'mfl').message.en).toBe('Source “mfl” has no url.');
    expect(expectDiagnostic(BASE.replace('  status primary\n', ''), 'LOV3009', 'mfl').message.en).toBe('Source “mfl” has no status.');
    expect(expectDiagnostic(BASE.replace('status primary', 'status primery'), 'LOV2013', 'primery').hint?.en).toBe(
      'Did you mean “primary”? The statuses are: primary, secondary, unverified.',
    );
  });
});

describe('obligations', () => {
  it('needs a text (LOV3011) and a citation (LOV3002)', () => {
    expectDiagnostic(BASE.replace(/ {2}text nb "Oppgi.*\n/, ''), 'LOV3011', 'IDENTIFY_SENDER');
    expectDiagnostic(BASE.replace('  cites mfl "§ 9"\n', ''), 'LOV3002', 'IDENTIFY_SENDER');
  });
});

describe('unused declarations (LOV2015)', () => {
  it('warns about a fact, condition, obligation, set and source nothing refers to', () => {
    const src = withBase(`
      source other "Annen kilde"
        url "https://example.org"
        status secondary
      fact spare is true or false
        question nb "Ekstra?" en "Extra?"
      condition idle
        label nb "i" en "i"
        means hasConsent
      obligation UNUSED
        text nb "u" en "u"
        cites mfl "§ 1"
      obligation set lonely
        includes IDENTIFY_SENDER
    `);
    const unused = checkProgram(src).diagnostics.filter((d) => d.code === 'LOV2015');
    expect(unused.map((d) => textAt(src, d.range))).toEqual(['other', 'spare', 'idle', 'UNUSED', 'lonely']);
    expect(unused.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('does not also warn when the only reference to a declaration is misspelt', () => {
    const src = BASE.replace('when hasConsent', 'when hasConsnt').replace('must IDENTIFY_SENDER', 'must IDENTIFY_SENDR');
    expect(codes(src)).toEqual(['LOV2003', 'LOV2004']);
  });

  it('counts a fact that only examples give as unused', () => {
    const src = withBase(`
      fact spare is true or false
        question nb "Ekstra?" en "Extra?"
      example "E"
        given spare = true, channel = letter
        expect allowed
    `);
    expectDiagnostic(src, 'LOV2015', 'spare');
  });

  it('reports only the root of a dead chain (a fact used only by an unused condition is not reported)', () => {
    const src = withBase(`
      fact spare is true or false
        question nb "Ekstra?" en "Extra?"
      condition idle
        label nb "i" en "i"
        means spare
    `);
    expect(codes(src)).toEqual(['LOV2015']);
    expectDiagnostic(src, 'LOV2015', 'idle');
  });
});

describe('examples', () => {
  const example = (body: string): string => withBase(`example "E"\n${body}`);

  it('accepts an example that names only declared things', () => {
    expectNoDiagnostics(
      example('  given channel = email, hasConsent = true\n  on 2024-01-01\n  expect allowed_with_conditions\n  expect obligations IDENTIFY_SENDER\n  expect rule R2\n'),
    );
    expectNoDiagnostics(example('  given channel = email\n  expect undecided\n  expect missing hasConsent\n  expect obligations none\n'));
  });

  it('reports unknown facts and values in `given`', () => {
    expectDiagnostic(example('  given chanel = email\n  expect allowed\n'), 'LOV2001', 'chanel');
    expectDiagnostic(example('  given channel = fax\n  expect allowed\n'), 'LOV2002', 'fax');
    expectDiagnostic(example('  given hasConsent = yes\n  expect allowed\n'), 'LOV2008', 'yes');
    expectDiagnostic(example('  given electronic = true\n  expect allowed\n'), 'LOV2014', 'electronic');
  });

  it('reports a fact given twice (LOV5002), pointing at the first', () => {
    const d = expectDiagnostic(example('  given channel = email\n  given channel = sms\n  expect allowed\n'), 'LOV5002', { last: 'channel' });
    expect(d.related[0]?.range.start.line).toBe(d.range.start.line - 1);
  });

  it('reports an example that expects nothing (LOV5003)', () => {
    expectDiagnostic(example('  given channel = email\n'), 'LOV5003', '"E"');
  });

  it('reports unknown outcomes, obligations, rules and facts in `expect`', () => {
    expectDiagnostic(example('  expect alowed\n'), 'LOV2012', 'alowed');
    const rule = expectDiagnostic(example('  expect R1\n'), 'LOV2012', 'R1');
    expect(rule.hint?.en).toBe('To expect a rule, write “expect rule R1”.');
    expectDiagnostic(example('  expect obligations IDENTIFY\n'), 'LOV2004', 'IDENTIFY');
    const d = expectDiagnostic(example('  expect rule R7\n'), 'LOV2023', 'R7');
    expect(d.message.en).toBe('Rule “R7” is not declared.');
    expectDiagnostic(example('  expect missing hasConsnt\n'), 'LOV2001', 'hasConsnt');
  });
});

describe('robustness', () => {
  const good = readFileSync(new URL('./corpus/good/email-consent.lov', import.meta.url), 'utf8');

  it('never throws on what the tolerant parser makes of a broken file', () => {
    fc.assert(
      fc.property(fc.nat(good.length), fc.nat(good.length), fc.string({ maxLength: 8 }), (cut, at, junk) => {
        const broken = good.slice(0, Math.min(cut, at)) + junk + good.slice(Math.max(cut, at));
        const { diagnostics } = check([parse(broken, 'broken.lov').file]);
        expect(Array.isArray(diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
