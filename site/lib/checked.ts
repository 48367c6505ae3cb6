/** When the law was last compared with Lovdata, as the rule pack's changelog (rules/CHANGELOG.md) states it. */

/** The exact line the changelog must carry, with an ISO date. */
const CHECKED_LINE = /^Sist kontrollert mot Lovdata \/ Last compared with Lovdata: (\d{4}-\d{2}-\d{2})\s*$/m;

/** The date of the last comparison with Lovdata in a changelog's text; throws when the line is missing. */
export function lastCompared(changelog: string): string {
  const m = CHECKED_LINE.exec(changelog);
  if (!m || Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`))) {
    throw new Error('rules/CHANGELOG.md: the line «Sist kontrollert mot Lovdata / Last compared with Lovdata: YYYY-MM-DD» is missing or has no valid date');
  }
  return m[1]!;
}
