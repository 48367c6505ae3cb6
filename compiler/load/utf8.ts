/**
 * Strict UTF-8: rule files and facts input must be valid UTF-8 (a byte-order mark is allowed and
 * dropped); invalid bytes are reported with their offset instead of becoming U+FFFD. No Node APIs.
 */

const strict = new TextDecoder('utf-8', { fatal: true });

/** The byte offset of the first byte that is not valid UTF-8 in `bytes`, or -1 when all are. */
export function invalidUtf8At(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes UTF-8 strictly, dropping a leading byte-order mark: the text, or the offset of the first bad byte. */
export function decodeStrict(bytes: Uint8Array): { text: string } | { offset: number } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    return { offset: Math.max(0, invalidUtf8At(bytes)) };
  }
}
