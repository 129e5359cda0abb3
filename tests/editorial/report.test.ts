import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCorpus, loadRegistry } from "../../src/analysis/index.ts";
import type { CandidateAggregate } from "../../src/analysis/aggregate.ts";
import { readCorpus, type Article } from "../../src/content/corpus.ts";
import { underRule } from "../../src/content/problems.ts";
import { checkArticles } from "../../src/validate.ts";
import { printReport } from "../../src/editorial/print.ts";
import { editorialReport, type ReportInput } from "../../src/editorial/report.ts";
import { type Message, msg, say } from "../../src/messages/index.ts";

const en = (message: Message | undefined) => (message === undefined ? undefined : say("en", message));

const CONTENT = path.resolve(import.meta.dirname, "../../content");
const BLINKEN = "2024-01-19-blinken-barcena-washington";

/** The shipped corpus, as fresh copies each test may change. */
function corpus(): Article[] {
  const { articles, problems } = readCorpus(CONTENT);
  expect(problems).toEqual([]);
  return structuredClone(articles);
}

function registry() {
  const { registry, problems } = loadRegistry(CONTENT);
  expect(problems).toEqual([]);
  return registry;
}

/** The check's report on these articles: the same validation of articles and analysis as `npm run check`. */
async function report(articles: Article[], extra: Partial<ReportInput> = {}) {
  const reg = registry();
  return editorialReport({ articles, problems: checkArticles(articles, reg), analysis: await analyzeCorpus(articles, reg), registry: reg, ...extra });
}

const find = (articles: Article[], slug: string) => articles.find((a) => a.slug === slug) as Article;

describe("the editorial report", () => {
  it("finds nothing wrong with the shipped corpus and counts its coverage", async () => {
    const articles = corpus();
    const r = await report(articles);
    expect(r.errorCount).toBe(0);
    expect(r.errors).toEqual([]);
    expect(r.drafts).toEqual([]);
    expect(r.coverage).toMatchObject({
      articles: articles.length,
      published: articles.length,
      drafts: 0,
      sources: { fr: articles.filter((a) => a.lang === "fr").length, es: articles.filter((a) => a.lang === "es").length },
      finishedSummaries: { fr: articles.length, es: articles.length },
    });
    expect(r.coverage.registry?.actors).toBeGreaterThan(0);
  });

  it("refuses a finished summary that still holds the importer's placeholders, naming the file and the field", async () => {
    const articles = corpus();
    const es = find(articles, BLINKEN).summaries.es;
    es.title = `[Por traducir] ${es.title}`;
    es.markdown = `**Pendiente antes de publicar** (borrar este bloque):\n\n${es.markdown}`;
    const r = await report(articles);
    const placeholders = r.errors.filter((p) => p.file === es.file);
    expect(placeholders.map((p) => [p.field, en(p.found)])).toEqual([
      ["body", '"Pendiente antes de publicar"'],
      ["title", '"[Por traducir]"'],
    ]);
    expect(en(placeholders[0]?.fix)).toMatch(/to-do block/);
    expect(r.errorCount).toBe(2);
    expect(r.coverage.finishedSummaries).toEqual({ fr: articles.length, es: articles.length - 1 });
  });

  it("lists drafts with what is left to do, without failing", async () => {
    const articles = corpus();
    const blinken = find(articles, BLINKEN);
    blinken.draft = true;
    blinken.summaries.fr.draft = true;
    blinken.summaries.fr.lede = "[À écrire] Le chapeau : une phrase qui dit qui, quoi, quand.";
    const other = articles.find((a) => a.slug !== BLINKEN) as Article;
    other.draft = true; // only its article.yaml says draft: true

    const r = await report(articles);
    expect(r.errorCount).toBe(0);
    expect(r.coverage).toMatchObject({ published: articles.length - 2, drafts: 2, finishedSummaries: { fr: articles.length - 1, es: articles.length } });
    const entry = r.drafts.find((d) => d.slug === BLINKEN);
    expect(entry?.files).toEqual([{ file: blinken.summaries.fr.file, flagged: true, placeholders: [{ field: "lede", placeholder: "[À écrire]" }] }]);
    expect(r.drafts.find((d) => d.slug === other.slug)?.files.map((f) => f.file)).toEqual([path.join(other.dir, "article.yaml")]);
  });

  it("fails on a figure the source does not support in a finished summary, and only notes it in a draft", async () => {
    const articles = corpus();
    const blinken = find(articles, BLINKEN);
    expect(blinken.summaries.es.markdown).toContain("520.000 migrantes");
    blinken.summaries.es.markdown = blinken.summaries.es.markdown.replace("520.000 migrantes", "530.000 migrantes");

    const finished = await report(articles);
    expect(finished.unsupported).toHaveLength(1);
    expect(finished.unsupported[0]).toMatchObject({ file: blinken.summaries.es.file, field: "body", draft: false });
    expect(en(finished.unsupported[0]?.found)).toContain("530.000");
    expect(finished.errorCount).toBe(1);

    blinken.summaries.es.draft = true;
    blinken.draft = true;
    const draft = await report(articles);
    expect(draft.unsupported[0]?.draft).toBe(true);
    expect(draft.errorCount).toBe(0);
  });

  it("keeps people and organizations seen in two articles or more, with the file of each example; never places or events", async () => {
    const articles = corpus();
    const [a, b] = articles as [Article, Article];
    const candidates: CandidateAggregate[] = [
      {
        name: "Ramiro Ávalos",
        kind: "person",
        articles: 2,
        mentions: 3,
        examples: [{ slug: a.slug, sentence: "Ramiro Ávalos arrive à la frontière." }, { slug: b.slug, sentence: "Ramiro Ávalos, porte-parole, a parlé." }],
      },
      { name: "Bajo Chiquito", kind: "place", articles: 2, mentions: 3, examples: [{ slug: a.slug, sentence: "Des migrants arrivent à Bajo Chiquito." }, { slug: b.slug, sentence: "Bajo Chiquito déborde." }] },
      { name: "Sommet des Amériques", kind: "event", articles: 1, mentions: 4, examples: [{ slug: a.slug, sentence: "Le Sommet des Amériques." }] },
    ];
    const r = await report(articles, { analysis: { problems: [], candidates } });
    expect(r.candidates).toEqual([
      {
        name: "Ramiro Ávalos",
        kind: "person",
        articles: 2,
        mentions: 3,
        examples: [
          { file: path.join(a.dir, "source.txt"), sentence: "Ramiro Ávalos arrive à la frontière." },
          { file: path.join(b.dir, "source.txt"), sentence: "Ramiro Ávalos, porte-parole, a parlé." },
        ],
      },
    ]);
    expect(r.errorCount).toBe(0);
  });

  it("counts the reader's and the registry's problems as errors, sorted by file", async () => {
    const articles = corpus();
    const problems = [
      ...underRule("registry-file", [{ file: "content/topics/migration.yaml", field: "name.es", expected: msg("registry.what.topicName"), found: msg("value.missing") }]),
      ...underRule("article-file", [{ file: "content/articles/x/summary.fr.md", expected: msg("corpus.thisFile"), found: msg("corpus.noFile"), fix: msg("corpus.writeSummary") }]),
    ];
    const r = await report(articles, { problems });
    expect(r.errors.map((p) => p.file)).toEqual(["content/articles/x/summary.fr.md", "content/topics/migration.yaml"]);
    expect(r.errorCount).toBe(2);
  });
});

describe("the printed report", () => {
  it("groups problems under their file, each with its fix, and says whether the corpus can be published", async () => {
    const articles = corpus();
    const es = find(articles, BLINKEN).summaries.es;
    es.title = `[Por traducir] ${es.title}`;
    es.lede = `[Por escribir] ${es.lede}`;
    const text = printReport(await report(articles));
    const lines = text.split("\n");
    const header = lines.indexOf(`  ${es.file}`);
    expect(header).toBeGreaterThan(-1);
    expect(lines[header + 1]).toMatch(/^ {4}field "lede": expected a finished summary.*found "\[Por escribir\]"\.$/);
    expect(lines[header + 2]).toMatch(/^ {6}→ replace "\[Por escribir\]"/);
    expect(lines[header + 3]).toMatch(/^ {4}field "title": /);
    expect(text).toMatch(/^✗ Errors \(2\)/);
    expect(text).toContain(`finished summaries: French ${articles.length}/${articles.length}, Spanish ${articles.length - 1}/${articles.length}`);
    expect(lines.at(-1)).toBe("✗ 2 problems to fix; the corpus is not ready to publish.");
  });

  it("ends with a clear go-ahead when there is nothing to fix", async () => {
    const articles = corpus();
    find(articles, BLINKEN).draft = true;
    const text = printReport(await report(articles));
    expect(text).toContain("… Drafts (1)");
    expect(text.split("\n").at(-1)).toBe("✓ No errors: the corpus is ready to publish (its 1 draft will be left out).");
  });
});
