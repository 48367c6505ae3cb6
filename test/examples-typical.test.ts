/**
 * Examples and facts they do not give: unknown by default, the declared typical value with
 * `given typical`; a failure that comes only from such a fact names exactly that fact, and several
 * examples with the same cause are one finding.
 */
import { describe, expect, it } from 'vitest';
import { memoryHost } from '../compiler/load/index.ts';
import { compilePack } from '../compiler/pipeline.ts';
import { format } from '../compiler/format/index.ts';

const PACK = (examples: string) => `source mfl "Markedsføringsloven"
  url "https://lovdata.no/lov/2009-01-09-2"
  status primary

fact channel is one of
  value email label nb "E-post" en "E-mail"
  value letter label nb "Brev" en "Letter"
  question nb "Hvordan?" en "How?"

fact charity is true or false
  question nb "Veldedig?" en "Charity?"
  typical false

fact large is true or false
  question nb "Stor?" en "Large?"

rule R1 "E-post"
  when channel = email
  then not_allowed
  because nb "Samtykke kreves." en "Consent is needed."
  cites mfl "§ 15"

rule R2 "Veldedig"
  exception to R1
  when charity
  then allowed
  because nb "Veldedig." en "Charity."
  cites mfl "§ 15"

rule R3 "Brev"
  when channel = letter
  then allowed
  because nb "Brev er lov." en "Letters are allowed."
  cites mfl "§ 15"
${examples}`;

const run = (examples: string) => compilePack(['/p.lov'], { host: memoryHost({ '/p.lov': PACK(examples) }) });
/** The example findings (the pack itself only warns that `large` is unused and that the source has no section url). */
const examples = (r: ReturnType<typeof run>) => r.diagnostics.filter((d) => d.code.startsWith('LOV5'));
const codes = (r: ReturnType<typeof run>) => examples(r).map((d) => d.code);

describe('examples and the facts they do not give', () => {
  it('leaves an unnamed fact unknown, and names exactly that fact when it is what makes the example fail', () => {
    const r = run('\nexample "E-post"\n  given channel = email\n  expect not_allowed\n');
    expect(codes(r)).toEqual(['LOV5010']);
    const d = examples(r)[0]!;
    expect(d.message.en).toBe('Example “E-post” failed because it does not give charity: expected outcome not_allowed, got undecided (missing charity).');
    expect(d.message.nb).toBe('Eksempelet «E-post» feilet fordi det ikke oppgir charity: ventet utfallet not_allowed, fikk ikke avgjort (mangler charity).');
    expect(d.hint!.en).toContain('With “given charity = false” the example passes.');
    expect(d.range.start.line).toBe(d.range.end.line); // the example's first line, not its whole block
  });

  it('with `given typical`, an unnamed fact takes its typical value', () => {
    const r = run('\nexample "E-post"\n  given typical\n  given channel = email\n  expect not_allowed\n');
    expect(codes(r)).toEqual([]);
    expect(r.pack!.ir.examples[0]!.typical).toBe(true);
  });

  it('keeps a fact without a typical value unknown under `given typical`', () => {
    const r = run('\nexample "Stor"\n  given typical\n  given channel = letter\n  expect missing large\n');
    expect(codes(r)).toEqual(['LOV5001']);
  });

  it('groups the examples that fail for the same unnamed fact into one finding', () => {
    const r = run('\nexample "A"\n  given channel = email\n  expect not_allowed\n\nexample "B"\n  given channel = email\n  expect rule R1\n');
    expect(codes(r)).toEqual(['LOV5011']);
    expect(examples(r)[0]!.message.en).toBe('2 examples failed only because they do not give charity, for example “A”.');
    expect(examples(r)[0]!.related.map((x) => x.message.en)).toEqual(['also “B”']);
  });

  it('reports an example that fails for its own reasons as before', () => {
    const r = run('\nexample "Brev"\n  given channel = letter\n  expect not_allowed\n');
    expect(examples(r).map((d) => d.message.en)).toEqual(['Example “Brev” failed: expected outcome not_allowed, got allowed.']);
  });

  it('formats `given typical` as its own line', () => {
    const text = PACK('\nexample "E-post"\n  given typical\n  given channel = email\n  expect not_allowed\n');
    expect(format(text, '/p.lov').text).toContain('example "E-post"\n  given typical\n  given channel = email\n');
  });
});
