import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/analysis/registry.ts";
import { connectAnalysis } from "../../src/importer/analysis.ts";
import { planArticle, writeArticle } from "../../src/importer/new-article.ts";
import { CONTENT, handCleaned, request, seedRaw, tempContent } from "./helpers.ts";

/** The real analysis with the editors' registry, on a seed whose actors and topics are known. */
describe("the importer with the real analysis", () => {
  const { suggest, warnings } = connectAnalysis(CONTENT);
  const { registry } = loadRegistry(CONTENT);
  const content = tempContent();
  const result = planArticle(request("2024-01-19", { raw: seedRaw("000"), contentDir: content, title: handCleaned("000").meta.title }), suggest);
  if (!result.ok) throw new Error(result.refusal.message);
  const { plan } = result;
  const found = plan.suggestions;

  it("reads the registry without problems", () => {
    expect(warnings).toEqual([]);
  });

  it("suggests migration among topics that all exist in the registry, and writes them to article.yaml", () => {
    expect(found?.topics).toContain("migration");
    for (const id of found?.topics ?? []) expect(registry.topics.has(id)).toBe(true);
    writeArticle(plan);
    expect(readFileSync(path.join(plan.folder, "article.yaml"), "utf8")).toContain(`topics: [${found?.topics.join(", ")}]`);
  });

  it("finds Blinken and Bárcena under their registry names, in each summary's language", () => {
    const ids = found?.actors.map((a) => a.id) ?? [];
    expect(ids).toContain("antony-blinken");
    expect(ids).toContain("alicia-barcena");
    const unitedStates = found?.actors.find((a) => a.id === "united-states");
    expect(unitedStates?.names).toEqual({ fr: registry.actors.get("united-states")?.name.fr, es: registry.actors.get("united-states")?.name.es });
  });

  it("counts the quotes and lists figures and dates from the text", () => {
    expect(found?.quotes).toBeGreaterThan(0);
    expect(found?.figures.some((f) => f.includes("520"))).toBe(true);
    expect(found?.dates.some((d) => d.includes("2023-12-27"))).toBe(true);
  });
});
