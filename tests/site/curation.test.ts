import { readFileSync } from "node:fs";
import path from "node:path";
import { type CheerioAPI, load } from "cheerio";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDigest } from "../../src/build-digest.ts";
import type { Digest } from "../../src/digest.ts";
import { feedRoutes } from "../../src/feeds/routes.ts";
import { dayLabel } from "../../src/calendar.ts";
import { LANGUAGES } from "../../src/languages.ts";
import { routes } from "../../src/site/routes.ts";
import { REPO, readPage } from "../helpers/build.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { htmlFiles } from "../helpers/crawl.ts";
import { serveSite, type ServedSite } from "../helpers/serve.ts";
import { sharedSite } from "../helpers/shared-sites.ts";

/**
 * What a reader is spared: headings over nothing, long unranked lists, a feeds page to scroll for
 * ever. Read on the real build, as a browser shows it.
 */

let output: string;
let digest: Digest;

beforeAll(async () => {
  output = await sharedSite("real");
  ({ digest } = await buildDigest(path.join(REPO, "content"), { includeDrafts: false, cacheDir: null }));
});

const HEADING = /^h([1-6])$/;

/** The headings of `main` with nothing under them before the next heading of their level or above. */
export function emptySections($: CheerioAPI): string[] {
  const empty: string[] = [];
  $("main h2, main h3, main h4").each((_, heading) => {
    const level = Number(HEADING.exec(heading.tagName)![1]);
    let content = false;
    for (let next = $(heading).next(); next.length && !content; next = next.next()) {
      const tag = HEADING.exec(next[0]!.tagName);
      if (tag && Number(tag[1]) <= level) break;
      if (tag) continue;
      content = next.text().trim() !== "" || next.find("svg, img, table, input").length > 0;
    }
    if (!content) empty.push($(heading).text().trim());
  });
  return empty;
}

describe("sections", () => {
  it("the rule finds a heading over nothing, and passes one over a list", () => {
    expect(emptySections(load("<main><h2>A</h2><h2>B</h2><ul><li>x</li></ul><section><h3>C</h3></section></main>"))).toEqual(["A", "C"]);
    expect(emptySections(load("<main><h2>A</h2><h3>B</h3><p>x</p></main>"))).toEqual([]);
  });

  it("no built page shows a heading over an empty section", () => {
    const pages = htmlFiles(output);
    expect(pages.length).toBeGreaterThan(100);
    const found = pages.flatMap((page) => emptySections(load(readFileSync(path.join(output, page), "utf8"))).map((heading) => `${page}: ${heading}`));
    expect(found).toEqual([]);
  });
});

describe("article pages", () => {
  it("name the main actors first, most salient first, and fold the minor ones", () => {
    const slug = "2024-01-19-blinken-barcena-washington";
    const ranked = (digest.salience.get(slug) ?? []).filter((a) => digest.registry.actors.has(a.actorId));
    const main = ranked.filter((a) => a.main);
    expect(main.length).toBeGreaterThan(0);
    expect(ranked.length).toBeGreaterThan(main.length);
    for (const lang of LANGUAGES) {
      const $ = load(readPage(output, routes.article(lang, slug)));
      const name = (id: string) => digest.registry.actors.get(id)!.name[lang];
      const shown = $(".details > ul.tags").last().find("a").map((_, a) => $(a).text()).get();
      const folded = $(".details details.fold ul.tags a").map((_, a) => $(a).text()).get();
      expect(shown).toEqual(main.map((a) => name(a.actorId)));
      expect(folded).toEqual(ranked.filter((a) => !a.main).map((a) => name(a.actorId)));
      expect($(".details details.fold > summary").text()).toMatch(String(folded.length));
    }
  });
});

describe("the feeds page", () => {
  let browser: Browser;
  let served: ServedSite;
  beforeAll(async () => {
    served = await serveSite(output);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  // One line a feed on a wide screen, two on a phone, and the page's own header and text.
  const BOUND = { 1280: { base: 700, perFeed: 36 }, 390: { base: 1200, perFeed: 64 } } as const;

  it.each(LANGUAGES.flatMap((lang) => ([1280, 390] as const).map((width) => [lang, width] as const)))("in %s is compact at %i px", async (lang, width) => {
    const html = readPage(output, feedRoutes.page(lang));
    const feeds = load(html)("main a[type]").length / 3;
    expect(feeds).toBeGreaterThan(20);
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    try {
      await page.goto(served.url(feedRoutes.page(lang)));
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const { base, perFeed } = BOUND[width];
      expect(height).toBeLessThanOrEqual(base + perFeed * feeds);
      // Every feed still has its own line, findable by the browser's find: its name as text.
      const names = await page.locator(".feed-name").allTextContents();
      expect(names.length).toBe(feeds - 1);
    } finally {
      await page.close();
    }
  });
});

describe("the methodology page", () => {
  it("exists in both languages, each the other's translation, and every page's footer links to it", () => {
    for (const lang of LANGUAGES) {
      const other = lang === "fr" ? "es" : "fr";
      const $ = load(readPage(output, routes.about(lang)));
      expect($("html").attr("lang")).toBe(lang);
      expect($("a.language-switch").attr("href")).toBe(routes.about(other));
      // What is computed, what can be wrong, and how well it did: each a section with its text.
      expect($("main section h2").length).toBeGreaterThanOrEqual(4);
      expect($("main table.measures tbody tr").length).toBeGreaterThan(3);
      for (const page of htmlFiles(output).filter((p) => p.startsWith(`/${lang}/`))) {
        const footer = load(readFileSync(path.join(output, page), "utf8"))("footer a").map((_, a) => $(a).attr("href")).get();
        expect(footer, page).toContain(routes.about(lang));
      }
    }
  });
});

describe("the home page", () => {
  it.each(LANGUAGES)("in %s opens with the briefing of the latest period, then the latest articles", (lang) => {
    const $ = load(readPage(output, routes.home(lang)));
    const blocks = $("main").children().filter((_, el) => el.tagName !== "script");
    expect(blocks.first().is("section.briefing")).toBe(true);
    expect(blocks.first().find("h1").length).toBe(1);
    // Inside the briefing: the period, then its stories, topics and actors, and events, in that order.
    const order = $(".briefing h2").map((_, h) => $(h).attr("id")).get();
    const expected = ["stories-heading", "briefing-topics", "briefing-actors", "briefing-events"].filter((id) => order.includes(id));
    expect(order).toEqual(expected);
    expect(order).toContain("briefing-topics");
    // The latest articles come after, newest first.
    const latest = $("main > section.latest");
    expect(latest.prevAll("section.briefing").length).toBe(1);
    const dates = latest.find(".article-list time").map((_, t) => $(t).attr("datetime")).get();
    expect(dates.length).toBe(Math.min(30, digest.articles.length));
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it.each(LANGUAGES)("in %s labels the period with its true bounds, ending at the newest article", (lang) => {
    const { period, previous } = digest.briefing;
    const newest = digest.articles.map((a) => a.date.iso).sort().at(-1)!;
    expect(period.end.slice(0, newest.length)).toBe(newest.length === 10 ? newest : period.end.slice(0, 7));
    expect(previous.end < period.start).toBe(true);
    const summary = load(readPage(output, routes.home(lang)))(".briefing-summary").text();
    expect(summary).toContain(dayLabel(period.start, lang));
    expect(summary).toContain(dayLabel(period.end, lang));
    // The count it gives is the articles published within those days.
    const within = digest.articles.filter((a) => {
      const day = a.date.precision === "day" ? a.date.iso : `${a.date.iso}-15`;
      return day >= period.start && day <= period.end;
    }).length;
    expect(summary.startsWith(String(within)) || within === 0).toBe(true);
  });
});

describe("charts on pages", () => {
  it("show their title and what they count as text, above the bars, on every page that has one", () => {
    let charts = 0;
    for (const page of htmlFiles(output)) {
      const $ = load(readFileSync(path.join(output, page), "utf8"));
      $(".chart-figure").each((_, figure) => {
        charts++;
        const caption = $(figure).children("figcaption");
        expect(caption.find(".chart-caption").text().trim(), page).not.toBe("");
        expect(caption.find(".note").text().trim(), page).not.toBe("");
        // The caption says what the SVG's own title says, so a reader and a screen reader get the same words.
        expect(caption.find(".chart-caption").text(), page).toBe($(figure).find("svg.chart > title").text());
        expect($(figure).children().first().is("figcaption"), page).toBe(true);
      });
    }
    expect(charts).toBeGreaterThan(20);
  });
});
