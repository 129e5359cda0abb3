/**
 * npm run bench -- --articles N [--keep] [--vs-hugo [--pairs P]] [--rebuild-one]
 *
 * Generates a synthetic corpus of N articles, builds it in a separate process exactly as
 * `npm run build` does (production, cold analysis cache), and prints JSON: wall time per phase,
 * pages written, peak memory.
 *
 *   --vs-hugo      also writes the comparable Hugo site with the shared generator
 *                  (../shared/bench/hugo_site.py N DIR, or --hugo-generator FILE) and builds both
 *                  in the same run, interleaved (digest, Hugo, digest, Hugo…), P pairs (3 up to
 *                  2,000 articles, 1 above), and prints the median of each and their ratio. The
 *                  machine's load moves both sides alike, so only the ratio is worth comparing
 *                  from one run to another. Skipped, with a message, when hugo is not on PATH.
 *   --rebuild-one  after the build, edits one summary and builds again into the same folder with
 *                  the caches warm, as an editor's next `npm run build` does, and prints its time.
 *
 * Peak memory is the resident set size of the process tree, as the kernel reports it for each
 * build (GNU time's %M: the largest process of the tree, here the build's Node process), read the
 * same way for both generators.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "./generate-corpus.ts";

const REPO = path.resolve(import.meta.dirname, "..");
const TIME = "/usr/bin/time";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    seed: { type: "string", default: "42" },
    keep: { type: "boolean", default: false },
    "vs-hugo": { type: "boolean", default: false },
    pairs: { type: "string" },
    "hugo-generator": { type: "string", default: path.resolve(REPO, "../shared/bench/hugo_site.py") },
    "rebuild-one": { type: "boolean", default: false },
  },
});
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles must be a whole number of articles, found "${values.articles}"`);
const workDir = path.resolve(".bench", `n${articles}`);
const content = path.join(workDir, "content");
const output = path.join(workDir, "_site");
const cache = path.join(workDir, "cache");
const reportFile = path.join(workDir, "report.json");

interface Run {
  wallMs: number;
  /** From GNU time, for the whole process; null where it is not installed. */
  peakRssMB: number | null;
  /**
   * Processor time (user + system) of the process and the children it waited for, from GNU time:
   * what the build costs, less moved than wall time by other work on the machine.
   */
  cpuMs: number | null;
}

interface DigestRun extends Run {
  report: { pages: number; rendered: number; searchIndexed: string[]; phasesMs: Record<string, number>; analysis: unknown; peakRssMB: number };
}

/** Runs a command, timing it and, where GNU time is installed, reading its peak resident set size. */
function measured(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Run & { status: number | null } {
  const timeFile = path.join(workDir, "time.txt");
  const withTime = existsSync(TIME);
  const start = performance.now();
  const child = withTime
    ? spawnSync(TIME, ["-f", "%M %U %S", "-o", timeFile, command, ...args], { cwd: REPO, stdio: ["ignore", "ignore", "inherit"], env })
    : spawnSync(command, args, { cwd: REPO, stdio: ["ignore", "ignore", "inherit"], env });
  const wallMs = Math.round(performance.now() - start);
  // GNU time's last line; a line before it says when the command failed.
  const [rssKB, user, system] = withTime && existsSync(timeFile) ? readFileSync(timeFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number) : [];
  return {
    status: child.status,
    wallMs,
    peakRssMB: rssKB === undefined ? null : Math.round(rssKB / 1024),
    cpuMs: user === undefined || system === undefined ? null : Math.round((user + system) * 1000),
  };
}

/** One production build of the corpus: cold (no analysis cache, no site) or over the last one, as an editor's next build. */
function buildDigestSite(options: { coldCache: boolean }): DigestRun {
  if (options.coldCache) {
    // Into a missing folder, as Hugo is run below: deleting the site of the run before is not timed.
    rmSync(output, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
  const run = measured(
    process.execPath,
    ["--import", "tsx", "scripts/build.ts", "--content", content, "--output", output, "--report", reportFile, "--cache", cache],
    { ...process.env, NODE_ENV: "production" },
  );
  if (run.status !== 0) {
    console.error(`The build failed (exit ${run.status}).`);
    process.exit(1);
  }
  return { wallMs: run.wallMs, peakRssMB: run.peakRssMB, cpuMs: run.cpuMs, report: JSON.parse(readFileSync(reportFile, "utf8")) };
}

function hugoOnPath(): boolean {
  return spawnSync("hugo", ["version"], { stdio: "ignore" }).status === 0;
}

const generateStart = performance.now();
generateCorpus(content, articles, Number(values.seed));
const generateMs = Math.round(performance.now() - generateStart);

const result: Record<string, unknown> = { articles, generateMs };

if (values["vs-hugo"] && !hugoOnPath()) {
  result.vsHugo = { skipped: "hugo is not on PATH: install Hugo (Debian: apt-get install hugo) to compare; the digest was built alone." };
} else if (values["vs-hugo"] && !existsSync(values["hugo-generator"])) {
  result.vsHugo = { skipped: `the Hugo site generator ${values["hugo-generator"]} is missing (--hugo-generator FILE); the digest was built alone.` };
}

if (values["vs-hugo"] && result.vsHugo === undefined) {
  const hugoDir = path.join(workDir, "hugo");
  rmSync(hugoDir, { recursive: true, force: true });
  const generated = spawnSync("python3", [values["hugo-generator"], String(articles), hugoDir], { stdio: ["ignore", "ignore", "inherit"] });
  if (generated.status !== 0) throw new Error(`${values["hugo-generator"]} failed (exit ${generated.status})`);
  const pairs = Number(values.pairs ?? (articles <= 2000 ? 3 : 1));
  const digestRuns: DigestRun[] = [];
  const hugoRuns: Run[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    digestRuns.push(buildDigestSite({ coldCache: true }));
    rmSync(path.join(hugoDir, "public"), { recursive: true, force: true });
    const hugo = measured("hugo", ["--source", hugoDir, "--destination", path.join(hugoDir, "public"), "--quiet"]);
    if (hugo.status !== 0) throw new Error(`hugo failed (exit ${hugo.status})`);
    hugoRuns.push(hugo);
  }
  const digest = medianRun(digestRuns);
  const hugo = medianRun(hugoRuns);
  Object.assign(result, digestFigures(digest));
  result.vsHugo = {
    pairs,
    digest: { wallMs: digest.wallMs, cpuMs: digest.cpuMs, peakRssMB: digest.peakRssMB, runsMs: digestRuns.map((r) => r.wallMs) },
    hugo: { wallMs: hugo.wallMs, cpuMs: hugo.cpuMs, peakRssMB: hugo.peakRssMB, runsMs: hugoRuns.map((r) => r.wallMs), pages: countHtml(path.join(hugoDir, "public")) },
    /** Digest ÷ Hugo, medians of the same run. */
    wallRatio: round2(digest.wallMs / hugo.wallMs),
    /** Digest ÷ Hugo for each pair, and their median: the load of the machine moves least within a pair. */
    pairRatios: digestRuns.map((run, i) => round2(run.wallMs / hugoRuns[i]!.wallMs)),
    medianPairRatio: round2(median(digestRuns.map((run, i) => run.wallMs / hugoRuns[i]!.wallMs))),
    cpuRatio: digest.cpuMs && hugo.cpuMs ? round2(digest.cpuMs / hugo.cpuMs) : null,
    rssRatio: digest.peakRssMB && hugo.peakRssMB ? round2(digest.peakRssMB / hugo.peakRssMB) : null,
  };
} else {
  Object.assign(result, digestFigures(buildDigestSite({ coldCache: true })));
}

if (values["rebuild-one"]) result.rebuildOne = rebuildOne();

console.log(JSON.stringify(result, null, 2));
if (!values.keep) rmSync(workDir, { recursive: true, force: true });

/**
 * An editor's next build after changing one summary: the site and the caches of the build just
 * made are in place, one French summary's lede is changed, and the production build runs again.
 */
function rebuildOne() {
  const summary = firstSummary(path.join(content, "articles"));
  const text = readFileSync(summary, "utf8");
  // No figure in it: the check refuses a figure a summary's source does not give.
  const edited = text.replace(/^lede: .*$/m, 'lede: "Une phrase d’introduction réécrite par la rédaction, pour la mesure."');
  if (edited === text) throw new Error(`${summary} has no lede line to edit`);
  // A build with nothing changed first: the caches are warm and the site is the one it describes.
  const unchanged = buildDigestSite({ coldCache: false });
  writeFileSync(summary, edited);
  const run = buildDigestSite({ coldCache: false });
  const figures = (r: DigestRun) => ({ wallMs: r.wallMs, cpuMs: r.cpuMs, peakRssMB: r.peakRssMB, rendered: r.report.rendered, searchIndexed: r.report.searchIndexed, phasesMs: r.report.phasesMs });
  return { edited: path.relative(content, summary), ...figures(run), nothingChanged: figures(unchanged) };
}

function firstSummary(dir: string): string {
  const found = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("summary.fr.md"))
    .sort()[0];
  if (!found) throw new Error(`no summary.fr.md under ${dir}`);
  return path.join(dir, found);
}

function digestFigures(run: DigestRun) {
  return {
    buildWallMs: run.wallMs,
    phasesMs: run.report.phasesMs,
    analysis: run.report.analysis,
    pages: run.report.pages,
    /** The build's own Node process, as it reports it. */
    peakRssMB: run.report.peakRssMB,
    /** The build's process tree, from GNU time (the same measure as Hugo's). */
    peakRssTreeMB: run.peakRssMB,
    cpuMs: run.cpuMs,
  };
}

function medianRun<T extends Run>(runs: T[]): T {
  return [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)]!;
}

function countHtml(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).length;
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
