/**
 * Pure posix path arithmetic for the in-memory loader (`compile(sources)`): no `node:path`, no
 * working directory, so it runs in the browser. A relative path stays relative: `a/../b.lov` is `b.lov`.
 */

/** The path operations the loader needs; `node:path` satisfies it, and so does `posixPaths`. */
export interface PathOps {
  resolve(...parts: string[]): string;
  dirname(path: string): string;
  relative(from: string, to: string): string;
}

/** Normalises a posix path: drops `.` and empty segments, folds `..` (kept at the start of a relative path). */
export function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (seg !== '..' || !absolute) out.push(seg);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** Posix path operations without a working directory. */
export const posixPaths: PathOps = {
  resolve(...parts) {
    let path = '';
    for (const part of parts) path = part.startsWith('/') ? part : path === '' ? part : `${path}/${part}`;
    return normalize(path);
  },
  dirname(path) {
    const p = normalize(path);
    const i = p.lastIndexOf('/');
    return i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i);
  },
  relative(from, to) {
    const a = normalize(from).split('/').filter((s) => s !== '.' && s !== '');
    const b = normalize(to).split('/').filter((s) => s !== '.' && s !== '');
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
  },
};
