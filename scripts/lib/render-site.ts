import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { templateData } from "../../_config/digest-data.ts";
import { config as eleventyDirectories } from "../../eleventy.config.ts";
import type { BuiltDigest } from "../../src/build-digest.ts";
import { fullCollection } from "./memory.ts";
import { renderRuns } from "./render-runs.ts";

/** Eleventy's input folder (eleventy.config.ts) and the one template that renders every HTML page. */
const INPUT = "content";
const EVERY_PAGE = "content/pages/pages.njk";

/** What the pages are made from: the pages and the feeds (src/build-digest.ts). */
export type SiteModel = Pick<BuiltDigest, "site" | "feeds">;

export interface RenderOptions {
  /** The pages to write: every page unless told (a rebuild writes only the pages that changed). */
  pages?: BuiltDigest["site"]["pages"];
  /** The feeds to write, likewise. */
  feeds?: BuiltDigest["feeds"]["documents"];
}

/**
 * Writes the site model into `output` with Eleventy: the model goes in as global data
 * (_config/digest-data.ts), templates only format it. The first run writes the feeds, the sitemap
 * and the other single files with its share of the pages; later runs write pages only.
 */
export async function renderSite(built: SiteModel, output: string, options: RenderOptions = {}): Promise<void> {
  // In runs whose pages' HTML is held together until each run ends (./render-runs.ts).
  const runs = renderRuns(options.pages ?? built.site.pages);
  const templates = nunjucksEnvironment();
  // A render of one run (a rebuild's few pages, a small site) allocates too little for the heap to
  // grow over what the analysis left: two full collections of a 10,000-article model would cost
  // it 1 to 2 s, and V8 collects as it needs.
  const collect = runs.length > 1 ? fullCollection() : () => {};
  for (let run = 0; run < runs.length; run++) {
    // What the last run (or, before the first, the analysis) held is garbage by now: collected
    // before this run allocates, so the heap does not grow over it (3,000 articles: 1.3 GB
    // resident at the end of the render without, 1.0 GB with, for a few tens of milliseconds each).
    collect();
    const share = runs[run]!;
    const data = templateData(built, { site: { pages: share, stylesheets: built.site.stylesheets }, feeds: run === 0 ? (options.feeds ?? built.feeds.documents) : [] });
    const eleventy = new Eleventy(undefined, output, {
      quietMode: true,
      configPath: "eleventy.config.ts",
      config: (eleventyConfig: any) => {
        for (const [name, value] of Object.entries(data)) eleventyConfig.addGlobalData(name, value);
        eleventyConfig.setLibrary("njk", templates);
        if (run > 0) for (const template of singleTemplates()) eleventyConfig.ignores.add(template);
      },
    });
    await eleventy.write();
  }
  // The last run's pages are garbage too, but the build then waits for search with nothing to
  // allocate, so V8 would keep them until it exits: at 10,000 articles the process held its
  // largest heap (1.1 GB in use, 1.4 GB committed) in that wait, beside the search thread's.
  collect();
}

/**
 * The Nunjucks environment every run of one render shares: it keeps the partials it compiled, so
 * a run after the first neither compiles them again nor starts their code cold. It is the one
 * Eleventy would make itself: the includes folder, then the project's, with Eleventy's options.
 */
function nunjucksEnvironment(): unknown {
  // The copy Eleventy renders with (package.json: Eleventy's fork, under the name `nunjucks`); it has no types.
  const nunjucks = createRequire(import.meta.url)("nunjucks") as {
    Environment: new (loader: unknown, options: object) => unknown;
    FileSystemLoader: new (dirs: string[]) => unknown;
  };
  const { input, includes } = eleventyDirectories.dir;
  const loader = new nunjucks.FileSystemLoader([path.join(input, includes), "."].map((dir) => path.resolve(dir)));
  return new nunjucks.Environment(loader, { dev: true });
}

/** Every template but the one of the HTML pages: the feeds, the sitemap, robots.txt, _headers. */
function singleTemplates(): string[] {
  return readdirSync(INPUT, { recursive: true, encoding: "utf8" })
    .map((file) => path.posix.join(INPUT, file.split(path.sep).join("/")))
    .filter((file) => file.endsWith(".njk") && file !== EVERY_PAGE && !file.startsWith(`${INPUT}/articles/`));
}
