import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/analysis/analyze.ts";
import { checkSummaries, summaryFacts } from "../../src/analysis/summaries.ts";
import { readCorpus } from "../../src/content/corpus.ts";
import { REPO, realRegistry } from "./support.ts";

/**
 * Where each summary reports its source's quote, each read in its own language: the made-up French
 * article's Spanish summary renders the minister's quote with "dijo la secretaria", a verb only
 * Spanish has.
 */
const registry = realRegistry();
const { articles, problems } = readCorpus(path.join(REPO, "tests/analysis/fixtures/summary-quotes"));
const article = articles.find((a) => a.slug === "2024-02-14-barcena-frontera-ficticia")!;

describe("a summary's rendering of its source's quote", () => {
  it("reads the fixture without problems", () => {
    expect(problems).toEqual([]);
    expect(article.lang).toBe("fr");
  });

  const analysis = analyzeArticle(article, registry);

  it("is found in each language with that language's speech verbs", () => {
    expect(analysis.source.quotes.map((q) => [q.text.slice(0, 20), q.speaker])).toEqual([["Nous voulons des rés", "alicia-barcena"]]);
    expect(analysis.reported?.fr.quotes).toEqual([{ text: expect.stringMatching(/^Nous voulons des résultats/u), sentence: expect.stringContaining("a déclaré la ministre") }]);
    expect(analysis.reported?.es.quotes).toEqual([{ text: expect.stringMatching(/^Queremos resultados/u), sentence: expect.stringContaining("dijo la secretaria") }]);
  });

  it("names nothing and no figure its source lacks, so the article builds", () => {
    expect(checkSummaries(article, analysis, registry)).toEqual([]);
  });

  it("is the same whether the summary's tokens are at hand or read again", () => {
    for (const lang of ["fr", "es"] as const) expect(summaryFacts(article, analysis, registry, lang)).toEqual(analysis.reported?.[lang]);
  });
});
