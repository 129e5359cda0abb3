/**
 * npm start [-- --content DIR --output DIR --port N --cache DIR]
 *
 * The development server: builds the digest with drafts, serves it with live reload, and rebuilds
 * on every save (_config/dev-server.ts). Production builds use scripts/build.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import devServer from "../_config/dev-server.ts";
import { formatProblem } from "../src/content/problems.ts";
import { MARKER, MARKER_TEXT, OutputError, checkOutput } from "./lib/output-guard.ts";
import { lockOutput } from "./lib/output-lock.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
    port: { type: "string", default: "8080" },
    /** Where analyses are kept between runs (default .cache/analysis). */
    cache: { type: "string" },
  },
});

// The same guard and lock as the production build: the server writes into its output folder, so it
// must be one a build wrote (or an empty or missing one), never the content or the project.
const projectRoot = path.resolve(import.meta.dirname, "..");
const output = path.resolve(values.output);
try {
  checkOutput(output, { projectRoot, contentDirs: [path.resolve(values.content), path.join(projectRoot, "content")] });
  mkdirSync(output, { recursive: true });
  process.on("exit", lockOutput(output));
  writeFileSync(path.join(output, MARKER), MARKER_TEXT);
} catch (error) {
  if (!(error instanceof OutputError)) throw error;
  console.error(`✗ ${formatProblem(error.finding)}\n\nThe development server did not start; ${path.relative(process.cwd(), output) || output} was left as it was.`);
  process.exit(1);
}

const eleventy = new Eleventy(undefined, output, {
  configPath: "eleventy.config.ts",
  runMode: "serve",
  config: (eleventyConfig: any) => eleventyConfig.addPlugin(devServer, { contentDir: values.content, cacheDir: values.cache }),
});
await eleventy.init();
await eleventy.watch();
eleventy.serve(Number(values.port));
for (const [signal, code] of [["SIGINT", 0], ["SIGTERM", 143]] as const) {
  process.once(signal, async () => {
    await eleventy.stopWatch();
    process.exit(code); // runs the exit handler: the lock is given back
  });
}
