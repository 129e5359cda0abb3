import { appendFileSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POSITIONS_KEPT } from "../../scripts/lib/pagefind-canonical.ts";
import { routes } from "../../src/site/routes.ts";
import { copyContent, FIXTURE_CONTENT } from "../helpers/build.ts";
import type { ServedSite } from "../helpers/serve.ts";
import { launchChromium, openSearch, shownResults, type WatchedPage, watchedPage } from "./browser.ts";
import { buildAndServe } from "./site.ts";

/**
 * The index keeps only a page's first positions of a word (chunkIndex(), capPositions()), with a
 * weight that still counts them all. A reader must see no difference in the ranking: a long page
 * with a made-up word 40 times ranks above a short one with it once, as Pagefind ranks them with
 * every position (BM25 on the count); with only the positions kept and their first weight, the
 * short page would win (BM25 favours short pages when counts are close). The excerpt of the page
 * with 40 still shows the word, marked. The word is in the Spanish source text of two copies of
 * the fixture's article (a summary has at most 250 words), indexed on their Spanish pages.
 */
const ONCE = "2025-03-04-reunion-frontera-ficticia";
const OFTEN = "2025-03-05-informe-ficticio-repetido";
const WORD = "zorbaco";
const TIMES = 40;
/** A made-up sentence with the word once, and twenty words around it so that the page grows long. */
const sentence = (i: number) => `El capítulo ${i} del expediente ${WORD} detalla otra vez los procedimientos que siguieron ambas delegaciones durante la larga reunión de trabajo.`;

/**
 * Ten words without it, 400 times: the page with the word 40 times is then over ten times as long
 * as the other, so long that it ranks above it only by its count.
 */
const FILLER = "Las delegaciones revisaron con calma los procedimientos de la reunión. ";

let site: ServedSite;
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  const content = copyContent(FIXTURE_CONTENT, "search-positions");
  const articles = path.join(content, "articles");
  appendFileSync(path.join(articles, ONCE, "source.txt"), `\nEl expediente ${WORD} sigue abierto.\n`);
  cpSync(path.join(articles, ONCE), path.join(articles, OFTEN), { recursive: true });
  const yaml = path.join(articles, OFTEN, "article.yaml");
  writeFileSync(yaml, readFileSync(yaml, "utf8").replace("date: 2025-03-04", "date: 2025-03-05").replace("/noticias/reunion-frontera", "/noticias/informe-repetido"));
  appendFileSync(path.join(articles, OFTEN, "source.txt"), `\n${Array.from({ length: TIMES - 1 }, (_, i) => sentence(i + 2)).join(" ")}\n\n${FILLER.repeat(400)}\n`);
  const words = (slug: string) => readFileSync(path.join(articles, slug, "source.txt"), "utf8").split(WORD).length - 1;
  expect([words(ONCE), words(OFTEN)]).toEqual([1, TIMES]);
  ({ site } = await buildAndServe({ content, name: "positions" }));
  browser = await launchChromium();
  watched = await watchedPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("a word's positions, of which the index keeps the first", () => {
  it(`ranks a page with the word ${TIMES} times above a shorter one with it once`, async () => {
    expect(TIMES).toBeGreaterThan(POSITIONS_KEPT);
    await openSearch(watched.page, site.url(routes.search("es")), { q: WORD });
    const results = await shownResults(watched.page);
    expect(results.map((result) => result.href)).toEqual([routes.article("es", OFTEN), routes.article("es", ONCE)]);
    expect(watched.problems).toEqual([]);
  });

  it("still shows the word, marked, in the excerpt of the page that has it most", async () => {
    await openSearch(watched.page, site.url(routes.search("es")), { q: WORD });
    const [often] = await shownResults(watched.page);
    expect(often!.excerpt).toContain(WORD);
    expect(often!.marks.length).toBeGreaterThan(0);
    expect(often!.marks.every((mark) => mark === WORD)).toBe(true);
  });
});
