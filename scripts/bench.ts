/**
 * npm run bench -- --articles N [--keep]
 *
 * Generates a synthetic corpus of N articles, builds it in a separate process exactly as
 * `npm run build` does, and prints JSON: wall time per phase, pages written, peak memory.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "./generate-corpus.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    seed: { type: "string", default: "42" },
    keep: { type: "boolean", default: false },
  },
});
const articles = Number(values.articles);
const workDir = path.resolve(".bench", `n${articles}`);
const content = path.join(workDir, "content");
const output = path.join(workDir, "_site");
const reportFile = path.join(workDir, "report.json");

const generateStart = performance.now();
generateCorpus(content, articles, Number(values.seed));
const generateMs = Math.round(performance.now() - generateStart);

const buildStart = performance.now();
const build = spawnSync(
  process.execPath,
  ["--import", "tsx", "scripts/build.ts", "--content", content, "--output", output, "--report", reportFile, "--cache", path.join(workDir, "cache")],
  // A fresh analysis cache: the figures are those of a cold build.
  { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production" } },
);
const buildWallMs = Math.round(performance.now() - buildStart);
if (build.status !== 0) {
  console.error(`The build failed (exit ${build.status}).`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportFile, "utf8"));
console.log(
  JSON.stringify(
    {
      articles,
      generateMs,
      buildWallMs,
      phasesMs: report.phasesMs,
      analysis: report.analysis,
      pages: report.pages,
      peakRssMB: report.peakRssMB,
    },
    null,
    2,
  ),
);
if (!values.keep) rmSync(workDir, { recursive: true, force: true });
