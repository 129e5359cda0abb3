import { spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseNewArticleArgs } from "../../src/importer/args.ts";
import { REPO, SEEDS, tempContent, tempDir } from "./helpers.ts";

const SEED_003 = path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith("003_")) ?? "missing");
const valid = [SEED_003, "--lang", "fr", "--date", "2021-10", "--outlet", "Atalayar"];

function errorsFor(argv: string[]): string[] {
  const parsed = parseNewArticleArgs(argv);
  return parsed.ok ? [] : parsed.errors;
}

describe("the command line is checked before anything is read or written", () => {
  it("accepts a complete command", () => {
    const parsed = parseNewArticleArgs([...valid, "--url", "https://atalayar.com/fr/x", "--title", " Titre "]);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.options).toMatchObject({ lang: "fr", date: { iso: "2021-10", precision: "month" }, title: "Titre", content: "content" });
  });

  it("names a missing --lang, --date and --outlet all at once", () => {
    const errors = errorsFor([SEED_003]);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^--lang is missing/);
    expect(errors[1]).toMatch(/^--date is missing/);
    expect(errors[2]).toMatch(/^--outlet is missing/);
  });

  it("refuses a language other than fr or es", () => {
    expect(errorsFor([SEED_003, "--lang", "en", "--date", "2021-10", "--outlet", "X"])).toEqual(['--lang must be "fr" or "es"; found "en"']);
  });

  it("refuses a bad date, saying why", () => {
    expect(errorsFor([SEED_003, "--lang", "fr", "--date", "19/01/2024", "--outlet", "X"])[0]).toMatch(/^--date: expected a date as YYYY-MM-DD/);
    expect(errorsFor([SEED_003, "--lang", "fr", "--date", "2023-02-30", "--outlet", "X"])[0]).toContain("February 2023 has 28 days, not 30");
  });

  it("refuses a missing file, a folder, an empty file and two files", () => {
    expect(errorsFor(["nope.txt", "--lang", "fr", "--date", "2021-10", "--outlet", "X"])).toEqual(["no such file: nope.txt"]);
    expect(errorsFor([SEEDS, "--lang", "fr", "--date", "2021-10", "--outlet", "X"])).toEqual([`no such file: ${SEEDS}`]);
    const empty = path.join(tempDir("empty"), "empty.txt");
    writeFileSync(empty, " \n\n");
    expect(errorsFor([empty, "--lang", "fr", "--date", "2021-10", "--outlet", "X"])).toEqual([`${empty} is empty`]);
    expect(errorsFor(["--lang", "fr", "--date", "2021-10", "--outlet", "X"])[0]).toMatch(/raw text file is missing/);
    expect(errorsFor([SEED_003, SEED_003, "--lang", "fr", "--date", "2021-10", "--outlet", "X"])[0]).toMatch(/one raw text file at a time/);
  });

  it("refuses a bad address, an empty outlet and an unknown option", () => {
    expect(errorsFor([...valid, "--url", "atalayar.com/x"])[0]).toMatch(/^--url: expected the address of the original article/);
    expect(errorsFor([SEED_003, "--lang", "fr", "--date", "2021-10", "--outlet", " "])[0]).toMatch(/^--outlet: expected/);
    expect(errorsFor([...valid, "--titel", "x"])[0]).toMatch(/Unknown option '--titel'/);
  });
});

function runNew(args: string[]) {
  const child = spawnSync(process.execPath, ["--import", "tsx", "scripts/new.ts", ...args], { cwd: REPO, encoding: "utf8" });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe("npm run new", () => {
  it("exits 1 on a bad command line, prints the errors and the usage, and creates nothing", () => {
    const content = tempContent();
    const run = runNew([SEED_003, "--date", "2021-13", "--content", content]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("--lang is missing");
    expect(run.stderr).toContain("there is no month 13");
    expect(run.stderr).toContain("Usage: npm run new");
    expect(readdirSync(path.join(content, "articles"))).toEqual([]);
  });

  it("creates the folder, reports what it removed and that the folder passes the checks", () => {
    const content = tempContent();
    const run = runNew([...valid, "--content", content]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Removed from the page: 1 photo credit, 2 image file names, 1 byline, 2 foreign-language footer paragraphs.");
    expect(run.stdout).toContain("[image-slug] alejandro-mayorkas-departamento-seguridad");
    expect(run.stdout).toContain("Title (the page's heading): Les gouvernements du Mexique et des États-Unis lanceront un dialogue sur la sécurité");
    // An empty registry in this content folder: the analysis runs and finds no actors.
    expect(run.stdout).toContain("The analysis found:\n  actors: none\n  topics: none");
    expect(run.stdout).toContain("passes the checks of npm run check");
    expect(readdirSync(path.join(content, "articles"))).toEqual(["2021-10-gouvernements-mexique-etats-unis"]);
  });

  it("refuses, with exit code 1 and nothing created, an article already in the corpus", () => {
    const content = tempContent({ copyRealArticles: true });
    const before = readdirSync(path.join(content, "articles"));
    const run = runNew([...valid, "--content", content]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Nothing created: this article is already in the corpus: its text is 100\.0% similar to .*2021-10-dialogue-securite-haut-niveau/);
    expect(readdirSync(path.join(content, "articles"))).toEqual(before);
  });
});
