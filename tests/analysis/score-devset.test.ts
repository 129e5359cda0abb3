import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  type DevArticle,
  type Predicted,
  precision,
  predict,
  readDevset,
  recall,
  sameName,
  sameQuote,
  scoreDevset,
} from "../../scripts/score-devset.ts";
import { REPO, realRegistry } from "./support.ts";

/**
 * The development-set scorer on a made-up two-article set (tests/fixtures/devset): with canned
 * predictions, every count is worked out by hand below, so a scorer that adds, pairs or divides
 * wrongly fails here before it misleads anyone measuring the analysis with it.
 */
const FIXTURE = path.join(REPO, "tests/fixtures/devset");
const articles = readDevset(FIXTURE);

const canned: Record<string, Predicted> = {
  "2025-03-11-saisie-armes-sonora": {
    // one right, a photo credit and a place offered as people
    people: ["Mariana Quetzal Robles", "Lucien Ferrandeau", "État de Sonora"],
    quotes: [
      { text: "C’est la plus grande saisie de l’année dans la région", speakerNames: ["Mariana Quetzal Robles"] },
      // found, but the governor left as a role
      { text: "Nous travaillerons avec nos voisins pour fermer cette route", speakerNames: [], speakerText: "le gouverneur" },
      { text: "historique", speakerNames: [] },
    ],
    figures: [
      { value: 240, unit: "weapons" },
      { value: 12, unit: "people" },
      { value: 2025, unit: "count" },
    ],
    dates: [{ date: "2025-03-10" }, { date: "2026-03-11" }],
    topics: ["arms-trafficking", "border-security"],
  },
  "2025-03-12-deportaciones-tijuana": {
    people: [],
    quotes: [],
    // "migrant" is "migrants": units compare without the plural
    figures: [
      { value: 1500, unit: "migrant" },
      { value: 30_000_000, unit: "MXN" },
    ],
    dates: [],
    topics: ["migration"],
  },
};

describe("the development-set scorer", () => {
  it("reads both articles of the fixture set, in both languages", () => {
    expect(articles.map((a) => `${a.lang}/${a.slug}`)).toEqual(["fr/2025-03-11-saisie-armes-sonora", "es/2025-03-12-deportaciones-tijuana"]);
    expect(readDevset(FIXTURE, "es").map((a) => a.slug)).toEqual(["2025-03-12-deportaciones-tijuana"]);
  });

  it("adds counts over articles and divides them as worked out by hand", () => {
    const report = scoreDevset(articles, (a: DevArticle) => canned[a.slug] as Predicted);
    const t = report.tallies;
    expect(t.people).toEqual({ predicted: 3, correct: 1, gold: 4, found: 1 });
    expect(report.nonPeople).toBe(2);
    expect(report.scores[0]?.nonPeople).toEqual(["Lucien Ferrandeau", "État de Sonora"]);
    expect(t.quotes).toEqual({ predicted: 3, correct: 2, gold: 4, found: 2 });
    expect(t.speakers).toEqual({ predicted: 2, correct: 1, gold: 2, found: 1 });
    expect(t.figures).toEqual({ predicted: 5, correct: 4, gold: 4, found: 4 });
    expect(t.dates).toEqual({ predicted: 2, correct: 1, gold: 4, found: 1 });
    expect(t.topics).toEqual({ predicted: 3, correct: 2, gold: 2, found: 2 });
    expect([precision(t.people), recall(t.people)]).toEqual([1 / 3, 1 / 4]);
    expect([precision(t.quotes), recall(t.quotes)]).toEqual([2 / 3, 1 / 2]);
    expect(recall(t.speakers)).toBe(0.5);
    expect([precision(t.figures), recall(t.figures)]).toEqual([0.8, 1]);
    expect([precision(t.dates), recall(t.dates)]).toEqual([0.5, 0.25]);
    expect([precision(t.topics), recall(t.topics)]).toEqual([2 / 3, 1]);
    expect(report.topicsMissing).toEqual([["deportations", 1]]);
    expect(report.scores[1]?.misses.quotes).toEqual(["Recibimos a cada persona con dignidad", "No hay suficiente espacio"]);
  });

  it("pairs one prediction with one gold item: a quote found twice is one right and one extra", () => {
    const first = articles[0] as DevArticle;
    const twice = { ...(canned[first.slug] as Predicted) };
    twice.quotes = [twice.quotes[0]!, twice.quotes[0]!];
    const report = scoreDevset([first], () => twice);
    expect(report.tallies.quotes).toEqual({ predicted: 2, correct: 1, gold: 2, found: 1 });
  });

  it("matches names on their words and quotes on their opening", () => {
    expect(sameName("Sheinbaum", "Claudia Sheinbaum Pardo")).toBe(true);
    expect(sameName("MARCELO EBRARD", "Marcelo Ebrard Casaubón")).toBe(true);
    expect(sameName("Claudia López", "Claudia Sheinbaum")).toBe(false);
    expect(sameQuote("« Nous avons fait de grands progrès », a-t-il dit", "Nous avons fait de grands")).toBe(true);
    expect(sameQuote("Nous avons fait", "Nous avons fait de grands progrès")).toBe(true);
    expect(sameQuote("Nous n’avons rien fait", "Nous avons fait de grands progrès")).toBe(false);
  });

  it("prints from the command line what it computes with the project's own analysis", () => {
    const registry = realRegistry();
    const expected = scoreDevset(articles, (a) => predict(a, registry));
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/score-devset.ts", FIXTURE, "--json"], { cwd: REPO, encoding: "utf8" });
    const printed = JSON.parse(out) as { articles: number; measures: Record<string, { gold: number; predicted: number; correct: number }> };
    expect(printed.articles).toBe(2);
    for (const [measure, tally] of Object.entries(expected.tallies)) expect(printed.measures[measure]).toMatchObject(tally);
    // The gold side does not depend on the analysis.
    expect(printed.measures.quotes?.gold).toBe(4);
    expect(printed.measures.dates?.gold).toBe(4);
  }, 30_000);
});
