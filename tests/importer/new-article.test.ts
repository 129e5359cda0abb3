import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpus } from "../../src/content/corpus.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { articleSlug, checkArticle, planArticle, writeArticle } from "../../src/importer/new-article.ts";
import type { Suggest } from "../../src/importer/suggest.ts";
import { handCleaned, request, seedRaw, tempContent } from "./helpers.ts";

/** Stands in for the analysis: records what it was asked and answers as the analysis would. */
function recordingSuggest() {
  const calls: Parameters<Suggest>[] = [];
  const suggest: Suggest = (...args) => {
    calls.push(args);
    return {
      topics: ["migration", "diplomacy"],
      actors: [
        { id: "antony-blinken", names: { fr: "Antony Blinken", es: "Antony Blinken" }, count: 3 },
        { id: "united-states", names: { fr: "États-Unis", es: "Estados Unidos" }, count: 2 },
      ],
      candidates: ["Bernardo Arévalo"],
      quotes: 3,
      figures: ["520 000 migrants"],
      dates: ["2023-12-27"],
    };
  };
  return { suggest, calls };
}

function importInto(content: string, suggest: Suggest | null, title?: string) {
  const result = planArticle(
    request("2024-01-19", { raw: seedRaw("000"), contentDir: content, outlet: "AFP, via La Presse (Montréal)", url: "https://example.org/a", title }),
    suggest,
  );
  if (!result.ok) throw new Error(result.refusal.message);
  writeArticle(result.plan);
  return result.plan;
}

describe("a new article's folder", () => {
  const content = tempContent();
  const { suggest, calls } = recordingSuggest();
  const plan = importInto(content, suggest, "Immigration : les États-Unis et le Mexique s’engagent à « œuvrer ensemble »");
  const read = (name: string) => readFileSync(path.join(plan.folder, name), "utf8");

  it("is named after the date and the title, and holds the four files", () => {
    expect(plan.slug).toBe("2024-01-19-immigration-etats-unis-mexique");
    expect(readdirSync(plan.folder).sort()).toEqual(["article.yaml", "source.txt", "summary.es.md", "summary.fr.md"]);
    expect(readdirSync(path.join(content, "articles"))).toEqual([plan.slug]);
  });

  it("passes the checks of npm run check, as a draft, with the metadata given and the suggested topics", () => {
    const { problems } = readCorpus(content);
    expect(problems.map((p) => formatProblem(p))).toEqual([]);
    const { article } = checkArticle(content, plan);
    expect(article).toMatchObject({
      lang: "fr",
      date: { iso: "2024-01-19", precision: "day" },
      outlet: "AFP, via La Presse (Montréal)",
      url: "https://example.org/a",
      title: "Immigration : les États-Unis et le Mexique s’engagent à « œuvrer ensemble »",
      topics: ["migration", "diplomacy"],
      draft: true,
    });
    expect(article?.summaries.fr.draft).toBe(true);
    expect(article?.summaries.es.draft).toBe(true);
    expect(read("article.yaml")).toMatch(/^draft: true$/m);
  });

  it("has the cleaned text as its source", () => {
    expect(read("source.txt")).toBe(handCleaned("000").source);
  });

  it("asks the analysis about the cleaned text, in the article's language, on its date", () => {
    expect(calls).toHaveLength(1);
    const [text, lang, date] = calls[0] ?? [];
    expect(text).toBe(handCleaned("000").source);
    expect(lang).toBe("fr");
    expect(date).toEqual({ iso: "2024-01-19", precision: "day" });
  });

  it("has a French summary titled like the source and a Spanish one marked for translation", () => {
    const { article } = checkArticle(content, plan);
    expect(article?.summaries.fr.title).toBe(plan.title);
    expect(article?.summaries.es.title).toBe(`[Por traducir] ${plan.title}`);
    expect(article?.summaries.fr.lede).toMatch(/^\[À écrire\]/);
    expect(article?.summaries.es.lede).toMatch(/^\[Por escribir\]/);
  });

  it("lists the suggested topics, the actors found and the unknown names in each summary's to-do block", () => {
    const fr = read("summary.fr.md");
    const es = read("summary.es.md");
    expect(fr).toContain("Thèmes suggérés par l’analyse (déjà dans article.yaml, à confirmer) : migration, diplomacy");
    expect(fr).toContain("Acteurs trouvés dans la source : Antony Blinken (3 mentions), États-Unis (2 mentions)");
    expect(fr).toContain("Noms absents du registre (à vérifier) : Bernardo Arévalo");
    expect(es).toContain("Temas sugeridos por el análisis (ya en article.yaml, por confirmar): migration, diplomacy");
    expect(es).toContain("Actores encontrados en la fuente: Antony Blinken (3 menciones), Estados Unidos (2 menciones)");
    expect(es).toContain("Nombres que no están en el registro (por verificar): Bernardo Arévalo");
  });
});

describe("without the analysis", () => {
  it("leaves the topics empty and says so in the summaries", () => {
    const content = tempContent();
    const plan = importInto(content, null, "Immigration");
    const { article, problems } = checkArticle(content, plan);
    expect(problems).toEqual([]);
    expect(article?.topics).toEqual([]);
    expect(readFileSync(path.join(plan.folder, "summary.fr.md"), "utf8")).toContain("L’analyse n’a pas tourné");
    expect(readFileSync(path.join(plan.folder, "summary.es.md"), "utf8")).toContain("El análisis no se ejecutó");
  });
});

describe("a Spanish source", () => {
  it("gets the source title in the Spanish summary and a French one marked for translation", () => {
    const content = tempContent();
    const raw = readFileSync(path.join(import.meta.dirname, "../fixtures/raw/es-grupo-frontera.txt"), "utf8");
    const result = planArticle(request("2025-03", { raw, contentDir: content, lang: "es", outlet: "Diario ficticio" }), null);
    if (!result.ok) throw new Error(result.refusal.message);
    writeArticle(result.plan);
    const { article, problems } = checkArticle(content, result.plan);
    expect(problems).toEqual([]);
    expect(article?.date).toEqual({ iso: "2025-03", precision: "month" });
    expect(article?.summaries.es.title).toBe("México y Estados Unidos crean un grupo conjunto contra el tráfico de armas");
    expect(article?.summaries.fr.title).toBe("[À traduire] México y Estados Unidos crean un grupo conjunto contra el tráfico de armas");
  });
});

describe("a title", () => {
  it("is required when the page opens with a paragraph, not a heading", () => {
    const content = tempContent();
    const result = planArticle(request("2024-01-19", { raw: seedRaw("000"), contentDir: content }), null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal.reason).toBe("no-title");
    expect(result.refusal.message).toContain("--title");
    expect(result.refusal.message).toContain("(Washington) Les États-Unis");
    expect(readdirSync(path.join(content, "articles"))).toEqual([]);
  });

  it("too long for a summary is shortened there, not in article.yaml", () => {
    const content = tempContent();
    const long = `Titre ${"très ".repeat(50)}long`;
    const plan = importInto(content, null, long);
    const { article, problems } = checkArticle(content, plan);
    expect(problems.map((p) => formatProblem(p))).toEqual([]);
    expect(article?.title).toBe(long);
    expect(article?.summaries.es.title.length).toBeLessThanOrEqual(200);
    expect(article?.summaries.es.title.endsWith("…")).toBe(true);
  });
});

describe("slugs", () => {
  it("keep the date's precision and the title's first significant words", () => {
    expect(articleSlug({ iso: "2021-10", precision: "month" }, "Les gouvernements du Mexique et des États-Unis lanceront un dialogue")).toBe(
      "2021-10-gouvernements-mexique-etats-unis",
    );
    expect(articleSlug({ iso: "2025-03-12", precision: "day" }, "México y EE. UU. crean un grupo")).toBe("2025-03-12-mexico-ee-uu-crean");
  });

  it("given by the editor must be folder names", () => {
    const result = planArticle(request("2024-01-19", { raw: seedRaw("000"), contentDir: tempContent(), title: "T", slug: "Bad Slug" }), null);
    expect(!result.ok && result.refusal.reason).toBe("bad-slug");
  });
});
