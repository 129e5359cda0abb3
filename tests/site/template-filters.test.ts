/**
 * The filters templates call (_config/filters.ts, _config/feeds.ts), registered with Nunjucks as
 * Eleventy registers them for a build: each one answers as the function in src/ it stands for,
 * even though `t` and the feed dates keep what they answered.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { dateToRfc3339, dateToRfc822 } from "@11ty/eleventy-plugin-rss";
import feeds from "../../_config/feeds.ts";
import filters from "../../_config/filters.ts";
import { FEED_TIME_ZONE } from "../../src/feeds/dates.ts";
import { t } from "../../src/i18n/index.ts";

interface Nunjucks {
  Environment: new () => { addFilter(name: string, filter: unknown): void; renderString(source: string, context: object): string };
}
const nunjucks = createRequire(import.meta.url)("nunjucks") as Nunjucks;

function templates() {
  const env = new nunjucks.Environment();
  const eleventyConfig = { amendLibrary: (_engine: string, amend: (library: typeof env) => void) => amend(env) };
  filters(eleventyConfig);
  feeds(eleventyConfig);
  return env;
}

describe("template filters", () => {
  const env = templates();

  it("t gives src/i18n's text for each language, key and values, asked again and again", () => {
    const render = (lang: string, count: number) => env.renderString(`{{ "subjects.articlesCount" | t(lang, { count: n }) }}`, { lang, n: count });
    for (let round = 0; round < 2; round++) {
      for (const lang of ["fr", "es"] as const) {
        for (const count of [1, 2, 7]) expect(render(lang, count)).toBe(t(lang, "subjects.articlesCount", { count }));
      }
    }
    expect(render("fr", 1)).not.toBe(render("fr", 2));
    expect(env.renderString(`{{ "article.publishedBy" | t("es", { outlet: o }) }}`, { o: "La Jornada" })).toBe(t("es", "article.publishedBy", { outlet: "La Jornada" }));
    expect(env.renderString(`{{ "site.name" | t("fr") }}|{{ "site.name" | t("es") }}`, {})).toBe(`${t("fr", "site.name")}|${t("es", "site.name")}`);
  });

  it("feed dates are the RSS plugin's, one per date", () => {
    const dates = [new Date("2024-01-19T18:00:00Z"), new Date("2024-01-20T18:00:00Z")];
    for (const date of [...dates, ...dates]) {
      expect(env.renderString("{{ d | dateToRfc3339 }}", { d: date })).toBe(dateToRfc3339(date));
      expect(env.renderString("{{ d | dateToRfc822 }}", { d: date })).toBe(dateToRfc822(date, FEED_TIME_ZONE));
    }
  });
});
