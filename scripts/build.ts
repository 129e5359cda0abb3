/**
 * npm run build [-- --content DIR --output DIR --cache DIR --report FILE]
 *
 * Validates the corpus, renders the site into a temporary folder beside the output, and only then
 * swaps it into place: a failed build leaves the previously published site exactly as it was.
 */
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { templateData } from "../_config/digest-data.ts";
import { buildDigest, type BuiltDigest } from "../src/build-digest.ts";
import { ContentError, formatProblem } from "../src/content/problems.ts";
import { indexSite } from "./lib/search-index.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
    report: { type: "string" },
    /** Where analyses are kept between builds (default .cache/analysis); the benchmark and tests use their own. */
    cache: { type: "string" },
  },
});

const output = path.resolve(values.output);
const staging = `${output}.tmp-${process.pid}`;
const phases: Record<string, number> = {};

async function phase<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    phases[name] = Math.round(performance.now() - start);
  }
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).length;
}

function fail(message: string): never {
  rmSync(staging, { recursive: true, force: true });
  console.error(message);
  console.error(`\nBuild refused: ${path.relative(process.cwd(), output) || output} was left as it was.`);
  process.exit(1);
}

// Content in, site model out (src/build-digest.ts); nothing is written before it succeeds.
let built: BuiltDigest;
try {
  built = await buildDigest(values.content, { includeDrafts: false, cacheDir: values.cache });
} catch (error) {
  if (error instanceof ContentError) fail(error.problems.map((p) => `✗ ${formatProblem(p)}`).join("\n"));
  throw error;
}
Object.assign(phases, built.timings);
for (const warning of built.warnings) console.log(`⚠ ${formatProblem(warning)}`);

// Eleventy gets the model as global data: templates only format it.
await phase("render", async () => {
  rmSync(staging, { recursive: true, force: true });
  const data = templateData(built);
  const eleventy = new Eleventy(undefined, staging, {
    quietMode: true,
    configPath: "eleventy.config.ts",
    config: (eleventyConfig: any) => {
      for (const [name, value] of Object.entries(data)) eleventyConfig.addGlobalData(name, value);
    },
  });
  try {
    await eleventy.write();
  } catch (error) {
    fail(`Rendering failed: ${error instanceof Error ? error.message : String(error)}`);
  }
});

await phase("search", () => indexSite(staging).catch((error) => fail(`Search indexing failed: ${error instanceof Error ? error.message : String(error)}`)));

const pages = countPages(staging);
await phase("publish", () => {
  const previous = `${output}.old-${process.pid}`;
  if (existsSync(output)) renameSync(output, previous);
  renameSync(staging, output);
  rmSync(previous, { recursive: true, force: true });
});

const report = {
  articles: built.digest.articles.length,
  analysis: built.digest.analysis.stats,
  pages,
  phasesMs: phases,
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
};
if (values.report) writeFileSync(values.report, JSON.stringify(report, null, 2));
console.log(
  `✓ Built ${report.pages} pages from ${report.articles} articles into ${path.relative(process.cwd(), output) || output} ` +
    `(validate ${phases.validate} ms, analyze ${phases.analyze} ms, model ${phases.model} ms, render ${phases.render} ms, search ${phases.search} ms).`,
);
