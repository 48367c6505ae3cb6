/**
 * The charity edit that issue 12 measured: a lawyer adds a new yes/no fact and a new exception to the
 * general consent rule R30. The CLI test (charity-edit.test.ts), the playground's unit test and its
 * browser test all make this same edit.
 */

/** The new fact, appended to rules/facts.lov. */
export const CHARITY_FACT = `
fact charityFundraising is true or false
  question nb "Samler du inn penger til et veldedig formål?"
           en "Are you raising money for a charity?"
  typical false
`;

/** The new exception to R30, appended to rules/electronic.lov. */
export const CHARITY_RULE = `
rule R31 "Innsamling til veldedige formål" en "Charity fundraising"
  exception to R30
  when charityFundraising
  then allowed_with_conditions
  because nb "Innsamling til veldedige formål er ikke vanlig reklame for varer og tjenester."
          en "Fundraising for a charity is not ordinary advertising of goods and services."
  cites mfl "§ 15 første ledd"
`;
