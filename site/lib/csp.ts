/**
 * The site's Content-Security-Policy, in one place: the pages carry it in a `<meta>` tag (so the
 * prerendered files keep it wherever they are served), and the site's Node server sends it as a
 * header on every response, with `frame-ancestors 'none'` added (a directive a `<meta>` tag cannot carry).
 * No inline scripts or styles, nothing from other origins, no plugins, forms only to the site itself.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/** The policy of the `<meta http-equiv="Content-Security-Policy">` tag. */
export const CSP_META = DIRECTIVES.join('; ');

/** The policy of the `Content-Security-Policy` header: the same, and the page may not be framed. */
export const CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
