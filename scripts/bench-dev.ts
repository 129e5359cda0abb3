/**
 * node --import tsx scripts/bench-dev.ts [--articles N] [--content DIR] [--runs 3]
 *
 * How long an editor waits on the development server: from saving a file to the updated page
 * being written. Starts `npm start`'s server on a copy of the content (the shipped corpus, or a
 * generated corpus of N articles), in a temporary output folder and on a free port, waits for the
 * first build, then, RUNS times:
 *   edit  changes one summary's lede to a unique marker and times until the article's page on disk
 *         contains it;
 *   add   copies an article folder under a new slug and times until the new article's page exists.
 * Between two measurements it waits for the server to be idle again (its "✓ Site built" line, then
 * no processor used for half a second: search is indexed after that line), so one rebuild never
 * overlaps the next. Prints JSON: each run, median and max in ms, and the
 * processor time the server spent over the same span (its threads included), which other work on
 * a shared machine moves much less than the wall time.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { routes } from "../src/site/routes.ts";
import { generateCorpus } from "./generate-corpus.ts";

const REPO = path.resolve(import.meta.dirname, "..");
const POLL_MS = 5;
const TIMEOUT_MS = 900_000;

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    articles: { type: "string" },
    runs: { type: "string", default: "3" },
  },
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The server's output, so the bench can wait for the line each build ends with. */
class DevServer {
  private log = "";
  private idleCount = 0;
  readonly child: ChildProcess;

  constructor(content: string, output: string, port: number) {
    this.child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/serve.ts", "--content", content, "--port", String(port), "--output", output, "--cache", path.join(path.dirname(output), "cache")],
      // English messages: the lines it waits for are the English ones.
      { cwd: REPO, env: { ...process.env, LC_ALL: "C.UTF-8" }, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      this.log += text;
      this.idleCount += text.split(/[✓✗] Site (?:not )?built/).length - 1;
    };
    this.child.stdout?.on("data", collect);
    this.child.stderr?.on("data", collect);
  }

  /** Times a file change was noticed. */
  get changes(): number {
    return this.log.split(/Site (?:not )?built[^\n]* after a change to /).length - 1;
  }

  get idles(): number {
    return this.idleCount;
  }

  async waitIdle(after: number): Promise<void> {
    await until(() => {
      if (this.exited) throw new Error(`The development server stopped:\n${this.log.slice(-3000)}`);
      return this.idleCount > after;
    }, `the server to finish building\n${this.log.slice(-2000)}`);
  }

  /**
   * Until the server has used almost no processor for half a second: search is indexed after the
   * build's last line, and a save made meanwhile would be timed with it.
   */
  async waitQuiet(): Promise<void> {
    for (let quiet = 0, last = this.cpuMs(); quiet < 2; ) {
      await sleep(250);
      const now = this.cpuMs();
      quiet = now - last <= 20 ? quiet + 1 : 0;
      last = now;
    }
  }

  /** Processor time of the server's process so far, all its threads, in ms (Linux: /proc). */
  cpuMs(): number {
    const fields = readOr(`/proc/${this.child.pid}/stat`).split(") ").at(-1)?.split(" ") ?? [];
    // utime and stime, fields 14 and 15 of the line, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  /** The server stopped by itself (it should not, even on broken content). */
  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Ends the server and waits until it has: a server still writing would race the clean-up. */
  async stop(): Promise<void> {
    if (this.child.pid === undefined || this.exited) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    // The server was started in its own process group: this ends it and only it.
    process.kill(-this.child.pid, "SIGTERM");
    await exited;
  }
}

async function until(done: () => boolean, what: string): Promise<number> {
  const start = performance.now();
  while (!done()) {
    if (performance.now() - start > TIMEOUT_MS) throw new Error(`Timed out waiting for ${what}`);
    await sleep(POLL_MS);
  }
  return performance.now() - start;
}

function readOr(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** Article folders (those that hold an article.yaml), as the corpus reader finds them. */
function articleFolders(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "article.yaml")
    .map((f) => path.join(root, path.dirname(f)))
    .sort();
}

const summarize = (runs: number[]) => {
  const sorted = [...runs].sort((a, b) => a - b);
  return { runs: runs.map(Math.round), medianMs: Math.round(sorted[Math.floor(sorted.length / 2)] as number), maxMs: Math.round(Math.max(...runs)) };
};

const work = mkdtempSync(path.join(os.tmpdir(), "digest-bench-dev-"));
const content = path.join(work, "content");
const output = path.join(work, "_site");
if (values.articles) generateCorpus(content, Number(values.articles));
else for (const folder of ["articles", "actors", "topics"]) cpSync(path.join(values.content, folder), path.join(content, folder), { recursive: true });

const folders = articleFolders(path.join(content, "articles"));
const runs = Number(values.runs);
const server = new DevServer(content, output, await freePort());
// Interrupted (Ctrl-C, timeout): stop the server and remove the copies before leaving.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.stop().then(() => {
      rmSync(work, { recursive: true, force: true, maxRetries: 3 });
      process.exit(130);
    });
  });
}
const startedAt = performance.now();
try {
  await server.waitIdle(0);
  const firstBuildMs = Math.round(performance.now() - startedAt);
  // The first build line comes before the watcher has scanned the folders; on a large corpus a save
  // made meanwhile goes unnoticed. Save one file again until the server notices, then let it settle.
  const probe = path.join(folders[0] as string, "article.yaml");
  const probeText = readFileSync(probe, "utf8");
  while (server.changes === 0) {
    writeFileSync(probe, probeText);
    await sleep(1000);
  }
  await server.waitIdle(1);
  await server.waitQuiet();

  console.error(`first build: ${firstBuildMs} ms`);
  const edits: number[] = [];
  const adds: number[] = [];
  const editsCpu: number[] = [];
  const addsCpu: number[] = [];
  // Until the server is idle again: the rest of the rebuild, and the search index it makes after it.
  const settles: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A different article each time, so no run benefits from the previous one's caches.
    const folder = folders[Math.floor(((i + 1) * folders.length) / (runs + 1))] as string;
    const slug = path.basename(folder);
    const marker = `bench-dev-${process.pid}-${i}-${Date.now()}`;
    const summaryFile = path.join(folder, "summary.fr.md");
    const page = path.join(output, routes.article("fr", slug), "index.html");
    const summary = readFileSync(summaryFile, "utf8");
    if (!/^lede:.*$/m.test(summary)) throw new Error(`${summaryFile} has no lede line`);

    let idles = server.idles;
    let cpu = server.cpuMs();
    const saved = performance.now();
    writeFileSync(summaryFile, summary.replace(/^lede:.*$/m, `lede: "${marker}"`));
    await until(() => readOr(page).includes(marker), `${page} to show ${marker}`);
    edits.push(performance.now() - saved);
    editsCpu.push(server.cpuMs() - cpu);
    await server.waitIdle(idles);
    await server.waitQuiet();
    settles.push(performance.now() - saved);
    console.error(`edit ${i + 1}: page written after ${Math.round(edits.at(-1) as number)} ms (${editsCpu.at(-1)} ms of processor), idle after ${Math.round(settles.at(-1) as number)} ms`);

    const newSlug = `${slug}-copie-${i}`;
    const newPage = path.join(output, routes.article("fr", newSlug), "index.html");
    idles = server.idles;
    cpu = server.cpuMs();
    const added = performance.now();
    cpSync(folder, path.join(path.dirname(folder), newSlug), { recursive: true });
    await until(() => existsSync(newPage), `${newPage} to be written`);
    adds.push(performance.now() - added);
    addsCpu.push(server.cpuMs() - cpu);
    await server.waitIdle(idles);
    await server.waitQuiet();
    settles.push(performance.now() - added);
    console.error(`add ${i + 1}: page written after ${Math.round(adds.at(-1) as number)} ms (${addsCpu.at(-1)} ms of processor), idle after ${Math.round(settles.at(-1) as number)} ms`);
  }

  console.log(
    JSON.stringify(
      {
        corpus: values.articles ? `generated, ${values.articles} articles` : values.content,
        articles: folders.length,
        firstBuildMs,
        editSummary: summarize(edits),
        editSummaryCpu: summarize(editsCpu),
        addArticle: summarize(adds),
        addArticleCpu: summarize(addsCpu),
        untilIdle: summarize(settles),
      },
      null,
      2,
    ),
  );
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true, maxRetries: 3 });
}
