import { spawnSync } from "node:child_process";
import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/generate-corpus.ts";
import { MARKER } from "../../scripts/lib/output-guard.ts";
import { publish } from "../../scripts/lib/output-publish.ts";
import { keepFiles, sparePath, takeSpare } from "../../scripts/lib/site-manifest.ts";
import { REPO, tempDir } from "../helpers/build.ts";
import { snapshot } from "../helpers/tree.ts";

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)) + (entry.isDirectory() ? "/" : ""))
    .sort();
}

const inode = (file: string) => statSync(file).ino;

/** A published site, the staging folder beside it and a spare site in the cache folder, none made yet. */
function folders() {
  const work = tempDir("spare");
  return { work, output: path.join(work, "_site"), staging: path.join(work, "_site.tmp-1"), spare: path.join(work, "cache", "rendered", "x.site") };
}

describe("the site being assembled from the spare site the last build replaced", () => {
  it("holds the kept files as the published ones and nothing else, whatever the spare held", () => {
    const { output, staging, spare } = folders();
    write(path.join(output, "fr/a/index.html"), "a, published");
    write(path.join(output, "fr/b/index.html"), "b, published");
    write(path.join(output, "fr/c/index.html"), "c, published: rendered again by this build");
    write(path.join(output, "fr/feed.xml"), "feed, published");
    // The spare: a is the published file itself; b an older version; c and the rest stale.
    mkdirSync(path.join(spare, "fr/a"), { recursive: true });
    linkSync(path.join(output, "fr/a/index.html"), path.join(spare, "fr/a/index.html"));
    write(path.join(spare, "fr/b/index.html"), "b, as the build before last wrote it");
    write(path.join(spare, "fr/c/index.html"), "c, as the build before last wrote it");
    write(path.join(spare, "fr/gone/index.html"), "a page that no longer exists");
    write(path.join(spare, "pagefind/fr/index.pf_index"), "an old index");
    write(path.join(spare, "assets/site.css"), "an old stylesheet");

    const kept = ["fr/a/index.html", "fr/b/index.html", "fr/feed.xml"];
    const counts = keepFiles(output, staging, kept, { spare: takeSpare(spare, staging) });

    expect(existsSync(spare)).toBe(false);
    expect(files(staging)).toEqual(["fr/", "fr/a/", "fr/a/index.html", "fr/b/", "fr/b/index.html", "fr/feed.xml"]);
    for (const file of kept) expect(inode(path.join(staging, file)), file).toBe(inode(path.join(output, file)));
    expect(counts).toEqual({ reused: 1, linked: 2, removed: 10 });
  });

  it("leaves the search bundle to the search, which writes it while the files are kept", () => {
    const { output, staging, spare } = folders();
    write(path.join(output, "fr/a/index.html"), "a, published");
    write(path.join(output, "pagefind/fr/index.pf_index"), "the published index");
    mkdirSync(path.join(spare, "fr/a"), { recursive: true });
    linkSync(path.join(output, "fr/a/index.html"), path.join(spare, "fr/a/index.html"));
    // The spare's bundle file is the published one: written through, it would change the published site.
    mkdirSync(path.join(spare, "pagefind/fr"), { recursive: true });
    linkSync(path.join(output, "pagefind/fr/index.pf_index"), path.join(spare, "pagefind/fr/index.pf_index"));
    write(path.join(spare, "fr/gone/index.html"), "a page that no longer exists");

    expect(takeSpare(spare, staging, "pagefind")).toBe(true);
    // The spare's bundle is gone before the search starts: it writes into an empty folder.
    expect(existsSync(path.join(staging, "pagefind"))).toBe(false);
    write(path.join(staging, "pagefind/fr/index.pf_index"), "the new index");
    const counts = keepFiles(output, staging, ["fr/a/index.html"], { spare: true, apart: "pagefind" });

    expect(files(staging)).toEqual(["fr/", "fr/a/", "fr/a/index.html", "pagefind/", "pagefind/fr/", "pagefind/fr/index.pf_index"]);
    expect(readFileSync(path.join(staging, "pagefind/fr/index.pf_index"), "utf8")).toBe("the new index");
    expect(readFileSync(path.join(output, "pagefind/fr/index.pf_index"), "utf8")).toBe("the published index");
    expect(counts).toEqual({ reused: 1, linked: 0, removed: 2 });
  });

  it("is the same with no spare site", () => {
    const { work, output, staging } = folders();
    write(path.join(output, "fr/a/index.html"), "a");
    write(path.join(output, "es/b/index.html"), "b");
    expect(takeSpare(path.join(work, "missing"), staging)).toBe(false);
    expect(takeSpare(undefined, staging)).toBe(false);
    expect(keepFiles(output, staging, ["fr/a/index.html"])).toEqual({ reused: 0, linked: 1, removed: 0 });
    expect(files(staging)).toEqual(["fr/", "fr/a/", "fr/a/index.html"]);
  });

  it("receives the replaced site without its marker, so it is never taken for a complete site", () => {
    const { work, output, staging, spare } = folders();
    write(path.join(output, MARKER), "");
    write(path.join(output, "index.html"), "old");
    write(path.join(staging, "index.html"), "new");
    write(path.join(spare, "index.html"), "older");
    publish(staging, output, spare);
    expect(readFileSync(path.join(output, "index.html"), "utf8")).toBe("new");
    expect(existsSync(path.join(output, MARKER))).toBe(true);
    expect(files(spare)).toEqual(["index.html"]);
    expect(readFileSync(path.join(spare, "index.html"), "utf8")).toBe("old");
    expect(readdirSync(work).sort()).toEqual(["_site", "cache"]);
  });
});

let work: string;
let content: string;

describe("where the spare site goes", () => {
  it("is nowhere when the cache folder is inside the output, where it would be published", () => {
    const work = tempDir("spare");
    expect(sparePath(path.join(work, "_site", "cache"), path.join(work, "_site"))).toBeUndefined();
    expect(sparePath(path.join(work, "_site"), path.join(work, "_site"))).toBeUndefined();
    expect(sparePath(path.join(work, "cache"), path.join(work, "_site"))).toMatch(/cache\/rendered\/[0-9a-f]{16}\.site$/);
  });

  it("replaces a link found in its place without following it", () => {
    const work = tempDir("spare");
    const output = path.join(work, "_site");
    const staging = path.join(work, "_site.tmp-1");
    const mine = path.join(work, "mine");
    write(path.join(mine, "notes.md"), "mine");
    const spare = path.join(work, "cache", "x.site");
    mkdirSync(path.dirname(spare), { recursive: true });
    symlinkSync(mine, spare);
    write(path.join(output, "index.html"), "old");
    // The build does not take a link for a spare site...
    expect(takeSpare(spare, staging)).toBe(false);
    expect(keepFiles(output, staging, ["index.html"])).toEqual({ reused: 0, linked: 1, removed: 0 });
    rmSync(path.join(staging, "index.html"));
    write(path.join(staging, "index.html"), "new");
    // ...and publishing removes the link, not what it points to.
    publish(staging, output, spare);
    expect(readdirSync(mine)).toEqual(["notes.md"]);
    expect(lstatSync(spare).isDirectory()).toBe(true);
    expect(readFileSync(path.join(spare, "index.html"), "utf8")).toBe("old");
  });
});

describe("rebuilds assembled in the spare site", () => {
  beforeAll(() => {
    work = tempDir("spare-build");
    content = path.join(work, "content");
    generateCorpus(content, 10, 7);
  });

  it("publish what a build from nothing publishes, after an edit and after an article is deleted", () => {
    const output = path.join(work, "_site");
    const cache = path.join(work, "cache");
    build(output, cache);
    build(output, cache);
    const summaries = readdirSync(path.join(content, "articles"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("summary.fr.md")).sort();
    const summary = path.join(content, "articles", summaries[0]!);
    writeFileSync(summary, readFileSync(summary, "utf8").replace(/^lede: .*$/m, 'lede: "Une introduction réécrite, pour voir."'));
    build(output, cache);
    expect(existsSync(sparePath(cache, output)!)).toBe(true);
    expect(existsSync(path.join(sparePath(cache, output)!, MARKER))).toBe(false);
    // An article gone: its pages are in the spare site, and must not come back.
    rmSync(path.dirname(path.join(content, "articles", summaries[1]!)), { recursive: true });
    build(output, cache);
    const fresh = path.join(work, "_fresh");
    build(fresh, path.join(work, "fresh-cache"));
    expect(files(output)).toEqual(files(fresh));
    expect(snapshot(output)).toEqual(snapshot(fresh));
  }, 120_000);
});

function build(output: string, cache: string): void {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--content", content, "--output", output, "--cache", cache], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, SITE_URL: "https://digest.example.org" },
  });
  expect(result.stderr.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("[11ty] Benchmark"))).toEqual([]);
  expect(result.status).toBe(0);
}
