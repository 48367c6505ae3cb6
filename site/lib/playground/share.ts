/**
 * «Del» / "Share": the edit in the URL fragment, so a lawyer can send a proposed change as a link and
 * nothing goes to a server. Each edited file travels as the part that differs from the published
 * text (what comes before and after it is given as lengths) with a checksum of the published text,
 * so the link stays short and a link made against other published rules is noticed, not misapplied.
 * `#z=` is deflate-raw (CompressionStream) in base64url; `#t=` is the same JSON percent-encoded, for
 * browsers without CompressionStream. Reading accepts both and returns null for anything unreadable.
 */

/** What a shared link carries: the file shown and the full text of every edited file. */
export interface Shared {
  file: string;
  edits: Record<string, string>;
}

/** A read link: the edit, and the files whose published text has changed since the link was made (left out). */
export interface Opened extends Shared {
  stale: string[];
}

/** One edited file: checksum of the published text, length kept at the start, at the end, and the new middle. */
type Patch = [sum: string, head: number, tail: number, middle: string];

/** FNV-1a over the UTF-16 code units: a checksum of the published text (not a secret). */
function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${text.length.toString(36)}.${h.toString(36)}`;
}

/** The edit as the part of `text` that differs from `base`. */
function patch(base: string, text: string): Patch {
  let head = 0;
  while (head < base.length && head < text.length && base[head] === text[head]) head++;
  let tail = 0;
  while (tail < base.length - head && tail < text.length - head && base[base.length - 1 - tail] === text[text.length - 1 - tail]) tail++;
  return [checksum(base), head, tail, text.slice(head, text.length - tail)];
}

const toBase64url = (bytes: Uint8Array): string => {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64url = (text: string): Uint8Array => {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
};

/** Runs bytes through a compression or decompression stream. */
async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The fragment (without '#') for `shared`, against the published texts: compressed when the browser can, plain otherwise. */
export async function encodeShared(shared: Shared, published: ReadonlyMap<string, string>): Promise<string> {
  const d = Object.fromEntries(Object.entries(shared.edits).map(([path, text]) => [path, patch(published.get(path) ?? '', text)]));
  const json = JSON.stringify({ f: shared.file, d });
  if (typeof CompressionStream === 'function') return `z=${toBase64url(await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')))}`;
  return `t=${encodeURIComponent(json)}`;
}

const isPatch = (p: unknown): p is Patch =>
  Array.isArray(p) && p.length === 4 && typeof p[0] === 'string' && Number.isSafeInteger(p[1]) && p[1] >= 0 && Number.isSafeInteger(p[2]) && p[2] >= 0 && typeof p[3] === 'string';

/** The edit in a fragment (with or without '#'), against the published texts; null when it holds none or cannot be read. */
export async function decodeShared(fragment: string, published: ReadonlyMap<string, string>): Promise<Opened | null> {
  const hash = fragment.replace(/^#/, '');
  try {
    let json: string;
    if (hash.startsWith('z=') && typeof DecompressionStream === 'function') {
      json = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(fromBase64url(hash.slice(2)), new DecompressionStream('deflate-raw')));
    } else if (hash.startsWith('t=')) {
      json = decodeURIComponent(hash.slice(2));
    } else {
      return null;
    }
    const data = JSON.parse(json) as { f?: unknown; d?: unknown };
    if (typeof data.f !== 'string' || typeof data.d !== 'object' || data.d === null || Array.isArray(data.d)) return null;
    const edits: Record<string, string> = {};
    const stale: string[] = [];
    for (const [path, p] of Object.entries(data.d)) {
      if (!isPatch(p)) return null;
      const base = published.get(path) ?? '';
      const [sum, head, tail, middle] = p;
      if (sum !== checksum(base) || head + tail > base.length) stale.push(path);
      else edits[path] = base.slice(0, head) + middle + base.slice(base.length - tail);
    }
    return { file: data.f, edits, stale };
  } catch {
    return null;
  }
}

/** Whether a fragment is meant as a shared edit (not an in-page link such as the skip link's #main). */
export const isShared = (fragment: string): boolean => /^#?[zt]=/.test(fragment);
