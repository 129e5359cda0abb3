import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexedApostrophes, typographicApostrophes } from "../../src/search/apostrophes.ts";
import { routes } from "../../src/site/routes.ts";
import { copyContent, FIXTURE_CONTENT } from "../helpers/build.ts";
import type { ServedSite } from "../helpers/serve.ts";
import { launchChromium, openSearch, shownResults, statusText, type WatchedPage, watchedPage } from "./browser.ts";
import { buildAndServe } from "./site.ts";

/**
 * Words after an elision, typed as readers type them: « asile » must find a page whose only
 * « asile » is « d’asile », « l’État » must find it typed with ’ or with ', and the excerpt must
 * read as the page does, with ’. The fixture's article, with one made-up sentence more in its
 * French summary and in its Spanish source and summary (a made-up name with ’).
 */
const SLUG = "2025-03-04-reunion-frontera-ficticia";
const FRENCH = "Les demandes d’asile en attente resteront du ressort de l’État fédéral jusqu’à la prochaine réunion.";
const SPANISH = "La diputada ficticia Zenaida O’Farrell pidió más información.";

let site: ServedSite;
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  const content = copyContent(FIXTURE_CONTENT, "search-apostrophes");
  const article = path.join(content, "articles", SLUG);
  appendFileSync(path.join(article, "summary.fr.md"), `\n${FRENCH}\n`);
  appendFileSync(path.join(article, "summary.es.md"), `\n${SPANISH}\n`);
  appendFileSync(path.join(article, "source.txt"), `\n${SPANISH}\n`);
  // « asile » and « Farrell » are nowhere else in the fixture: only the elided forms can be found.
  for (const file of ["summary.fr.md", "summary.es.md", "source.txt"]) {
    expect(readFileSync(path.join(article, file), "utf8").match(/asile|Farrell/g), file).toHaveLength(1);
  }
  ({ site } = await buildAndServe({ content, name: "apostrophes" }));
  browser = await launchChromium();
  watched = await watchedPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function search(lang: "fr" | "es", q: string) {
  await openSearch(watched.page, site.url(routes.search(lang)), { q });
  return shownResults(watched.page);
}

describe("a word after an apostrophe", () => {
  it("is found on its own: « asile » finds the page that has only « d’asile », and its excerpt reads « d’asile »", async () => {
    const [result, ...others] = await search("fr", "asile");
    expect(others).toEqual([]);
    expect(result?.href).toBe(routes.article("fr", SLUG));
    expect(result!.marks).toEqual(["d’asile"]);
    expect(result!.excerpt).toContain("d’asile en attente");
    expect(result!.excerpt).not.toContain("'");
  });

  it.each(["l’État", "l'État", "l'etat", "d'asile", "jusqu’à"])("is found with its elision, typed « %s »", async (q) => {
    const results = await search("fr", q);
    expect(results.map((r) => r.href)).toEqual([routes.article("fr", SLUG)]);
    expect(results[0]!.marks.join(" ")).toMatch(/^(l’État|d’asile|jusqu’à)$/);
    // The status repeats the query as the reader typed it.
    expect(await statusText(watched.page)).toContain(q);
  });

  it("is found in a Spanish name the same way, « Farrell » and « O’Farrell » alike", async () => {
    for (const q of ["Farrell", "O’Farrell", "O'Farrell"]) {
      const results = await search("es", q);
      expect(results.map((r) => r.href), q).toEqual([routes.article("es", SLUG)]);
      expect(results[0]!.marks, q).toEqual(["O’Farrell"]);
    }
  });

  it("ran without a console error or CSP violation", () => {
    expect(watched.problems).toEqual([]);
  });
});

describe("the apostrophes the index is given", () => {
  it("are ASCII between letters only, and turn back into the page's ’", () => {
    const text = "« L’État », jusqu’à aujourd’hui, dit O’Rourke ; les ‘guillemets’ et l’’ restent’ 1’";
    expect(indexedApostrophes(text)).toBe("« L'État », jusqu'à aujourd'hui, dit O'Rourke ; les ‘guillemets’ et l’’ restent’ 1’");
    expect(typographicApostrophes(indexedApostrophes(text))).toBe(text);
    // Decomposed accents: the letter before the apostrophe may end with a combining mark.
    expect(indexedApostrophes("cafe\u0301’s")).toBe("cafe\u0301's");
  });
});
