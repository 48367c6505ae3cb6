/**
 * «Del» / "Share": the edited files in the URL fragment, so a lawyer can send a proposed change as a
 * link and nothing goes to a server. `#z=` is deflate-raw (CompressionStream) in base64url; `#t=` is
 * the same JSON percent-encoded, for browsers without CompressionStream. Reading accepts both and
 * returns null for anything it cannot read.
 */

/** What a shared link carries: the file shown and the text of every edited file. */
export interface Shared {
  file: string;
  edits: Record<string, string>;
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

/** The fragment (without '#') for `shared`: compressed when the browser can, plain otherwise. */
export async function encodeShared(shared: Shared): Promise<string> {
  const json = JSON.stringify({ f: shared.file, e: shared.edits });
  if (typeof CompressionStream === 'function') return `z=${toBase64url(await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')))}`;
  return `t=${encodeURIComponent(json)}`;
}

/** The edit in a fragment (with or without '#'), or null when it holds none or cannot be read. */
export async function decodeShared(fragment: string): Promise<Shared | null> {
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
    const data = JSON.parse(json) as { f?: unknown; e?: unknown };
    if (typeof data.f !== 'string' || typeof data.e !== 'object' || data.e === null) return null;
    const edits = Object.fromEntries(Object.entries(data.e).filter((kv): kv is [string, string] => typeof kv[1] === 'string'));
    return { file: data.f, edits };
  } catch {
    return null;
  }
}

/** Whether a fragment is meant as a shared edit (not an in-page link such as the skip link's #main). */
export const isShared = (fragment: string): boolean => /^#?[zt]=/.test(fragment);
