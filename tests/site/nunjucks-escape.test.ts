/**
 * The escaping every printed value goes through (_config/nunjucks-escape.ts) gives, for any text,
 * what Nunjucks' own would: its six replacements, the rest untouched.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import nunjucksEscape, { escapeHtml } from "../../_config/nunjucks-escape.ts";

/** Nunjucks 3.3's `lib.escape`, as written in nunjucks/src/lib.js. */
const NUNJUCKS_MAP: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "\\": "&#92;" };
const nunjucksOwn = (text: string) => text.replace(/[&"'<>\\]/g, (ch) => NUNJUCKS_MAP[ch]!);

/** Made-up texts of every shape: empty, nothing to escape, specials first, last, side by side, astral characters. */
function texts(): string[] {
  const alphabet = ["a", "é", " ", "’", "«\u202f", "&", '"', "'", "<", ">", "\\", "😀", "\n", "0"];
  const made = ["", "&", "<<>>", "l'accord", "Sheinbaum : « 15 000 agents »", "/fr/articles/2024-03-l-accord/", "a\\b&c\"d'e<f>g"];
  let seed = 7;
  for (let n = 0; n < 2000; n++) {
    let text = "";
    const length = n % 40;
    for (let i = 0; i < length; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      text += alphabet[seed % alphabet.length];
    }
    made.push(text);
  }
  return made;
}

describe("escaping printed values", () => {
  it("gives Nunjucks' own escaping for every text", () => {
    for (const text of texts()) expect(escapeHtml(text)).toBe(nunjucksOwn(text));
  });

  it("returns a text with nothing to escape as it is", () => {
    const text = "Marcelo Ebrard, 12 mars 2024";
    expect(escapeHtml(text)).toBe(text);
  });

  it("is what Nunjucks prints with autoescape and the escape filter, once installed", () => {
    nunjucksEscape();
    const nunjucks = createRequire(import.meta.url)("nunjucks") as { Environment: new (loader: null, options: object) => { renderString(source: string, context: object): string } };
    const env = new nunjucks.Environment(null, { autoescape: true });
    for (const text of ["l'accord & la « frontière »", '<a href="x">\\</a>', "rien"]) {
      expect(env.renderString("{{ v }}|{{ v | escape }}|{{ v | safe }}", { v: text })).toBe(`${nunjucksOwn(text)}|${nunjucksOwn(text)}|${text}`);
    }
  });
});
