/**
 * An independent, hand-written implementation of SPEC.md section 8 (pseudo-code) and section 5.3
 * (rules evaluated in order, the first match wins), as revised by section 5.4 (revision 2,
 * 2 December 2026), over TOTAL facts: every one of the 28 facts given.
 *
 * It does not read the rule pack, the vocabulary or the compiler. It is the oracle the pack is tested
 * against, and the "hand-written function" baseline in the benchmarks: every result is a constant
 * built once, so a call allocates nothing.
 */

export type Outcome = 'allowed' | 'allowed_with_conditions' | 'not_allowed' | 'uncertain';

/** All 28 facts of SPEC.md section 5.1 and 5.4, every one given. */
export interface TotalFacts {
  channel: string;
  senderActsInBusiness: boolean;
  purpose: string;
  recipientType: string;
  recipientAgeGroup: string;
  addressSource: string;
  hasConsent: boolean;
  consentMethod: string;
  consentBundledAsCondition: boolean;
  consentCoversChannel: boolean;
  consentCoversSender: boolean;
  consentCoversProductType: boolean;
  consentInformed: boolean;
  consentDocumented: boolean;
  consentUnusedLongPeriod: boolean;
  recipientOptedOut: boolean;
  customerRelationship: string;
  optOutOfferedAtCollection: boolean;
  productOwner: string;
  productSimilarToRelationship: boolean;
  reservedInRegister: boolean;
  explicitRequestToSender: boolean;
  callTime: string;
  callerIdVisibleAndListed: boolean;
  listWashedAgainstRegister: boolean;
  contractOfferedDuringCall: boolean;
  mailboxMarkedNoAds: boolean;
  offerForRecipientsBusiness: boolean;
}

export interface ReferenceResult {
  readonly outcome: Outcome;
  /** Obligation codes of SPEC.md section 5.2, sorted. */
  readonly obligations: readonly string[];
  /** The id of the section 5.3 rule that decided. */
  readonly rule: string;
}

function result(outcome: Outcome, rule: string, obligations: readonly string[] = []): ReferenceResult {
  return Object.freeze({ outcome, rule, obligations: Object.freeze([...obligations].sort()) });
}

// Obligation sets of section 5.2 / 5.3.
const E_BASE = ['IDENTIFY_SENDER', 'MARK_AS_MARKETING', 'HONOUR_OPT_OUT'];
const CONSENT_SET = [...E_BASE, 'FREE_OPT_OUT_EVERY_MESSAGE', 'KEEP_CONSENT_PROOF', 'STAY_WITHIN_CONSENT_SCOPE'];
const CUSTOMER_SET = [...E_BASE, 'FREE_OPT_OUT_EVERY_MESSAGE', 'ONLY_OWN_SIMILAR_PRODUCTS'];
const PHONE_BASE = [
  'WASH_AGAINST_RESERVATION_REGISTER',
  'CALL_ONLY_WEEKDAYS_0900_2100',
  'SHOW_CALLER_ID',
  'IDENTIFY_AT_CALL_START',
  'DISCLOSE_DATA_SOURCE',
  'HONOUR_OPT_OUT',
  'GDPR_LAWFUL_BASIS_AND_INFO',
];
const WRITTEN = 'WRITTEN_OFFER_AND_WRITTEN_ACCEPTANCE';
const LETTER_BASE = [
  'WASH_AGAINST_RESERVATION_REGISTER',
  'IDENTIFY_SENDER',
  'DISCLOSE_DATA_SOURCE',
  'HONOUR_OPT_OUT',
  'GDPR_LAWFUL_BASIS_AND_INFO',
];
const OWN = 'ONLY_OWN_SIMILAR_PRODUCTS';

const R01 = result('allowed', 'R01');
const R02 = result('uncertain', 'R02');
const R03 = result('uncertain', 'R03');
const R40 = result('not_allowed', 'R40');
const R41 = result('allowed', 'R41');
const R10 = result('allowed_with_conditions', 'R10', ['IDENTIFY_SENDER', 'MARK_AS_MARKETING']);
const R10a = result('uncertain', 'R10a');
const R18 = result('allowed_with_conditions', 'R18', [...E_BASE, 'KEEP_CONSENT_PROOF', 'STAY_WITHIN_CONSENT_SCOPE']);
const R19 = result('not_allowed', 'R19');
const R11 = result('not_allowed', 'R11');
const R12 = result('uncertain', 'R12');
const R13 = result('allowed_with_conditions', 'R13', CONSENT_SET);
const R14 = result('uncertain', 'R14');
const R15 = result('uncertain', 'R15');
const R16 = result('uncertain', 'R16');
const R17 = result('uncertain', 'R17');
const R20 = result('allowed_with_conditions', 'R20', CUSTOMER_SET);
const R21 = result('uncertain', 'R21');
const R22 = result('uncertain', 'R22');
const R30 = result('not_allowed', 'R30');
const R50 = result('allowed_with_conditions', 'R50', ['DISCLOSE_DATA_SOURCE', 'HONOUR_OPT_OUT']);
const R51 = result('not_allowed', 'R51');
const R52 = result('not_allowed', 'R52');
const R53 = result('not_allowed', 'R53');
const R54 = result('not_allowed', 'R54');
const R55 = result('allowed_with_conditions', 'R55', PHONE_BASE);
const R55_CONTRACT = result('allowed_with_conditions', 'R55', [...PHONE_BASE, WRITTEN]);
const R56 = result('allowed_with_conditions', 'R56', [...PHONE_BASE, OWN]);
const R56_CONTRACT = result('allowed_with_conditions', 'R56', [...PHONE_BASE, OWN, WRITTEN]);
const R57 = result('not_allowed', 'R57');
const R58 = result('uncertain', 'R58');
const R59 = result('not_allowed', 'R59');
const R60 = result('allowed_with_conditions', 'R60', PHONE_BASE);
const R60_CONTRACT = result('allowed_with_conditions', 'R60', [...PHONE_BASE, WRITTEN]);
const R70 = result('allowed_with_conditions', 'R70', ['IDENTIFY_SENDER', 'DISCLOSE_DATA_SOURCE', 'HONOUR_OPT_OUT']);
const R71 = result('not_allowed', 'R71');
const R72 = result('not_allowed', 'R72');
const R73 = result('allowed_with_conditions', 'R73', LETTER_BASE);
const R74 = result('allowed_with_conditions', 'R74', [...LETTER_BASE, OWN]);
const R75 = result('uncertain', 'R75');
const R76 = result('not_allowed', 'R76');
const R77 = result('allowed_with_conditions', 'R77', LETTER_BASE);
const R78 = result('not_allowed', 'R78');

function isElectronic(channel: string): boolean {
  return (
    channel === 'email' ||
    channel === 'sms_mms' ||
    channel === 'messaging_dm' ||
    channel === 'push_notification' ||
    channel === 'fax' ||
    channel === 'automated_call'
  );
}

function isElectronicMail(channel: string): boolean {
  return channel === 'email' || channel === 'sms_mms' || channel === 'messaging_dm';
}

function isMarketingPurpose(purpose: string): boolean {
  return purpose === 'marketing' || purpose === 'newsletter_with_marketing' || purpose === 'survey_with_marketing';
}

/** Reached as a business for §§ 12–14: a sole proprietor only when the offer is for the business (5.4 item 7). */
function isBusinessRecipient(f: TotalFacts): boolean {
  return (
    f.recipientType === 'generic_business_address' ||
    f.recipientType === 'employee_named_address' ||
    (f.recipientType === 'sole_proprietor' && f.offerForRecipientsBusiness)
  );
}

/** Every consent condition of `validConsent` except the method (shared by R13–R16 and R17). */
function consentTermsMet(f: TotalFacts): boolean {
  return (
    f.hasConsent &&
    !f.consentBundledAsCondition &&
    f.consentCoversChannel &&
    f.consentCoversSender &&
    f.consentCoversProductType &&
    f.consentInformed &&
    f.recipientAgeGroup !== 'under_15'
  );
}

function electronicRules(f: TotalFacts): ReferenceResult {
  if (f.recipientType === 'generic_business_address') return f.recipientOptedOut ? R10a : R10;
  // From here on the recipient is a natural person (private, sole proprietor, employee, unknown).
  if (f.recipientOptedOut) return R11;
  if (f.purpose === 'referral_message') return R19;
  if (f.explicitRequestToSender) return R18;
  let doubtful: ReferenceResult | undefined;
  const terms = consentTermsMet(f);
  if (terms && f.consentMethod === 'active_opt_in') {
    if (f.recipientAgeGroup === 'age_15_to_17') doubtful = R14;
    else if (f.consentUnusedLongPeriod) doubtful = R15;
    else if (!f.consentDocumented) doubtful = R16;
    else return R13;
  } else if (terms && f.consentMethod === 'oral') doubtful = R17;
  if (isElectronicMail(f.channel) && (isMarketingPurpose(f.purpose) || f.purpose === 'consent_request')) {
    const exception =
      (f.customerRelationship === 'ongoing' || f.customerRelationship === 'single_purchase_durable') &&
      f.addressSource === 'collected_in_sale' &&
      f.optOutOfferedAtCollection &&
      f.productOwner === 'own' &&
      f.productSimilarToRelationship;
    const ongoing = f.customerRelationship === 'ongoing';
    if (exception && ongoing && isMarketingPurpose(f.purpose)) return R20;
    if (doubtful) return doubtful;
    if (exception && ongoing) return R21;
    if (exception && isMarketingPurpose(f.purpose)) return R22;
  }
  if (doubtful) return doubtful;
  if (f.channel === 'push_notification') return R12;
  return R30;
}

/** The reservation exceptions of § 12/§ 13 fjerde ledd, shared by telephone and post (5.4 item 8). */
function customerOfReserved(f: TotalFacts, allowed: ReferenceResult, uncertain: ReferenceResult, refused: ReferenceResult): ReferenceResult | undefined {
  const claimed = f.customerRelationship === 'ongoing' || f.customerRelationship === 'single_purchase_durable';
  if (!claimed || f.addressSource !== 'collected_in_sale') return undefined;
  if (f.productOwner !== 'own' || !f.productSimilarToRelationship) return refused;
  return f.customerRelationship === 'ongoing' ? allowed : uncertain;
}

function telephoneRules(f: TotalFacts): ReferenceResult {
  if (f.recipientType !== 'generic_business_address' && f.recipientOptedOut) return R51;
  if (isBusinessRecipient(f)) return R50;
  // Consumer: private person, unknown, or a sole proprietor offered something for private use.
  if (f.callTime !== 'weekday_0900_2100') return R52;
  if (!f.callerIdVisibleAndListed) return R53;
  if (!f.listWashedAgainstRegister) return R54;
  if (f.reservedInRegister) {
    if (f.explicitRequestToSender) return f.contractOfferedDuringCall ? R55_CONTRACT : R55;
    return customerOfReserved(f, f.contractOfferedDuringCall ? R56_CONTRACT : R56, R58, R57) ?? R59;
  }
  return f.contractOfferedDuringCall ? R60_CONTRACT : R60;
}

function letterRules(f: TotalFacts): ReferenceResult {
  if (f.recipientType !== 'generic_business_address' && f.recipientOptedOut) return R71;
  if (isBusinessRecipient(f)) return R70;
  if (!f.listWashedAgainstRegister) return R72;
  if (f.reservedInRegister) {
    if (f.explicitRequestToSender) return R73;
    return customerOfReserved(f, R74, R75, R78) ?? R76;
  }
  return R77;
}

/** SPEC.md section 8 over total facts: the first matching rule of section 5.3 decides. */
export function referenceDecide(f: TotalFacts): ReferenceResult {
  if (f.purpose === 'service_message') return R01;
  if (f.purpose === 'survey_without_marketing') return R02;
  if (!f.senderActsInBusiness) return R03;
  if (f.channel === 'unaddressed_mail') return f.mailboxMarkedNoAds ? R40 : R41;
  if (isElectronic(f.channel)) return electronicRules(f);
  if (f.channel === 'phone_call_live') return telephoneRules(f);
  if (f.channel === 'addressed_letter') return letterRules(f);
  throw new Error(`referenceDecide: unknown channel ${String(f.channel)}`);
}
