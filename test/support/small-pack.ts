/** A small rule pack in two files, as strings: for the compile API's tests and the package test. */
export const SMALL_PACK: Record<string, string> = {
  'facts.lov': `fact channel is one of
  value email label nb "E-post" en "E-mail"
  value letter label nb "Brev" en "Letter"
  question nb "Hvordan vil du kontakte mottakeren?" en "How will you contact the recipient?"

fact hasConsent is true or false
  question nb "Har mottakeren samtykket?" en "Has the recipient consented?"
  action true nb "Be om samtykke først." en "Ask for consent first."
`,
  'rules/main.lov': `import "../facts.lov"

source mfl "Markedsføringsloven"
  url "https://lovdata.no/lov/2009-01-09-2"
  section url "https://lovdata.no/lov/2009-01-09-2/§{section}"
  status primary
  cited as "mfl."

rule R1 "Brev er lov"
  when channel = letter
  then allowed
  because nb "Brev er lov." en "Letters are allowed."
  cites mfl "§ 15"

rule R2 "E-post krever samtykke"
  when channel = email and not hasConsent
  then not_allowed
  because nb "E-post krever samtykke." en "E-mail needs consent."
  cites mfl "§ 15"

rule R3 "E-post med samtykke"
  when channel = email and hasConsent
  then allowed
  because nb "Mottakeren har samtykket." en "The recipient has consented."
  cites mfl "§ 15"

example "E-post uten samtykke"
  given channel = email, hasConsent = false
  expect not_allowed
`,
};
