import { existsSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDigest } from "../../src/build-digest.ts";
import type { Digest } from "../../src/digest.ts";
import { LANGUAGES } from "../../src/languages.ts";
import { routes } from "../../src/site/routes.ts";
import { actorUrl, topicUrl } from "../../src/site/slugs.ts";
import { LIST_LIMIT } from "../../src/site/subjects.ts";
import { REPO, readPage } from "../helpers/build.ts";
import { sharedSite } from "../helpers/shared-sites.ts";

let output: string;
let digest: Digest;

beforeAll(async () => {
  output = await sharedSite("real");
  ({ digest } = await buildDigest(path.join(REPO, "content"), { includeDrafts: false, cacheDir: null }));
});

const listed = (html: string, selector: string) => {
  const $ = load(html);
  return $(selector).map((_, el) => $(el).attr("href")).get();
};

/** What a chart says: its marks (SVG) and its table, as month → value. */
function chartNumbers(html: string) {
  const $ = load(html);
  const marks = Object.fromEntries($("svg.chart [data-value]").map((_, el) => [[$(el).attr("data-month"), Number($(el).attr("data-value"))]]).get());
  const table = Object.fromEntries($(".chart-figure tbody tr").map((_, el) => [[$(el).attr("data-month"), Number($(el).find("td").attr("data-value"))]]).get());
  return { marks, table };
}

describe("topic pages of the real site", () => {
  it("exist for every topic of the seed corpus, in both languages, listing its articles newest first", () => {
    const topics = new Set(digest.articles.flatMap((a) => a.topics));
    expect(topics.size).toBeGreaterThan(3);
    for (const id of topics) {
      const aggregate = digest.analysis.topics.get(id)!;
      // Every article whose editors chose the topic is on its page.
      for (const article of digest.articles.filter((a) => a.topics.includes(id))) expect(aggregate.articles).toContain(article.slug);
      for (const lang of LANGUAGES) {
        const html = readPage(output, topicUrl(digest.registry, id, lang));
        expect(load(html)("h1").text()).toBe(digest.registry.topics.get(id)!.name[lang]);
        expect(listed(html, ".article-list .card h2 a")).toEqual(aggregate.articles.slice(0, LIST_LIMIT.articles).map((slug) => routes.article(lang, slug)));
      }
    }
  });

  it("chart the articles per month exactly as the aggregate counts them", () => {
    for (const [id, aggregate] of digest.analysis.topics) {
      for (const lang of LANGUAGES) {
        const { marks, table } = chartNumbers(readPage(output, topicUrl(digest.registry, id, lang)));
        const expected = Object.fromEntries(aggregate.byMonth.filter((m) => m.articles > 0).map((m) => [m.month, m.articles]));
        expect(marks).toEqual(expected);
        expect(table).toEqual(expected);
      }
    }
  });

  it("are listed on the topics index with their counts", () => {
    const $ = load(readPage(output, routes.topics("es")));
    expect($(".subject-index li").length).toBe(digest.analysis.topics.size);
    expect($(`a[href="${"/es/temas/migracion/"}"]`).text()).toBe("Migración");
  });
});

describe("actor pages of the real site", () => {
  it("exist for every actor the analysis found, in both languages, with their articles", () => {
    expect(digest.analysis.actors.size).toBeGreaterThan(20);
    for (const [id, aggregate] of digest.analysis.actors) {
      for (const lang of LANGUAGES) {
        const html = readPage(output, actorUrl(digest.registry, id, lang));
        expect(load(html)("h1").text()).toBe(digest.registry.actors.get(id)!.name[lang]);
        expect(listed(html, ".article-list .card h2 a")).toEqual(aggregate.articles.map((slug) => routes.article(lang, slug)));
        const { marks, table } = chartNumbers(html);
        const expected = Object.fromEntries(aggregate.byMonth.filter((m) => m.mentions > 0).map((m) => [m.month, m.mentions]));
        expect(marks).toEqual(expected);
        expect(table).toEqual(expected);
      }
    }
  });

  it("name Andrés Manuel López Obrador with his role at each article's date", () => {
    const html = readPage(output, "/fr/acteurs/andres-manuel-lopez-obrador/");
    const $ = load(html);
    expect($(".article-list").text()).toContain("président du Mexique");
    expect($("svg.chart title").text()).toContain("Andrés Manuel López Obrador");
  });

  it("group the actors index by kind", () => {
    const $ = load(readPage(output, routes.actors("fr")));
    expect($("h2").map((_, el) => $(el).text().replace(/\s*\(\d+\)$/, "")).get()).toEqual(
      expect.arrayContaining(["Personnes", "Institutions", "Pays et régions"]),
    );
  });

  it("never exist for a photographer or a byline", () => {
    for (const name of ["cliff-owen", "joshua-roberts", "jose-antonio-sierra"]) {
      expect(existsSync(path.join(output, routes.actor("fr", name)))).toBe(false);
    }
  });
});

describe("digest-wide pages", () => {
  it("list each event, each figure sentence and each attributed quote once", () => {
    const timeline = load(readPage(output, routes.timeline("fr")));
    const events = timeline(".facts > li").map((_, li) => `${timeline(li).find("time").attr("datetime")}|${timeline(li).find(".sentence").text()}`).get();
    expect(events.length).toBe(Math.min(100, digest.events.length));
    expect(new Set(events).size).toBe(events.length);
    // The same sentence is never under two dates.
    const sentences = timeline(".facts > li .sentence").map((_, el) => timeline(el).text()).get();
    const originals = digest.events.map((e) => e.sentence);
    expect(new Set(originals).size).toBe(originals.length);
    expect(sentences.length).toBe(events.length);
    const figures = load(readPage(output, routes.figures("es")));
    const figureSentences = figures(".facts > li").map((_, li) => `${figures(li).find(".meta a").attr("href")}|${figures(li).find(".sentence").text()}`).get();
    expect(figureSentences.length).toBe(Math.min(100, digest.figures.length));
    expect(new Set(figureSentences).size).toBe(figureSentences.length);
    const quotes = load(readPage(output, routes.quotes("fr")));
    expect(quotes("figure.quote").length).toBe(Math.min(50, digest.quotes.length));
    // Attributed only: every quote names its speaker, with a link to the speaker's page.
    expect(quotes("figure.quote figcaption > a:first-child").length).toBe(quotes("figure.quote").length);
  });

  it("have a monthly edition per month with articles, linked in sequence", () => {
    const months = [...new Set(digest.articles.map((a) => a.date.iso.slice(0, 7)))].sort();
    const $index = load(readPage(output, routes.editions("es")));
    expect($index(".subject-index a").length).toBe(months.length);
    months.forEach((month, i) => {
      const $ = load(readPage(output, routes.edition("fr", month)));
      expect($(".article-list .card").length).toBe(digest.articles.filter((a) => a.date.iso.startsWith(month)).length);
      expect($('a[rel="prev"]').attr("href")).toBe(i > 0 ? routes.edition("fr", months[i - 1]!) : undefined);
      expect($('a[rel="next"]').attr("href")).toBe(i < months.length - 1 ? routes.edition("fr", months[i + 1]!) : undefined);
    });
  });

  it("make the home page a briefing of the latest period", () => {
    const $ = load(readPage(output, routes.home("fr")));
    expect($(".briefing h1").text()).toBe("Le point");
    expect($(".briefing .trend-list a").length).toBeGreaterThan(2);
  });

  it("give article pages their topics, actors, quotes, figures and related articles", () => {
    const slug = "2024-01-19-blinken-barcena-washington";
    const $ = load(readPage(output, routes.article("es", slug)));
    const actors = $(".details .tags a").map((_, el) => $(el).attr("href")).get();
    expect(actors).toContain("/es/actores/antony-blinken/");
    expect(actors).toContain("/es/temas/migracion/");
    expect($(".details figure.quote").length).toBe(digest.analysis.articles.get(slug)!.source.quotes.length);
    expect($(".details .related a").length).toBe(digest.analysis.related.get(slug)!.length);
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text());
    expect(jsonLd["@type"]).toBe("NewsArticle");
    expect(jsonLd.mentions.map((m: { name: string }) => m.name)).toContain("Antony Blinken");
  });
});
