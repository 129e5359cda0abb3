import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/analysis/analyze.ts";
import { analyzeCorpus } from "../../src/analysis/index.ts";
import { loadRegistry } from "../../src/analysis/registry.ts";
import { checkSummaries } from "../../src/analysis/summaries.ts";
import { type Article, readCorpus } from "../../src/content/corpus.ts";
import { checkArticles } from "../../src/validate.ts";
import { FIXTURE_CONTENT, fixtureRegistry, realArticles, realRegistry } from "./support.ts";
import { type Message, say, verbatim } from "../../src/messages/index.ts";

const en = (message: Message | undefined) => (message === undefined ? undefined : say("en", message));

const registry = realRegistry();
const tmp = (name: string) => {
  const dir = path.join(os.tmpdir(), `digest-analysis-${name}-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

describe("the Spanish fixture", () => {
  const { articles } = readCorpus(FIXTURE_CONTENT);
  const article = articles.find((a) => a.slug === "2025-03-04-reunion-frontera-ficticia") as Article;

  it("finds countries, the made-up minister behind “la canciller”, her quote, figures and the next meeting", () => {
    const analysis = analyzeArticle(article, fixtureRegistry());
    const source = analysis.source;
    expect(source.actors.map((a) => a.actorId).sort()).toEqual(["lucia-ferrer-ibarra", "mexico", "united-states"]);
    expect(source.quotes.map((q) => [q.text.slice(0, 24), q.speaker])).toEqual([["Queremos resultados que ", "lucia-ferrer-ibarra"]]);
    expect(source.figures.map((f) => [f.value, f.unit])).toEqual([[10000, "soldiers"], [1200, "weapons"]]);
    expect(source.dates.map((d) => [d.phrase, d.date])).toEqual([
      ["martes", "2025-03-04"],
      ["próximo miércoles 3 de septiembre", "2025-09-03"],
    ]);
    expect(analysis.topics.suggested.map((t) => t.topicId)).toContain("border-security");
    // The French summary says "10 000 soldats": the same fact in the other notation.
    expect(analysis.summaries.fr.figures.map((f) => [f.value, f.unit])).toEqual([[10000, "soldiers"], [1200, "weapons"]]);
    expect(checkSummaries(article, analysis, fixtureRegistry())).toEqual([]);
  });

  it("leaves “la canciller” unresolved when the minister of the day is a man", () => {
    const analysis = analyzeArticle(article, registry);
    expect(analysis.source.actors.map((a) => a.actorId).sort()).toEqual(["mexico", "united-states"]);
    expect(analysis.source.quotes[0]?.speaker).toBeNull();
  });
});

describe("summary checks", () => {
  const articles = realArticles();

  it("find every fact of the five real summaries in their sources", () => {
    for (const article of articles) expect(checkSummaries(article, analyzeArticle(article, registry), registry)).toEqual([]);
  });

  it("report a figure or an actor the source does not support, naming the file and field", () => {
    const original = articles.find((a) => a.slug === "2024-01-19-blinken-barcena-washington") as Article;
    const article: Article = {
      ...original,
      summaries: {
        ...original.summaries,
        es: { ...original.summaries.es, lede: `${original.summaries.es.lede} Marcelo Ebrard asistió.`, markdown: original.summaries.es.markdown.replace(/2,4(\s)millones/u, "2,5$1millones") },
      },
    };
    const problems = checkSummaries(article, analyzeArticle(article, registry), registry);
    expect(problems.map((p) => [p.file, p.field, en(p.expected)])).toEqual([
      [original.summaries.es.file, "lede", "facts supported by the source"],
      [original.summaries.es.file, "body", "facts supported by the source"],
    ]);
    expect(en(problems[0]?.found)).toContain("Marcelo Ebrard");
    expect(en(problems[1]?.found)).toMatch(/2,5\smillones/u);
  });

  it("report unknown topic ids against article.yaml", () => {
    const article = { ...articles[0], topics: ["migration", "migracion"] } as Article;
    const problems = checkArticles([article], registry);
    expect(problems).toEqual([expect.objectContaining({ file: `${article.dir}/article.yaml`, field: "topics", found: verbatim('"migracion"') })]);
  });
});

describe("analyzeCorpus", () => {
  const articles = realArticles();

  it("aggregates actors, topics, timeline and related articles with provenance", async () => {
    const digest = await analyzeCorpus(articles, registry);
    const amlo = digest.actors.get("andres-manuel-lopez-obrador");
    expect(amlo?.articles).toEqual([
      "2024-01-19-blinken-barcena-washington",
      "2022-12-27-biden-mexico-title-42",
      "2021-10-dialogue-securite-haut-niveau",
      "2021-06-harris-mexico-guatemala",
    ]);
    expect(amlo?.first.slug).toBe("2021-06-harris-mexico-guatemala");
    expect(amlo?.last.slug).toBe("2024-01-19-blinken-barcena-washington");
    expect(amlo?.byMonth.map((m) => m.month)).toEqual(["2021-06", "2021-10", "2022-12", "2024-01"]);
    const harris = digest.actors.get("kamala-harris");
    expect(harris?.quotes.length).toBe(5);
    expect(harris?.quotes.every((q) => q.slug && q.sentence.length > 0)).toBe(true);
    // Counted once per article: Harris and Mexico share two articles.
    expect(harris?.coMentions).toContainEqual({ actorId: "mexico", articles: 2 });
    expect(digest.topics.get("fentanyl")?.articles).toEqual(["2026-01-16-sheinbaum-cooperation-securite"]);
    expect(digest.topics.get("fentanyl")?.figures.map((f) => f.raw)).toContain("320 tonnes");
    const dates = digest.timeline.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(digest.timeline.find((e) => e.date === "2023-12-27")?.slug).toBe("2024-01-19-blinken-barcena-washington");
    for (const [slug, list] of digest.related) {
      expect(list.length).toBeLessThanOrEqual(5);
      expect(list.map((r) => r.slug)).not.toContain(slug);
    }
    const related = digest.related.get("2021-10-dialogue-securite-haut-niveau") ?? [];
    expect(related.map((r) => r.score)).toEqual([...related.map((r) => r.score)].sort((a, b) => b - a));
    expect(related.find((r) => r.slug === "2024-01-19-blinken-barcena-washington")?.sharedActors).toEqual(
      expect.arrayContaining(["antony-blinken", "alejandro-mayorkas", "andres-manuel-lopez-obrador"]),
    );
    expect(digest.problems).toEqual([]);
  });

  it("re-analyzes only the articles that changed, and survives a corrupt cache", async () => {
    const cacheDir = tmp("cache");
    try {
      const first = await analyzeCorpus(articles, registry, { cacheDir });
      expect(first.stats).toMatchObject({ analyzed: 5, cached: 0 });
      const second = await analyzeCorpus(articles, registry, { cacheDir });
      expect(second.stats).toMatchObject({ analyzed: 0, cached: 5 });
      expect(second.actors).toEqual(first.actors);

      const changed = articles.map((a, i) => (i === 0 ? { ...a, source: { ...a.source, text: `${a.source.text}\n\nMarcelo Ebrard a réagi.` } } : a));
      const third = await analyzeCorpus(changed, registry, { cacheDir });
      expect(third.stats).toMatchObject({ analyzed: 1, cached: 4 });
      expect(third.articles.get(changed[0]?.slug as string)?.source.actors.map((a) => a.actorId)).toContain("marcelo-ebrard");

      const files = readdirSync(cacheDir).filter((f) => f.endsWith(".json"));
      writeFileSync(path.join(cacheDir, files[0] as string), "{ not json");
      writeFileSync(path.join(cacheDir, files[1] as string), JSON.stringify({ key: "x", analysis: {} }));
      // Each call starts with an empty memory unless given one: like a new process, it reads the files.
      const fourth = await analyzeCorpus(changed, registry, { cacheDir });
      expect(fourth.stats).toMatchObject({ analyzed: 2, cached: 3 });
      expect(JSON.parse(readFileSync(path.join(cacheDir, files[0] as string), "utf8")).analysis.slug).toBeDefined();
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it("re-analyzes everything when the registry changes", async () => {
    const cacheDir = tmp("registry");
    try {
      await analyzeCorpus(articles, registry, { cacheDir });
      const other = fixtureRegistry();
      expect((await analyzeCorpus(articles, other, { cacheDir })).stats).toMatchObject({ analyzed: 5, cached: 0 });
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe("loadRegistry", () => {
  it("names the file and field of each problem", () => {
    const dir = tmp("registry-problems");
    try {
      mkdirSync(path.join(dir, "actors", "roles"), { recursive: true });
      mkdirSync(path.join(dir, "topics"), { recursive: true });
      writeFileSync(path.join(dir, "actors", "jane-doe.yaml"), "id: jane-roe\nkind: person\nname: { fr: Jane, es: Jane }\ndescription: { fr: x, es: x }\n");
      writeFileSync(path.join(dir, "actors", "john-doe.yaml"), "id: john-doe\nkind: human\nname: { fr: John, es: John }\ndescription: { fr: x, es: x }\nroles:\n  - { role: nowhere, from: 2024-01-01 }\n");
      writeFileSync(path.join(dir, "topics", "trade.yaml"), "id: trade\nname: { fr: Commerce }\ndescription: { fr: x, es: x }\nterms: { fr: [commerce], es: [comercio] }\n");
      writeFileSync(path.join(dir, "topics", "broken.yaml"), "id: [broken\n");
      const { problems } = loadRegistry(dir);
      const where = problems.map((p) => `${path.basename(p.file)}:${p.field ?? ""}`).sort();
      expect(where).toEqual(["broken.yaml:", "jane-doe.yaml:id", "john-doe.yaml:kind", "trade.yaml:name.es"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
