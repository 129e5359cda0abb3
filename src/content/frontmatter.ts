const OPENING = /^---[ \t]*\n/;
const CLOSING = /^---[ \t]*$/m;

/**
 * Splits "---\nyaml\n---\nbody" into its two parts; null when the file has no front matter.
 * `yamlLine` is the file's line the YAML starts on, for error messages.
 */
export function splitFrontMatter(text: string): { yaml: string; yamlLine: number; body: string } | null {
  const opening = OPENING.exec(text);
  if (!opening) return null;
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return null;
  return {
    yaml: rest.slice(0, closing.index),
    yamlLine: 2,
    body: rest.slice(closing.index + closing[0].length).replace(/^\n/, ""),
  };
}
