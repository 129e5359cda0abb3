import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/content/problems.ts";
import { problemsPage } from "../../src/editorial/problems-page.ts";
import { msg, verbatim } from "../../src/messages/index.ts";

const PROBLEMS: Finding[] = [
  { file: "content/articles/a/article.yaml", field: "date", expected: msg("date.expected"), found: verbatim('"2024-13-01"'), fix: msg("date.fix") },
  { file: "content/articles/a/summary.fr.md", field: "lede", expected: msg("text.withoutHtml"), found: verbatim('"<b>Chapeau</b>"') },
  { file: "content/articles/a/article.yaml", field: "lang", expected: msg("article.lang"), found: verbatim('"en"') },
];

describe("the page the development server shows while the content is broken", () => {
  it("lists every problem under its file with its field and fix, escaped", () => {
    const $ = load(problemsPage(PROBLEMS));
    expect($("html").attr("lang")).toBe("en");
    expect($("h1").text()).toBe("The content has 3 problems");
    expect($("section h2").map((_, h) => $(h).text()).get()).toEqual(["content/articles/a/article.yaml", "content/articles/a/summary.fr.md"]);
    expect($("section").first().find("li").map((_, li) => $(li).find("code").text()).get()).toEqual(["date", "lang"]);
    expect($("section").first().find("li").first().text()).toBe(
      "date: expected a date as YYYY-MM-DD, or YYYY-MM when only the month is known; found \"2024-13-01\".→ write a day that is on the calendar, year first (2024-01-19)",
    );
    expect($("section").last().text()).toContain('"<b>Chapeau</b>"');
    expect($("b")).toHaveLength(0);
  });
});
