import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { analysisKey, codeHashOf, runtimeImports } from "../../src/analysis/cache.ts";
import type { Article } from "../../src/content/corpus.ts";
import { realArticles, realRegistry } from "./support.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "digest-cache-key-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

/** A small analysis: its entry imports code, types only, and a package. */
function project(): string {
  write("node_modules/@stem/words/package.json", JSON.stringify({ name: "@stem/words", version: "3.1.18" }));
  write("node_modules/dates-lib/package.json", JSON.stringify({ name: "dates-lib", version: "2.10.3" }));
  write("src/content/corpus.ts", "export interface Article { slug: string }\n");
  write("src/analysis/rules.ts", 'export const RULES = ["a"];\n');
  write("src/analysis/kinds.ts", 'export type Kind = "person";\nexport const KINDS = ["person"];\n');
  write("src/analysis/sentences.ts", "export type Sentence = { text: string };\n");
  write("src/analysis/listed.ts", "export const A = 1;\nexport const B = 2;\n");
  write(
    "src/analysis/analyze.ts",
    [
      'import type { Article } from "../content/corpus.ts";',
      'import { type Sentence } from "./sentences.ts";',
      'import { RULES, type Kind } from "./kinds.ts";',
      'import {\n  A,\n  B,\n} from "./listed.ts";',
      'import { stem } from "@stem/words/french";',
      'import * as dates from "dates-lib";',
      'import { readFileSync } from "node:fs";',
      'export { RULES as OWN } from "./rules.ts";',
      "export const analyze = (a: Article, s: Sentence, k: Kind) => [RULES, A, B, stem, dates, readFileSync];",
    ].join("\n"),
  );
  return path.join(dir, "src/analysis/analyze.ts");
}

describe("the analysis cache key's code hash", () => {
  it("follows imports of values and leaves type-only imports out", () => {
    const entry = project();
    expect(runtimeImports(readFileSync(entry, "utf8"))).toEqual(["./kinds.ts", "./listed.ts", "@stem/words/french", "dates-lib", "node:fs", "./rules.ts"]);
    expect(runtimeImports('import "./side-effect.ts";\nexport type { T } from "./t.ts";\nconst m = await import("./late.ts");\nconst require = createRequire(import.meta.url);\nconst c = require("lazy-lib");')).toEqual([
      "./side-effect.ts",
      "./late.ts",
      "lazy-lib",
    ]);
  });

  it("does not change when a module imported only for its types changes", () => {
    const entry = project();
    const before = codeHashOf(entry);
    write("src/content/corpus.ts", "export interface Article { slug: string; title: string }\n");
    write("src/analysis/sentences.ts", "export type Sentence = { text: string; start: number };\n");
    expect(codeHashOf(entry)).toBe(before);
  });

  it("changes when a module whose values are imported changes, however the import is written", () => {
    const entry = project();
    for (const [file, text] of [
      ["src/analysis/kinds.ts", 'export type Kind = "person";\nexport const KINDS = ["person", "place"];\n'],
      ["src/analysis/listed.ts", "export const A = 1;\nexport const B = 3;\n"],
      ["src/analysis/rules.ts", 'export const RULES = ["a", "b"];\n'],
    ] as const) {
      const before = codeHashOf(entry);
      write(file, text);
      expect(codeHashOf(entry), file).not.toBe(before);
    }
  });

  it("changes when a package the analysis imports is upgraded", () => {
    const entry = project();
    const before = codeHashOf(entry);
    write("node_modules/dates-lib/package.json", JSON.stringify({ name: "dates-lib", version: "2.10.4" }));
    const afterDates = codeHashOf(entry);
    expect(afterDates).not.toBe(before);
    write("node_modules/@stem/words/package.json", JSON.stringify({ name: "@stem/words", version: "3.2.0" }));
    expect(codeHashOf(entry)).not.toBe(afterDates);
  });
});

describe("the analysis cache key", () => {
  const base = realArticles()[0]!;
  const registry = realRegistry().hash;
  const edits: Array<[string, (a: Article) => Article]> = [
    ["the source's title", (a) => ({ ...a, title: `${a.title} (mis à jour)` })],
    ["the source's text", (a) => ({ ...a, source: { ...a.source, text: `${a.source.text} Fin.` } })],
    ["the date", (a) => ({ ...a, date: { ...a.date, iso: "2019-03-04" } })],
    ["the date's precision", (a) => ({ ...a, date: { iso: a.date.iso, precision: a.date.precision === "day" ? "month" : "day" } })],
    ["the language", (a) => ({ ...a, lang: a.lang === "fr" ? "es" : "fr" })],
    ["the topics", (a) => ({ ...a, topics: [...a.topics, "autre-sujet"] })],
    ["a summary's lede", (a) => ({ ...a, summaries: { ...a.summaries, es: { ...a.summaries.es, lede: `${a.summaries.es.lede} Otra frase.` } } })],
  ];

  it.each(edits)("changes with %s, which the analysis reads", (_, edit) => {
    expect(analysisKey(edit(base), registry)).not.toBe(analysisKey(base, registry));
  });

  it("changes with the registry and stays the same for the same inputs", () => {
    expect(analysisKey(base, registry)).toBe(analysisKey({ ...base }, registry));
    expect(analysisKey(base, `${registry}x`)).not.toBe(analysisKey(base, registry));
  });
});
