import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pageFiles, planRender } from "../../scripts/lib/site-manifest.ts";
import { buildDigest } from "../../src/build-digest.ts";
import type { ArticlePage } from "../../src/site/article.ts";
import { REPO, copyContent } from "../helpers/build.ts";

/**
 * An article page's list of related articles shows each one's title, date and link, and its data
 * holds only those: a rebuild renders again the pages whose data changed, so a new lede on one
 * article must not render again every article page that lists it.
 */
async function pages(content: string): Promise<ArticlePage[]> {
  const { site } = await buildDigest(content, { includeDrafts: false, cacheDir: null, workers: 1 });
  return site.pages.filter((page): page is ArticlePage => page.kind === "article" && page.lang === "fr");
}

describe("an article page's related articles", () => {
  it("hold their title, URL and date, not their lede, so an edited lede leaves the pages listing it as they were", { timeout: 120_000 }, async () => {
    const content = copyContent(path.join(REPO, "content"), "related-links");
    const before = await pages(content);
    const listing = before.find((page) => page.details.related.length > 0);
    expect(listing, "a French article page with related articles").toBeDefined();
    const related = listing!.details.related[0]!;
    expect(Object.keys(related).sort()).toEqual(["date", "dateLabel", "title", "url"]);
    const edited = before.find((page) => page.url === related.url)!;

    const summary = path.join(content, "articles", edited.card.slug, "summary.fr.md");
    writeFileSync(summary, readFileSync(summary, "utf8").replace(/^lede: .*$/m, 'lede: "Un chapeau réécrit, sans rien d’autre de changé."'));
    const after = await pages(content);

    const hashes = (list: ArticlePage[]) => planRender(list, pageFiles, undefined, content).hashes;
    const [old, now] = [hashes(before), hashes(after)];
    expect(now[edited.url]).not.toBe(old[edited.url]);
    expect(now[listing!.url]).toBe(old[listing!.url]);
  });
});
