import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MARKER, OutputError, checkOutput, type ProtectedFolders } from "../../scripts/lib/output-guard.ts";
import { REPO, tempDir } from "../helpers/build.ts";

/** The refusal checkOutput throws for a folder, or null when it would let the build replace it. */
function refusal(output: string, protect: ProtectedFolders): OutputError | null {
  try {
    checkOutput(output, protect);
    return null;
  } catch (error) {
    if (error instanceof OutputError) return error;
    throw error;
  }
}

/** A made-up project: a root with package.json and .git, and its content folder. */
function fakeProject() {
  const root = path.join(tempDir("project"), "project");
  mkdirSync(path.join(root, ".git"), { recursive: true });
  writeFileSync(path.join(root, "package.json"), "{}");
  const content = path.join(root, "content");
  mkdirSync(path.join(content, "articles", "a"), { recursive: true });
  writeFileSync(path.join(content, "articles", "a", "article.yaml"), "lang: fr\n");
  return { root, content, protect: { projectRoot: root, contentDirs: [content] } };
}

/** What a build writes at the top of its output, without the marker unless asked. */
function fakeSite(dir: string, { marker = false } = {}) {
  for (const sub of ["fr", "es", "pagefind"]) mkdirSync(path.join(dir, sub), { recursive: true });
  for (const file of ["index.html", "sitemap.xml", "pagefind/pagefind-entry.json", "fr/index.html"]) writeFileSync(path.join(dir, file), "x");
  if (marker) writeFileSync(path.join(dir, MARKER), "ours");
}

describe("the output guard, alone (it reads and never writes)", () => {
  it("refuses the content folder, a folder inside it and its parents, whatever the marker says", () => {
    const { root, content, protect } = fakeProject();
    writeFileSync(path.join(content, MARKER), "forged");
    mkdirSync(path.join(content, "articles", "out"));
    writeFileSync(path.join(content, "articles", "out", MARKER), "forged");
    for (const [output, found] of [
      [content, /the content folder itself/],
      [path.join(content, "articles"), /inside the content folder/],
      [path.join(content, "articles", "out"), /inside the content folder/],
      [path.join(content, "articles", "new-folder"), /inside the content folder/],
      [path.join(root, "content", "..", "content"), /the content folder itself/],
      [path.dirname(root), /a parent of the project's folder/],
      ["/", /a parent of the project's folder/],
    ] as const) {
      const error = refusal(output, protect);
      expect(error, output).not.toBeNull();
      expect(error!.finding.file).toBe(path.resolve(output));
      expect(error!.finding.found).toMatch(found);
      expect(error!.finding.fix).toBeTruthy();
    }
  });

  it("refuses a parent of the content folder, and the project's folder and its parents even when the content lies elsewhere", () => {
    const other = fakeProject();
    const outside = { projectRoot: tempDir("root-elsewhere"), contentDirs: [other.content] };
    expect(refusal(other.root, outside)?.finding.found).toMatch(/a parent of the content folder/);

    const { root } = fakeProject();
    const protect = { projectRoot: root, contentDirs: [path.join(tempDir("elsewhere"), "content")] };
    writeFileSync(path.join(root, MARKER), "forged");
    expect(refusal(root, protect)?.finding.found).toMatch(/the project's own folder/);
    expect(refusal(path.dirname(root), protect)?.finding.found).toMatch(/a parent of the project's folder/);
    expect(refusal(path.dirname(path.dirname(root)), protect)?.finding.found).toMatch(/a parent of the project's folder/);
  });

  it("sees through symbolic links to a protected folder, and refuses a link as the output", () => {
    const { content, protect } = fakeProject();
    const links = tempDir("links");
    symlinkSync(content, path.join(links, "to-content"));
    expect(refusal(path.join(links, "to-content"), protect)?.finding.found).toMatch(/the content folder itself/);
    expect(refusal(path.join(links, "to-content", "sub"), protect)?.finding.found).toMatch(/inside the content folder/);
    const site = path.join(tempDir("linked-site"), "_site");
    fakeSite(site, { marker: true });
    symlinkSync(site, path.join(links, "to-site"));
    expect(refusal(path.join(links, "to-site"), protect)?.finding.found).toMatch(/a symbolic link to/);
  });

  it("refuses the real repository, its parent and its content folder", () => {
    const protect = { projectRoot: REPO, contentDirs: [path.join(REPO, "content")] };
    expect(refusal(REPO, protect)?.finding.found).toMatch(/the project's own folder/);
    expect(refusal(path.dirname(REPO), protect)?.finding.found).toMatch(/a parent of/);
    expect(refusal(path.join(REPO, "content"), protect)?.finding.found).toMatch(/the content folder itself/);
    expect(refusal(path.join(REPO, "content", "articles"), protect)?.finding.found).toMatch(/inside the content folder/);
    expect(refusal(path.join(REPO, "src"), protect)?.finding.found).toMatch(/without a \.digest-build file/);
    expect(refusal(path.join(REPO, ".git"), protect)?.finding.found).toMatch(/a file, not a folder|without a \.digest-build file/);
  });

  it("refuses a folder with other files, a file, and part of a site, naming what it found", () => {
    const { protect } = fakeProject();
    const mine = tempDir("mine");
    writeFileSync(path.join(mine, "thesis.md"), "years of work");
    mkdirSync(path.join(mine, "photos"));
    const error = refusal(mine, protect)!;
    expect(error.finding.found).toMatch(/without a \.digest-build file, holding 2 entries no build writes \(photos, thesis\.md\)/);
    expect(error.finding.fix).toMatch(/another --output/);

    expect(refusal(path.join(mine, "thesis.md"), protect)?.finding.found).toMatch(/a file, not a folder/);

    const partial = tempDir("partial");
    mkdirSync(path.join(partial, "fr"));
    expect(refusal(partial, protect)?.finding.found).toMatch(/part of a site \(fr\)/);

    // An older build's site with a file of the user's beside it is not an older build's site.
    const deployed = tempDir("deployed");
    fakeSite(deployed);
    writeFileSync(path.join(deployed, "CNAME"), "digest.example.org");
    expect(refusal(deployed, protect)?.finding.found).toMatch(/1 entry no build writes \(CNAME\)/);
  });

  it("accepts a missing folder, an empty one, one it wrote and, once, one an older build wrote", () => {
    const { protect } = fakeProject();
    const parent = tempDir("outputs");
    expect(checkOutput(path.join(parent, "missing", "_site"), protect)).toBe("missing");
    mkdirSync(path.join(parent, "empty"));
    expect(checkOutput(path.join(parent, "empty"), protect)).toBe("empty");
    fakeSite(path.join(parent, "ours"), { marker: true });
    writeFileSync(path.join(parent, "ours", "stray.txt"), "the marker says the folder is ours");
    expect(checkOutput(path.join(parent, "ours"), protect)).toBe("ours");
    fakeSite(path.join(parent, "older"));
    expect(checkOutput(path.join(parent, "older"), protect)).toBe("older-build");
  });
});
