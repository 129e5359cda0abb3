import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { problemsPage } from "../../src/editorial/problems-page.ts";

describe("the page the development server shows while the content is broken", () => {
  it("lists every problem under its file with its field and fix, escaped", () => {
    const html = problemsPage([
      { file: "content/articles/a/article.yaml", field: "date", expected: "a date as YYYY-MM-DD", found: '"2024-13-01"', fix: "correct the month" },
      { file: "content/articles/a/summary.fr.md", field: "lede", expected: "plain text, without HTML tags", found: '"<b>Chapeau</b>"' },
      { file: "content/articles/a/article.yaml", field: "lang", expected: 'the source language, "fr" or "es"', found: '"en"' },
    ]);
    const $ = load(html);
    expect($("h1").text()).toContain("Le contenu a 3 problème(s)");
    expect($("section h2").map((_, h) => $(h).text()).get()).toEqual(["content/articles/a/article.yaml", "content/articles/a/summary.fr.md"]);
    expect($("section").first().find("li").map((_, li) => $(li).find("code").text()).get()).toEqual(["date", "lang"]);
    expect($("section").first().find("li").first().text()).toContain("→ correct the month");
    expect($("section").last().text()).toContain('"<b>Chapeau</b>"');
    expect($("b")).toHaveLength(0);
  });
});
