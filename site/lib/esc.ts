/** HTML escaping, one copy for every module that writes the questionnaire's markup (dependency-free). */

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML (render.ts, the statute texts, a screen's list, the contact-list views). */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);
