import { cpSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { RACY_MS, readCheckedFolders, writeCheckedFolders } from "../../src/content/checked-folders.ts";
import { articleFolders } from "../../src/content/corpus.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { validateContent } from "../../src/validate.ts";
import { REPO, copyContent, tempDir } from "../helpers/build.ts";

const TODAY = "2026-11-30";

/** One check as a build makes it: the folders of the last clean check in, the clean ones kept. */
function check(content: string, cache: string) {
  const checkedAt = Date.now();
  const folders = readCheckedFolders(cache, content);
  const kept = new Set(folders.values());
  const result = validateContent(content, { folders, today: TODAY });
  const errors = result.problems.filter((p) => p.severity === "error");
  if (errors.length === 0) writeCheckedFolders(cache, content, folders, checkedAt);
  // Which articles were taken from the cache rather than read.
  const fromCache = result.articles.filter((a) => [...kept].some((entry) => entry.article === a)).map((a) => a.slug);
  return { result, messages: errors.map((p) => formatProblem(p)), fromCache };
}

const ROUND_TIME = new Date("2026-01-01T00:00:00Z");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A copy of the shipped content whose files were last changed more than RACY_MS ago, and a clean check of it kept. */
async function checkedCopy() {
  const content = copyContent(path.join(REPO, "content"));
  const cache = tempDir("checked");
  // A whole second, so that a test can put a file's modification time back exactly.
  for (const file of readdirSync(content, { recursive: true, encoding: "utf8" })) utimesSync(path.join(content, file), ROUND_TIME, ROUND_TIME);
  await sleep(RACY_MS + 200);
  const first = check(content, cache);
  expect(first.messages).toEqual([]);
  expect(first.fromCache).toEqual([]);
  const folders = articleFolders(path.join(content, "articles"));
  return { content, cache, folders, first };
}

describe("a build takes article folders unchanged since the last clean check from the cache folder", () => {
  let copy: Awaited<ReturnType<typeof checkedCopy>>;
  beforeAll(async () => {
    copy = await checkedCopy();
  }, 20_000);

  it("gives the same articles as a full check, without reading them again", () => {
    const again = check(copy.content, copy.cache);
    expect(again.messages).toEqual([]);
    expect(again.fromCache.sort()).toEqual(copy.first.result.articles.map((a) => a.slug).sort());
    expect(again.result.articles).toEqual(validateContent(copy.content, { today: TODAY }).articles);
  });

  it("writes nothing when nothing changed, and only the changes after an edit", async () => {
    const store = path.join(copy.cache, "checked");
    const files = () => Object.fromEntries(readdirSync(store).map((name) => [name.replace(/^[0-9a-f]+/, ""), readFileSync(path.join(store, name), "utf8")]));
    const before = files();
    expect(Object.keys(before)).toEqual([".json"]);
    // Written a folder at a time, it is the JSON one JSON.stringify() of the whole would write.
    const written = Object.values(before)[0]!;
    expect(JSON.stringify(JSON.parse(written))).toBe(written);
    expect((JSON.parse(written) as { folders: unknown[] }).folders.length).toBe(copy.first.result.articles.length);
    check(copy.content, copy.cache);
    expect(files()).toEqual(before);

    const summary = path.join(copy.folders[4]!, "summary.es.md");
    writeFileSync(summary, readFileSync(summary, "utf8").replace(/^lede: "?/m, (lede) => `${lede}Hoy, `));
    await sleep(RACY_MS + 200);
    const edited = check(copy.content, copy.cache);
    expect(edited.messages).toEqual([]);
    expect(edited.fromCache).not.toContain(path.basename(copy.folders[4]!));
    const after = files();
    expect(after[".json"]).toBe(before[".json"]);
    expect(after[".changes.json"]!.length).toBeLessThan(before[".json"]!.length / 2);

    const next = check(copy.content, copy.cache);
    expect(next.fromCache).toContain(path.basename(copy.folders[4]!));
    expect(next.result.articles).toEqual(validateContent(copy.content, { today: TODAY }).articles);
  }, 20_000);

  it("keeps nothing for another content folder", () => {
    expect(readCheckedFolders(copy.cache, path.join(copy.content, "..")).size).toBe(0);
  });
});

describe("bad input never passes on a cached check", () => {
  it("refuses a summary edited into a bad one after a clean check", async () => {
    const { content, cache, folders } = await checkedCopy();
    const summary = path.join(folders[0]!, "summary.fr.md");
    writeFileSync(summary, readFileSync(summary, "utf8").replace(/^lede: /m, "auteur: \"Personne\"\nlede: "));
    const { messages, fromCache } = check(content, cache);
    expect(messages).toEqual([expect.stringMatching(/summary\.fr\.md: field "auteur": expected /)]);
    expect(fromCache).not.toContain(path.basename(folders[0]!));
  }, 20_000);

  it("refuses a file whose bytes changed but whose size and modification time were put back", async () => {
    const { content, cache, folders } = await checkedCopy();
    const meta = path.join(folders[1]!, "article.yaml");
    const before = statSync(meta, { bigint: true });
    const text = readFileSync(meta, "utf8");
    // Same length: "lang: fr" becomes "lang: pt", a language the digest does not have.
    const bad = text.replace(/^lang: (fr|es)$/m, "lang: pt");
    expect(bad).not.toBe(text);
    expect(BigInt(Buffer.byteLength(bad))).toBe(before.size);
    writeFileSync(meta, bad);
    utimesSync(meta, ROUND_TIME, ROUND_TIME);
    expect(statSync(meta, { bigint: true }).mtimeNs).toBe(before.mtimeNs);
    const { messages } = check(content, cache);
    expect(messages).toEqual([expect.stringMatching(/article\.yaml: field "lang": expected /)]);
  }, 20_000);

  it("checks a new article folder in full, and the checks across articles still run", async () => {
    const { content, cache, folders } = await checkedCopy();
    // The same article again under another grouping folder: its slug is no longer unique.
    const copyOf = path.join(content, "articles", "2099", path.basename(folders[2]!));
    cpSync(folders[2]!, copyOf, { recursive: true });
    const { messages } = check(content, cache);
    expect(messages).toEqual([expect.stringMatching(/folder name": expected a slug used by one article only/)]);
  }, 20_000);

  it("forgets a folder that was deleted, and refuses a missing file", async () => {
    const { content, cache, folders } = await checkedCopy();
    rmSync(path.join(folders[3]!, "source.txt"));
    const { messages } = check(content, cache);
    expect(messages).toEqual([expect.stringMatching(/source\.txt: expected this file/)]);
    rmSync(folders[3]!, { recursive: true });
    expect(check(content, cache).messages).toEqual([]);
    expect([...readCheckedFolders(cache, content).keys()]).not.toContain(folders[3]);
  }, 20_000);
});

describe("a folder changed just before the check is not kept", () => {
  it("is read again by the next check, since it may change again within the clock's resolution", () => {
    const content = copyContent(path.join(REPO, "content"));
    const cache = tempDir("checked");
    expect(check(content, cache).messages).toEqual([]);
    // Every file was just copied: none is kept, so an edit in the same instant cannot be missed.
    expect(readCheckedFolders(cache, content).size).toBe(0);
    expect(check(content, cache).fromCache).toEqual([]);
  });
});
