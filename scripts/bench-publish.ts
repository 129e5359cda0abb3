/**
 * How long removing a replaced site takes: writes a tree shaped like a built site of N articles
 * (a folder and an index.html per article and language, topic and actor pages, search fragments),
 * then removes copies of it with each way `removeSite` could, and prints processor and wall time.
 *
 *   npx tsx scripts/bench-publish.ts [--articles 10000] [--rounds 2] [--dir /tmp/digest-bench-publish]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { removeTree } from "./lib/output-publish.ts";

const { values } = parseArgs({
  options: { articles: { type: "string", default: "10000" }, dir: { type: "string", default: "/tmp/digest-bench-publish" }, rounds: { type: "string", default: "2" } },
});
const articles = Number(values.articles);
const page = "<!doctype html><html lang=fr><title>page</title>" + "<p>texte</p>".repeat(150);

function writeSite(root: string): number {
  let files = 0;
  const add = (file: string, text = page) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    files++;
  };
  for (let i = 0; i < articles; i++) {
    add(path.join(root, "fr", "articles", `article-${i}`, "index.html"));
    add(path.join(root, "es", "articulos", `articulo-${i}`, "index.html"));
    if (i % 2 === 0) add(path.join(root, "pagefind", "fragment", `fr_${i.toString(16)}.pf_fragment`, "x"));
    if (i % 4 === 0) add(path.join(root, "pagefind", "index", `es_${i.toString(16)}.pf_index`, "x"));
    if (i % 30 === 0) add(path.join(root, "fr", "page", String(i / 30), "index.html"));
  }
  add(path.join(root, ".digest-build"), "built by the digest\n");
  return files;
}

const ways: Record<string, (dir: string) => void> = {
  "rmSync recursive (before)": (dir) => rmSync(dir, { recursive: true, force: true }),
  "removeTree (now)": (dir) => removeTree(dir),
  "rm -rf": (dir) => rmRf(dir),
};

/** The processor time of a child (rm -rf), which process.cpuUsage does not count, from GNU time. */
let childCpuMs = 0;
function rmRf(dir: string): void {
  const timed = spawnSync("/usr/bin/time", ["-f", "%U %S", "rm", "-rf", "--", dir], { encoding: "utf8" });
  const [user, system] = timed.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  childCpuMs = Math.round((user! + system!) * 1000);
}

rmSync(values.dir, { recursive: true, force: true });
const results: Record<string, { cpuMs: number[]; wallMs: number[] }> = {};
let files = 0;
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, remove] of Object.entries(ways)) {
    const dir = path.join(values.dir, "site");
    files = writeSite(dir);
    // What the write left in the page cache is the same for every way.
    spawnSync("sync");
    childCpuMs = 0;
    const cpu = process.cpuUsage();
    const start = performance.now();
    remove(dir);
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    (results[name] ??= { cpuMs: [], wallMs: [] }).cpuMs.push(Math.round((used.user + used.system) / 1000) + childCpuMs);
    results[name]!.wallMs.push(Math.round(wallMs));
  }
}
rmSync(values.dir, { recursive: true, force: true });
console.log(JSON.stringify({ articles, files, results }, null, 2));
