/**
 * Where the playground lives in each language. Kept out of routes.ts so that the scripts of the
 * other pages (which bundle ROUTES) do not grow by a byte for it.
 */
import type { Lang } from '../routes.ts';

/** «Prøv reglene» / "Try the rules". */
export const PLAYGROUND: Record<Lang, string> = { nb: '/regler/prov/', en: '/en/rules/try/' };
