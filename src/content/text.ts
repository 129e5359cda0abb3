/** Files come from editors' machines: a byte-order mark or Windows line endings must not matter. */
export function normalizeText(raw: string): string {
  return raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/**
 * Paragraphs are separated by blank lines; lines within a paragraph are joined. A paragraph on one
 * line is left to trim: the pattern that joins lines tries every space of it (a tenth of a second
 * for the 10,000 sources a build reads from its cache), and finds nothing there.
 */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => (p.includes("\n") ? p.replace(/\s*\n\s*/g, " ") : p).trim())
    .filter((p) => p.length > 0);
}
