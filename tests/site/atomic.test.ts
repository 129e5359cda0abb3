import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildDigest } from "../../src/build-digest.ts";
import { routes } from "../../src/site/routes.ts";
import { FIXTURE_CONTENT, REPO, copyContent, runBuild, tempDir } from "../helpers/build.ts";
import { snapshot } from "../helpers/tree.ts";

const SLUG = "2025-03-04-reunion-frontera-ficticia";

function breakDate(content: string) {
  const file = path.join(content, "articles", SLUG, "article.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("date: 2025-03-04", "date: 2025-02-30"));
}

describe("a failed build", () => {
  it("names the file and the field, exits non-zero and leaves the published site byte for byte", () => {
    const parent = tempDir("atomic");
    const output = path.join(parent, "_site");
    expect(runBuild({ content: FIXTURE_CONTENT, output }).status).toBe(0);
    const before = snapshot(output);
    expect(Object.keys(before)).toContain(path.join("fr", "articles", SLUG, "index.html"));

    const broken = copyContent(FIXTURE_CONTENT);
    breakDate(broken);
    const result = runBuild({ content: broken, output });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${SLUG}/article.yaml: field "date"`);
    expect(result.stderr).toContain("February 2025 has 28 days, not 30");
    expect(result.stderr).toMatch(/Build refused: .*_site was left as it was/);
    expect(snapshot(output)).toEqual(before);
    expect(readdirSync(parent)).toEqual(["_site"]);
  });

  it("on a first build leaves no output and no staging folder behind", () => {
    const parent = tempDir("atomic-first");
    const broken = copyContent(FIXTURE_CONTENT);
    breakDate(broken);
    expect(runBuild({ content: broken, output: path.join(parent, "_site") }).status).toBe(1);
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe("drafts", () => {
  it("never reach the production build, but the development server shows them", async () => {
    const content = copyContent(FIXTURE_CONTENT);
    // A published article beside the draft: a corpus of drafts only is refused ("empty-corpus").
    cpSync(path.join(content, "articles", SLUG), path.join(content, "articles", "2025-03-05-copia-publicada"), { recursive: true });
    const summary = path.join(content, "articles", SLUG, "summary.fr.md");
    writeFileSync(summary, readFileSync(summary, "utf8").replace(/^title:/m, "draft: true\ntitle:"));
    const output = path.join(tempDir("drafts"), "_site");
    const result = runBuild({ content, output });
    expect(result.status).toBe(0);
    expect(existsSync(path.join(output, routes.article("es", SLUG)))).toBe(false);
    expect(existsSync(path.join(output, routes.article("fr", SLUG)))).toBe(false);
    expect(readFileSync(path.join(output, "es/index.html"), "utf8")).not.toContain(SLUG);

    // What the development server builds (_config/dev-server.ts).
    const { site, feeds } = await buildDigest(content, { includeDrafts: true, cacheDir: null });
    expect(site.pages.filter((p) => p.kind === "article").map((p) => p.url)).toContain(routes.article("fr", SLUG));
    expect(JSON.stringify(feeds.documents)).not.toContain(SLUG);
  });
});

describe("npm run check", () => {
  const check = (content: string) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/check.ts", "--content", content], { cwd: REPO, encoding: "utf8" });

  it("passes the shipped corpus", () => {
    const result = check(path.join(REPO, "content"));
    expect(result.status).toBe(0);
  });

  it("prints every problem with its file and field and exits 1", () => {
    const content = copyContent(FIXTURE_CONTENT);
    breakDate(content);
    const meta = path.join(content, "articles", SLUG, "article.yaml");
    writeFileSync(meta, readFileSync(meta, "utf8").replace("lang: es", "lang: en"));
    const result = check(content);
    expect(result.status).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toContain(`${SLUG}/article.yaml`);
    expect(output).toMatch(/field "date".*February 2025 has 28 days, not 30/);
    expect(output).toMatch(/field "lang".*found "en"/);
  });
});

describe("the build and the check", () => {
  it("refuse the same problems: one rule set, severity as data", () => {
    const content = copyContent(FIXTURE_CONTENT);
    const summary = path.join(content, "articles", SLUG, "summary.es.md");
    // A finished summary that still holds the importer's placeholder: an error for both.
    writeFileSync(summary, readFileSync(summary, "utf8").replace(/^title: "?/m, (start) => `${start}[Por traducir] `));
    const check = spawnSync(process.execPath, ["--import", "tsx", "scripts/check.ts", "--content", content], { cwd: REPO, encoding: "utf8" });
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/field "title": expected a finished summary.*found "\[Por traducir\]"/);
    const build = runBuild({ content, output: path.join(tempDir("rules"), "_site") });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(`${SLUG}/summary.es.md: field "title": expected a finished summary`);
  });
});
