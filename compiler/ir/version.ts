/**
 * The pack version, in a module of its own: `lovkode decide` checks that lib/no.mjs was built from
 * the rules on disk with it, and must not load the parser (in the same bundle chunk as the lowering)
 * to do so.
 */
import { sha256Hex } from './sha256.ts';

/**
 * Hashes the source texts of a pack into a short, stable version id. The texts are sorted, so the id
 * does not depend on where the files are or in which order they load; the same texts (with the same
 * entry file) are the same pack. `sha256` is the pure-JS hash unless a caller has a faster one (Node's).
 */
export function packVersion(texts: readonly string[], sha256: (bytes: Uint8Array) => string = sha256Hex): string {
  const all = [...texts].sort().map((t) => `${t}\0`).join('');
  return sha256(new TextEncoder().encode(all)).slice(0, 16);
}
