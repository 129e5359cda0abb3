import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/analysis/registry.ts";
import { readCorpus } from "../../src/content/corpus.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { FIXTURE_CONTENT, copyContent, tempDir } from "../helpers/build.ts";

/**
 * A YAML syntax error names the line an editor sees in the file, counted from 1, whatever kind of
 * file it is in. Each broken line below is the line that is wrong, so the message can point at it.
 */
const SLUG = "2025-03-04-reunion-frontera-ficticia";

/** The line of the file, 1-based, that holds `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`no line with ${needle}`);
  return index + 1;
}

function articleProblems(file: string, change: (text: string) => string) {
  const content = copyContent(FIXTURE_CONTENT);
  const full = path.join(content, "articles", SLUG, file);
  const text = change(readFileSync(full, "utf8"));
  writeFileSync(full, text);
  return { text, messages: readCorpus(content).problems.map((p) => formatProblem(p)) };
}

function registryProblems(dir: string, name: string, text: string): string[] {
  const content = path.join(tempDir("registry"), "content");
  mkdirSync(path.join(content, dir), { recursive: true });
  writeFileSync(path.join(content, dir, name), text);
  return loadRegistry(content).problems.map((p) => formatProblem(p));
}

describe("a YAML syntax error names its line", () => {
  it("in article.yaml", () => {
    const { text, messages } = articleProblems("article.yaml", (t) => t.replace(/^title: .*$/m, "title: México y Estados Unidos: acuerdo fronterizo"));
    const line = lineOf(text, "title:");
    expect(line).toBeGreaterThan(1);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`${SLUG}/article.yaml: expected valid YAML`);
    expect(messages[0]).toContain(`found a syntax error at line ${line}, column`);
  });

  it("in a summary's front matter, counting the opening --- line", () => {
    const { text, messages } = articleProblems("summary.fr.md", (t) => t.replace(/^lede: .*$/m, "lede: Le chapeau: deux points et une suite"));
    expect(lineOf(text, "lede:")).toBe(3);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`${SLUG}/summary.fr.md: expected valid YAML`);
    expect(messages[0]).toContain("found a syntax error at line 3, column");
  });

  it("in an actor's file", () => {
    const text = "id: jeanne-exemple\nkind: person\nname:\n  fr: Jeanne Exemple\n   es: Jeanne Exemple\ndescription:\n  fr: Une personne inventée\n  es: Una persona inventada\n";
    const messages = registryProblems("actors", "jeanne-exemple.yaml", text);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/actors\/jeanne-exemple\.yaml: expected valid YAML/);
    expect(messages[0]).toContain(`found a syntax error at line ${lineOf(text, "   es:")}, column`);
  });

  it("in a role's file", () => {
    const text = "id: ministre-exemple\nname:\n  fr: ministre inventé\n  es: ministro inventado\nphrases:\n  fr:\n    m: [ministre inventé]\n     f: [ministre inventée]\n";
    const messages = registryProblems(path.join("actors", "roles"), "ministre-exemple.yaml", text);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/actors\/roles\/ministre-exemple\.yaml: expected valid YAML/);
    expect(messages[0]).toContain(`found a syntax error at line ${lineOf(text, "     f:")}, column`);
  });

  it("in a topic's file", () => {
    const text = "id: sujet-exemple\nname: { fr: Sujet, es: Tema }\ndescription: { fr: Un sujet inventé, es: Un tema inventado }\nterms:\n  fr: [frontière]\n  es: frontera: norte\n";
    const messages = registryProblems("topics", "sujet-exemple.yaml", text);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/topics\/sujet-exemple\.yaml: expected valid YAML/);
    expect(messages[0]).toContain(`found a syntax error at line ${lineOf(text, "es: frontera")}, column`);
  });

  it("with Windows line endings too", () => {
    const text = "id: jeanne-exemple\r\nkind: person\r\nname: Jeanne: Exemple\r\n";
    expect(registryProblems("actors", "jeanne-exemple.yaml", text)[0]).toContain("found a syntax error at line 3, column");
  });
});
