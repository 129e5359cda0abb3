/**
 * npm start [-- --content DIR --output DIR --port N --cache DIR]
 *
 * The development server: builds the digest with drafts, serves it with live reload, and rebuilds
 * on every save (_config/dev-server.ts). Production builds use scripts/build.ts.
 */
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import devServer from "../_config/dev-server.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
    port: { type: "string", default: "8080" },
    /** Where analyses are kept between runs (default .cache/analysis). */
    cache: { type: "string" },
  },
});

const eleventy = new Eleventy(undefined, values.output, {
  configPath: "eleventy.config.ts",
  runMode: "serve",
  config: (eleventyConfig: any) => eleventyConfig.addPlugin(devServer, { contentDir: values.content, cacheDir: values.cache }),
});
await eleventy.init();
await eleventy.watch();
eleventy.serve(Number(values.port));
process.on("SIGINT", async () => {
  await eleventy.stopWatch();
  process.exit(0);
});
