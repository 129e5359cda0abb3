import { describe, expect, it } from "vitest";
import { formatPublicationDate } from "../../src/calendar.ts";
import { countWords, publicationDateSchema } from "../../src/content/schemas.ts";
import { pageWindow } from "../../src/site/page-base.ts";
import { routes } from "../../src/site/routes.ts";
import { absoluteUrl, siteConfig } from "../../src/config.ts";
import { t } from "../../src/i18n/index.ts";

describe("publication dates", () => {
  it("are formatted by luxon in each language", () => {
    const day = publicationDateSchema.parse("2024-01-19");
    expect(formatPublicationDate(day, "fr")).toBe("19 janvier 2024");
    expect(formatPublicationDate(day, "es")).toBe("19 de enero de 2024");
  });

  it("known to the month show as a month, never with an invented day", () => {
    const month = publicationDateSchema.parse("2021-06");
    expect(month).toEqual({ iso: "2021-06", precision: "month" });
    expect(formatPublicationDate(month, "fr")).toBe("juin 2021");
    expect(formatPublicationDate(month, "es")).toBe("junio de 2021");
  });

  it("accept the first of the month and a leap day", () => {
    expect(formatPublicationDate(publicationDateSchema.parse("2024-02-29"), "fr")).toBe("29 février 2024");
    expect(formatPublicationDate(publicationDateSchema.parse("2024-10-01"), "es")).toBe("1 de octubre de 2024");
  });
});

describe("routes", () => {
  it("localize their segments", () => {
    expect(routes.article("fr", "x")).toBe("/fr/articles/x/");
    expect(routes.article("es", "x")).toBe("/es/articulos/x/");
    expect(routes.home("fr", 2)).toBe("/fr/page/2/");
    expect(routes.home("es", 2)).toBe("/es/pagina/2/");
    expect(routes.home("es", 1)).toBe("/es/");
  });

  it("become absolute with the site URL and the path prefix exactly once", () => {
    const site = siteConfig({ SITE_URL: "https://example.org/", PATH_PREFIX: "digest" });
    expect(site.pathPrefix).toBe("/digest/");
    expect(absoluteUrl(site, "/fr/articles/x/")).toBe("https://example.org/digest/fr/articles/x/");
    expect(absoluteUrl(siteConfig({}), "/es/")).toBe("http://localhost:8080/es/");
  });
});

describe("pagination window", () => {
  it("keeps the first, the last and two pages around the current one", () => {
    expect(pageWindow(6, 40)).toEqual([1, null, 4, 5, 6, 7, 8, null, 40]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
  });
});

describe("summaries", () => {
  it("count words as wc -w does, ignoring lone punctuation", () => {
    expect(countWords("Le 27 décembre, M. Blinken — « œuvrer ensemble » !")).toBe(7);
  });
});

describe("interface strings", () => {
  it("exist in both languages and refuse a missing key", () => {
    expect(t("fr", "home.count", { count: 2 })).toBe("2 articles");
    expect(t("es", "nav.home")).not.toBe(t("fr", "nav.home"));
    expect(() => t("es", "nope.missing")).toThrow(/Missing interface string "nope.missing"/);
  });
});
