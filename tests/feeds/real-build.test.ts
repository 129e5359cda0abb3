import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Digest } from "../../src/digest.ts";
import { LANGUAGES } from "../../src/languages.ts";
import { REPO } from "../helpers/build.ts";
import { digestOf } from "../helpers/digest.ts";
import { SHARED_SITE_URL as SITE_URL, sharedSite } from "../helpers/shared-sites.ts";
import { builtFeeds, parseXml } from "./feed-files.ts";
import { type BuiltSite, feedInvariants } from "./invariants.ts";
import { subjectSlug } from "../../src/site/slugs.ts";
import { typeset } from "../../src/i18n/typography.ts";

let site: BuiltSite;
let digest: Digest;

beforeAll(async () => {
  digest = await digestOf(path.join(REPO, "content"));
  const output = await sharedSite("real");
  site = { output, base: `${SITE_URL}/` };
});

describe("the feeds of the real site, built from content/", () => {
  feedInvariants(() => site);

  it("carries the latest published articles in each language feed, newest first", () => {
    const expected = [...digest.articles]
      .sort((a, b) => b.date.iso.localeCompare(a.date.iso))
      .slice(0, 50)
      .map((a) => a.slug);
    for (const lang of LANGUAGES) {
      const feed = builtFeeds(site.output).find((f) => f.lang === lang && f.format === "atom" && f.url.split("/").length === 4);
      const entries: any[] = parseXml(feed?.text ?? "").feed.entry ?? [];
      expect(entries.map((e) => e.id.split("/").at(-2))).toEqual(expected);
      for (const entry of entries) {
        const article = digest.articles.find((a) => entry.id.endsWith(`/${a.slug}/`));
        expect(entry.title).toBe(typeset(article!.summaries[lang].title, lang));
      }
    }
  });

  it("has one feed per format for every topic the editors chose and every actor found, in each language", () => {
    const { articles, registry, analysis } = digest;
    const topics = new Set(articles.flatMap((a) => a.topics));
    const built = builtFeeds(site.output);
    const topicFeeds = built.filter((f) => /\/(sujets|temas)\//.test(f.url));
    for (const topic of topics) {
      // At the topic's name in each language (src/site/slugs.ts).
      for (const lang of LANGUAGES) {
        const slug = subjectSlug(registry, "topic", topic, lang);
        expect(topicFeeds.filter((f) => f.url.includes(`/${lang}/`) && f.url.includes(`/${slug}.`))).toHaveLength(3);
      }
    }
    const actorFeeds = built.filter((f) => /\/(acteurs|actores)\//.test(f.url));
    const actors = [...analysis.actors.keys()].filter((id) => registry.actors.has(id));
    expect(actorFeeds).toHaveLength(actors.length * LANGUAGES.length * 3);
  });
});
