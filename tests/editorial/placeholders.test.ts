import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/content/frontmatter.ts";
import { placeholdersIn } from "../../src/editorial/placeholders.ts";
import { summaryMarkdown } from "../../src/importer/drafts.ts";
import { LANGUAGES } from "../../src/languages.ts";

/** A draft exactly as `npm run new` writes it, read back as the corpus reader would. */
function importerDraft(lang: (typeof LANGUAGES)[number]) {
  const text = summaryMarkdown(lang, { lang: lang === "fr" ? "es" : "fr", title: "México y Estados Unidos crean un grupo conjunto" }, null);
  const split = splitFrontMatter(text);
  if (!split) throw new Error("the importer's draft has no front matter");
  const front = load(split.yaml, { schema: CORE_SCHEMA }) as { title: string; lede: string };
  return { title: front.title, lede: front.lede, markdown: split.body };
}

describe("placeholders", () => {
  it.each(LANGUAGES)("are found in every part of the importer's %s draft", (lang) => {
    const fields = new Set(placeholdersIn(importerDraft(lang)).map((p) => p.field));
    expect([...fields].sort()).toEqual(["body", "lede", "title"]);
  });

  it("are not found in a finished summary", () => {
    expect(placeholdersIn({ title: "Immigration : Blinken et Bárcena à Washington", lede: "Une réunion.", markdown: "À traduire plus tard n'est pas une marque." })).toEqual([]);
  });

  it("are found when the accent was saved decomposed", () => {
    expect(placeholdersIn({ title: "[A\u0300 traduire] Titre", lede: "x", markdown: "y" })).toEqual([{ field: "title", placeholder: "[À traduire]" }]);
  });
});
