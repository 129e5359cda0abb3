import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { MARKER, OutputError, checkOutput, type ProtectedFolders } from "../../scripts/lib/output-guard.ts";
import { FIXTURE_CONTENT, REPO, copyContent, runBuild, tempDir } from "../helpers/build.ts";
import { type BundleFile, type CborValue, PagefindFormatError, canonicalBundle, encodeBundleFile } from "../../scripts/lib/pagefind-canonical.ts";
import { readBundle, readBundleFile } from "../helpers/pagefind-bundle.ts";
import { snapshot } from "../helpers/tree.ts";
import { type Message, say } from "../../src/messages/index.ts";

const en = (message: Message | undefined) => (message === undefined ? undefined : say("en", message));

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
      expect(en(error!.finding.found)).toMatch(found);
      expect(en(error!.finding.fix)).toBeTruthy();
    }
  });

  it("refuses a parent of the content folder, and the project's folder and its parents even when the content lies elsewhere", () => {
    const other = fakeProject();
    const outside = { projectRoot: tempDir("root-elsewhere"), contentDirs: [other.content] };
    expect(en(refusal(other.root, outside)?.finding.found)).toMatch(/a parent of the content folder/);

    const { root } = fakeProject();
    const protect = { projectRoot: root, contentDirs: [path.join(tempDir("elsewhere"), "content")] };
    writeFileSync(path.join(root, MARKER), "forged");
    expect(en(refusal(root, protect)?.finding.found)).toMatch(/the project's own folder/);
    expect(en(refusal(path.dirname(root), protect)?.finding.found)).toMatch(/a parent of the project's folder/);
    expect(en(refusal(path.dirname(path.dirname(root)), protect)?.finding.found)).toMatch(/a parent of the project's folder/);
  });

  it("sees through symbolic links to a protected folder, and refuses a link as the output", () => {
    const { content, protect } = fakeProject();
    const links = tempDir("links");
    symlinkSync(content, path.join(links, "to-content"));
    expect(en(refusal(path.join(links, "to-content"), protect)?.finding.found)).toMatch(/the content folder itself/);
    expect(en(refusal(path.join(links, "to-content", "sub"), protect)?.finding.found)).toMatch(/inside the content folder/);
    const site = path.join(tempDir("linked-site"), "_site");
    fakeSite(site, { marker: true });
    symlinkSync(site, path.join(links, "to-site"));
    expect(en(refusal(path.join(links, "to-site"), protect)?.finding.found)).toMatch(/a symbolic link to/);
  });

  it("refuses the real repository, its parent and its content folder", () => {
    const protect = { projectRoot: REPO, contentDirs: [path.join(REPO, "content")] };
    expect(en(refusal(REPO, protect)?.finding.found)).toMatch(/the project's own folder/);
    expect(en(refusal(path.dirname(REPO), protect)?.finding.found)).toMatch(/a parent of/);
    expect(en(refusal(path.join(REPO, "content"), protect)?.finding.found)).toMatch(/the content folder itself/);
    expect(en(refusal(path.join(REPO, "content", "articles"), protect)?.finding.found)).toMatch(/inside the content folder/);
    expect(en(refusal(path.join(REPO, "src"), protect)?.finding.found)).toMatch(/without a \.digest-build file/);
    expect(en(refusal(path.join(REPO, ".git"), protect)?.finding.found)).toMatch(/a file, not a folder|without a \.digest-build file/);
  });

  it("refuses a folder with other files, a file, and part of a site, naming what it found", () => {
    const { protect } = fakeProject();
    const mine = tempDir("mine");
    writeFileSync(path.join(mine, "thesis.md"), "years of work");
    mkdirSync(path.join(mine, "photos"));
    const error = refusal(mine, protect)!;
    expect(en(error.finding.found)).toMatch(/without a \.digest-build file, holding 2 entries no build writes \(photos, thesis\.md\)/);
    expect(en(error.finding.fix)).toMatch(/another --output/);

    expect(en(refusal(path.join(mine, "thesis.md"), protect)?.finding.found)).toMatch(/a file, not a folder/);

    const partial = tempDir("partial");
    mkdirSync(path.join(partial, "fr"));
    expect(en(refusal(partial, protect)?.finding.found)).toMatch(/part of a site \(fr\)/);

    // An older build's site with a file of the user's beside it is not an older build's site.
    const deployed = tempDir("deployed");
    fakeSite(deployed);
    writeFileSync(path.join(deployed, "CNAME"), "digest.example.org");
    expect(en(refusal(deployed, protect)?.finding.found)).toMatch(/1 entry no build writes \(CNAME\)/);
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

// From here on the real build runs, as a child process. Every case that points it at the real
// repository also hands it content that fails validation: the guard must refuse first, and if it
// ever did not, validation would still stop the build before it wrote or moved anything.

/** The PID of a process that has exited: what a killed build leaves in its folder names. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid!;
}

/** A copy of the fixture whose article date does not exist. */
function brokenContent(): string {
  const content = copyContent(FIXTURE_CONTENT, "broken");
  const file = path.join(content, "articles", "2025-03-04-reunion-frontera-ficticia", "article.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("date: 2025-03-04", "date: 2025-02-30"));
  return content;
}

/** What sits beside a folder under its name: a lock, staging or previous sites. */
function beside(output: string): string[] {
  const parent = path.dirname(output);
  return readdirSync(parent).filter((name) => name.startsWith(`${path.basename(output)}.`)).sort();
}

function expectRefused(result: ReturnType<typeof runBuild>, folder: string, found: RegExp) {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stderr).toContain(`✗ ${path.resolve(folder)}: expected a folder this build wrote, an empty folder or none; found `);
  expect(result.stderr).toMatch(found);
  expect(result.stderr).toMatch(/Fix: /);
  expect(result.stderr).toMatch(/Build refused: .* was left as it was; nothing was deleted or moved\./);
  expect(result.stdout).not.toContain("✓ Built");
}

describe("a build into a folder it did not write", () => {
  it("refuses the content folder, a folder inside it, its parent, and a folder with other files, deleting nothing", () => {
    const content = copyContent(FIXTURE_CONTENT, "own-content");
    const parent = path.dirname(content);
    mkdirSync(path.join(content, "articles", "_site"));
    writeFileSync(path.join(content, "articles", "_site", MARKER), "a marker does not make the content an output");
    const mine = tempDir("mine");
    writeFileSync(path.join(mine, "thesis.md"), "years of work");
    const before = { content: snapshot(content), parent: readdirSync(parent), mine: snapshot(mine) };

    for (const [output, found] of [
      [content, /found the content folder itself/],
      [path.join(content, "articles"), /found a folder inside the content folder/],
      [path.join(content, "articles", "_site"), /found a folder inside the content folder/],
      [parent, /found a parent of the content folder/],
      [mine, /without a \.digest-build file, holding 1 entry no build writes \(thesis\.md\)/],
      [path.join(mine, "thesis.md"), /found a file, not a folder/],
    ] as const) {
      expectRefused(runBuild({ content, output }), output, found);
      expect(beside(output).filter((name) => /\.(lock|tmp-\d+|old-\d+)$/.test(name)), output).toEqual([]);
    }
    expect(snapshot(content)).toEqual(before.content);
    expect(readdirSync(parent)).toEqual(before.parent);
    expect(snapshot(mine)).toEqual(before.mine);
    expect(beside(mine)).toEqual([]);
  });

  // The guard alone refuses these (above); the build is run against the real repository only
  // once that holds, and with content it would refuse anyway.
  it("refuses the project's folder, its parent and its content folder before touching anything", () => {
    const protect = { projectRoot: REPO, contentDirs: [path.join(REPO, "content")] };
    for (const folder of [REPO, path.dirname(REPO), path.join(REPO, "content")]) expect(refusal(folder, protect)).not.toBeNull();

    const content = brokenContent();
    const before = { top: readdirSync(REPO).sort(), content: snapshot(path.join(REPO, "content")) };
    for (const [output, found] of [
      [REPO, /found the project's own folder/],
      [".", /found the project's own folder/],
      [path.dirname(REPO), /found a parent of the project's folder/],
      [path.join(REPO, "content"), /found the content folder itself/],
      ["content/articles", /found a folder inside the content folder/],
    ] as const) {
      const result = runBuild({ content, output });
      expectRefused(result, path.resolve(REPO, output), found);
      // The guard ran first: validation, which would have failed, was never reached.
      expect(result.stderr).not.toContain("February 2025 has 28 days");
    }
    expect(readdirSync(REPO).sort()).toEqual(before.top);
    expect(snapshot(path.join(REPO, "content"))).toEqual(before.content);
    // The project's parent may be shared (a clone in /tmp, where other suites' temporary folders
    // come and go): what a build would have put there is named after the output folders.
    expect(beside(REPO)).toEqual([]);
    expect(beside(path.dirname(REPO))).toEqual([]);
  });
});

describe("a site this build published", () => {
  it("stays byte for byte after every refused build into it or into a folder inside it", () => {
    const output = path.join(tempDir("published"), "_site");
    expect(runBuild({ content: FIXTURE_CONTENT, output }).status).toBe(0);
    const before = snapshot(output);
    expect(before[MARKER]).toBeDefined();

    // Another build still holds the lock: this test's own process is running.
    writeFileSync(`${output}.lock`, `${process.pid}\n`);
    const locked = runBuild({ content: FIXTURE_CONTENT, output });
    expect(locked.status).toBe(1);
    expect(locked.stderr).toContain(`✗ ${output}: expected no other build writing into this folder; found a build still running (PID ${process.pid}) holding ${output}.lock.`);
    expect(locked.stderr).toContain(`if no build is running, delete ${output}.lock.`);
    expect(readFileSync(`${output}.lock`, "utf8")).toBe(`${process.pid}\n`);
    unlinkSync(`${output}.lock`);

    expectRefused(runBuild({ content: FIXTURE_CONTENT, output: path.join(output, "fr") }), path.join(output, "fr"), /without a \.digest-build file/);
    expectRefused(runBuild({ content: FIXTURE_CONTENT, output: path.join(output, "index.html") }), path.join(output, "index.html"), /a file, not a folder/);
    expect(runBuild({ content: brokenContent(), output }).status).toBe(1);

    expect(snapshot(output)).toEqual(before);
    expect(beside(output)).toEqual([]);
  });

  it("written by an older build without the marker is replaced once, and then carries it", () => {
    const output = path.join(tempDir("older"), "_site");
    expect(runBuild({ content: FIXTURE_CONTENT, output }).status).toBe(0);
    unlinkSync(path.join(output, MARKER));
    const result = runBuild({ content: FIXTURE_CONTENT, output });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path.join(output, MARKER), "utf8")).toMatch(/written by `npm run build`/);
  });
});

describe("two builds into one folder at once", () => {
  it("the second is refused at once with the first one's PID; the first succeeds", async () => {
    const output = path.join(tempDir("concurrent"), "_site");
    const first = spawn(process.execPath, ["--import", "tsx", "scripts/build.ts", "--content", FIXTURE_CONTENT, "--output", output, "--cache", path.join(tempDir("cache"), "analysis")], {
      cwd: REPO,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => first.on("exit", resolve));
    let stderr = "";
    first.stderr.on("data", (chunk) => (stderr += chunk));
    const lock = `${output}.lock`;
    const held = () => (existsSync(lock) ? readFileSync(lock, "utf8") : "");
    for (let waited = 0; held() === "" && waited < 30_000; waited += 10) await sleep(10);
    // Hold the first build still while the second starts, wherever it is.
    first.kill("SIGSTOP");
    try {
      expect(held()).toBe(`${first.pid}\n`);
      const second = runBuild({ content: FIXTURE_CONTENT, output });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`found a build still running (PID ${first.pid}) holding ${lock}`);
      expect(second.stderr).toContain("Build refused:");
    } finally {
      first.kill("SIGCONT");
    }
    expect(await exited, stderr).toBe(0);
    expect(existsSync(path.join(output, MARKER))).toBe(true);
    expect(beside(output)).toEqual([]);
  });

  it("a lock left by a build that no longer runs is taken over", () => {
    const output = path.join(tempDir("stale-lock"), "_site");
    mkdirSync(path.dirname(output), { recursive: true });
    writeFileSync(`${output}.lock`, `${deadPid()}\n`);
    const result = runBuild({ content: FIXTURE_CONTENT, output });
    expect(result.status, result.stderr).toBe(0);
    expect(beside(output)).toEqual([]);
  });
});

describe("what killed builds left", () => {
  it("is removed by the next build: its staging and previous sites, and only those", () => {
    const output = path.join(tempDir("leftovers"), "_site");
    expect(runBuild({ content: FIXTURE_CONTENT, output }).status).toBe(0);
    const dead = deadPid();
    // Killed while rendering: part of a site. Killed while deleting the old site: a site.
    mkdirSync(path.join(`${output}.tmp-${dead}`, "fr"), { recursive: true });
    writeFileSync(path.join(`${output}.tmp-${dead}`, "fr", "index.html"), "<!doctype html>");
    // Another dead process's, not dead + 1: on a busy machine that number may be running.
    cpSync(output, `${output}.old-${deadPid()}`, { recursive: true });
    // Named like ours but not ours: a user's folder, and the staging of a build still running.
    mkdirSync(`${output}.old-2024`);
    writeFileSync(path.join(`${output}.old-2024`, "notes.md"), "mine");
    mkdirSync(path.join(`${output}.tmp-${process.pid}`, "fr"), { recursive: true });

    const result = runBuild({ content: FIXTURE_CONTENT, output });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`↺ Removed 2 folders left by stopped builds`);
    expect(beside(output)).toEqual([`_site.old-2024`, `_site.tmp-${process.pid}`].sort());
  });

  it("puts back the old site when a build was killed between its two renames", () => {
    const output = path.join(tempDir("between-renames"), "_site");
    expect(runBuild({ content: FIXTURE_CONTENT, output }).status).toBe(0);
    const before = snapshot(output);
    const dead = deadPid();
    // What a build killed after its first rename leaves: the old site aside, a new one staged.
    renameSync(output, `${output}.old-${dead}`);
    cpSync(`${output}.old-${dead}`, `${output}.tmp-${dead}`, { recursive: true });

    const failed = runBuild({ content: brokenContent(), output });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(new RegExp(`↺ Put back \\S*_site from _site\\.old-${dead}: a build was stopped while it published\\.`));
    expect(snapshot(output)).toEqual(before);
    expect(beside(output)).toEqual([]);

    // An old site whose deletion had begun (its marker goes first) is never put back.
    renameSync(output, `${output}.old-${dead}`);
    rmSync(path.join(`${output}.old-${dead}`, MARKER));
    const fresh = runBuild({ content: FIXTURE_CONTENT, output });
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(fresh.stdout).not.toContain("Put back");
    expect(beside(output)).toEqual([]);
  });
});

describe("two builds of the same content", () => {
  it("give the same bytes in every file, the search index included, on two file systems", () => {
    // On two file systems when the machine has tmpfs: each lists a folder's files in its own order.
    const shm = existsSync("/dev/shm") ? "/dev/shm" : undefined;
    const a = path.join(tempDir("same-a"), "_site");
    const b = path.join(shm ? mkdtempIn(shm) : tempDir("same-b"), "_site");
    try {
      const content = path.join(REPO, "content");
      expect(runBuild({ content, output: a }).status).toBe(0);
      expect(runBuild({ content, output: b }).status).toBe(0);
      // Names and bytes, the files Pagefind writes from hash maps seeded per run included.
      expect(snapshot(b)).toEqual(snapshot(a));
      expect(Object.keys(snapshot(a)).filter((file) => /\.pf_(fragment|index|filter|meta)$/.test(file)).length).toBeGreaterThan(100);

      // The bundle is already in its one order: putting it in order again changes no name and no byte.
      const bundle = readBundle(a);
      const again = canonicalBundle(bundle);
      expect(again.map((file) => file.path).sort()).toEqual(bundle.map((file) => file.path).sort());
      for (const file of again) expect(Buffer.compare(file.content, bundle.find((f) => f.path === file.path)!.content), file.path).toBe(0);
      const entry = JSON.parse(readFileSync(path.join(a, "pagefind", "pagefind-entry.json"), "utf8"));
      expect(Object.keys(entry)).toEqual(["version", "languages", "include_characters"]);
      expect(Object.keys(entry.languages)).toEqual(["es", "fr"]);
      const meta = readBundleFile(a, `pagefind.${entry.languages.fr.hash}.pf_meta`) as CborValue[][];
      expect((meta[3] as string[][]).map(([filter]) => filter)).toEqual(["actor", "language", "topic", "year"]);
    } finally {
      if (shm) rmSync(path.dirname(b), { recursive: true, force: true });
    }
  });

  it("stop at a search index of another shape than Pagefind 1.5.2's, naming the file", () => {
    const output = path.join(tempDir("shapes"), "_site");
    expect(runBuild({ content: FIXTURE_CONTENT, output }).status).toBe(0);
    const bundle = readBundle(output);
    const entryFile = bundle.find((file) => file.path === "pagefind-entry.json")!;
    const entry = JSON.parse(Buffer.from(entryFile.content).toString("utf8"));
    const metaPath = `pagefind.${entry.languages.fr.hash}.pf_meta`;
    const meta = readBundleFile(output, metaPath) as CborValue[];
    const filterPath = `filter/${(meta[3] as string[][])[0]![1]}.pf_filter`;
    const replaced = (path: string, content: Uint8Array) => bundle.map((file) => (file.path === path ? { path, content } : file));
    const gzipped = (bytes: Buffer) => gzipSync(bytes);
    const refusal = (files: BundleFile[]) => {
      try {
        canonicalBundle(files);
      } catch (error) {
        if (error instanceof PagefindFormatError) return error.message;
        throw error;
      }
      return "accepted";
    };
    const changed = /Pagefind's format changed/;

    expect(refusal(replaced(filterPath, gzipped(Buffer.from("pagefind_xyz\x80"))))).toMatch(new RegExp(`^pagefind/${filterPath}: expected the signature "pagefind_dcd"`));
    expect(refusal(replaced(filterPath, Buffer.from("pagefind_dcd")))).toMatch(new RegExp(`^pagefind/${filterPath}: not gzip`));
    // 1 written on two bytes (0x18 0x01) where Pagefind writes one: the decoder reads it, the encoder would not write it.
    expect(refusal(replaced(filterPath, gzipped(Buffer.from("pagefind_dcd\x82\x61a\x81\x82\x61b\x81\x18\x01", "latin1"))))).toMatch(/not written the way Pagefind 1\.5\.2 writes it/);
    // A map (major type 5), which Pagefind does not write in its index files.
    expect(refusal(replaced(filterPath, gzipped(Buffer.from("pagefind_dcd\xa0", "latin1"))))).toMatch(/CBOR: major type 5/);
    expect(refusal(replaced(metaPath, encodeBundleFile([...meta, []]).content))).toMatch(new RegExp(`^pagefind/${metaPath.replace(/\./g, "\\.")}: expected an array of 6 fields`));
    expect(refusal(replaced(metaPath, encodeBundleFile(meta.map((field, i) => (i === 3 ? [["actor", 7]] : field))).content))).toMatch(/expected field 3 to list filters as \[name, file hash\]/);
    const withField = { ...entry, languages: { ...entry.languages, fr: { ...entry.languages.fr, sorts: [] } } };
    expect(refusal(replaced("pagefind-entry.json", Buffer.from(JSON.stringify(withField))))).toMatch(/^pagefind\/pagefind-entry\.json: expected languages\.fr to be \{hash, wasm, page_count\}/);
    expect(refusal(bundle.filter((file) => file.path !== filterPath))).toMatch(/named by the index but missing from the bundle/);
    expect(refusal([...bundle, { path: "filter/fr_0000000.pf_filter", content: bundle.find((file) => file.path === filterPath)!.content }])).toMatch(/^pagefind\/filter\/fr_0000000\.pf_filter: no language's index names this file/);
    for (const message of [refusal(replaced(filterPath, Buffer.from("x"))), refusal(bundle.filter((file) => file.path !== "pagefind-entry.json"))]) expect(message).toMatch(changed);
    expect(refusal(bundle)).toBe("accepted");
  });
});

function mkdtempIn(dir: string): string {
  const made = path.join(dir, `digest-same-b-${process.pid}-${Date.now()}`);
  mkdirSync(made);
  return made;
}
