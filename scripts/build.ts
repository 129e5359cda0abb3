/**
 * npm run build [-- --content DIR --output DIR --cache DIR --report FILE]
 *
 * Checks that the output is a folder it may replace and locks it, validates the corpus, renders
 * the site into a temporary folder beside the output, and only then swaps it into place: a failed
 * build leaves the previously published site exactly as it was.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_CACHE_DIR } from "../src/analysis/index.ts";
import { buildDigest, newBuildContext, type BuiltDigest } from "../src/build-digest.ts";
import { readCheckedFolders, writeCheckedFolders } from "../src/content/checked-folders.ts";
import { NOT_FOR_PUBLISHING, SITE_FILE, SiteConfigError, siteConfig, type PublishingConfig } from "../src/config.ts";
import { ContentError, formatProblem, type Finding } from "../src/content/problems.ts";
import { editorLanguage, speaker } from "../src/messages/index.ts";
import { OutputError, checkOutput } from "./lib/output-guard.ts";
import { parseCommandLine } from "./lib/command-line.ts";
import { lockOutput } from "./lib/output-lock.ts";
import { limitHeapGrowth } from "./lib/memory.ts";
import { publish, recoverOutput, stagingPath } from "./lib/output-publish.ts";
import { renderSite, type SiteModel } from "./lib/render-site.ts";
import { BUNDLE_DIR, indexSite } from "./lib/search-index.ts";
import { feedFiles, keepFiles, pageFiles, planRender, readManifest, renderingCodeHash, sparePath, takeSpare, writeManifest } from "./lib/site-manifest.ts";
import { searchedPages } from "../src/search/index-record.ts";
import { PageHasher } from "../_config/changed-pages.ts";

limitHeapGrowth();

// Messages in the language LC_ALL, LC_MESSAGES or LANG asks for (src/messages/).
const lang = editorLanguage();
const t = speaker(lang);
const { values } = parseCommandLine(lang, "build.usage", {
  options: {
    content: { type: "string", default: "content" },
    output: { type: "string", default: "_site" },
    report: { type: "string" },
    /** Where analyses are kept between builds (default .cache/analysis); the benchmark and tests use their own. */
    cache: { type: "string" },
  },
});

const projectRoot = path.resolve(import.meta.dirname, "..");
const output = path.resolve(values.output);
const shown = path.relative(process.cwd(), output) || output;
const staging = stagingPath(output);
const cacheDir = path.resolve(values.cache ?? DEFAULT_CACHE_DIR);
const phases: Record<string, number> = {};

async function phase<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    // A phase run in two steps (the plan, the keep) counts both.
    phases[name] = (phases[name] ?? 0) + Math.round(performance.now() - start);
  }
}

/** The HTML files of the site: every page's, rendered now or kept (a walk of 25,000 folders costs half a second). */
function countPages(): number {
  return built.site.pages.filter((page) => pageFiles(page).files.some((file) => file.endsWith(".html"))).length;
}

function fail(message: string): never {
  rmSync(staging, { recursive: true, force: true });
  console.error(message);
  console.error(`\n${t("build.refused", { folder: shown })}`);
  process.exit(1);
}

function refuseOutput(finding: Finding): never {
  console.error(`✗ ${formatProblem(finding, lang)}`);
  console.error(`\n${t("build.refusedOutput", { folder: shown })}`);
  process.exit(1);
}

// The output is checked before anything is read or written anywhere: the build replaces it
// wholesale, so it must be a folder the build wrote (scripts/lib/output-guard.ts).
const protect = { projectRoot, contentDirs: [path.resolve(values.content), path.join(projectRoot, "content")] };
try {
  checkOutput(output, protect);
  mkdirSync(path.dirname(output), { recursive: true });
  const unlock = lockOutput(output);
  process.on("exit", unlock);
  // Ctrl-C or a kill: give the lock back and take the half-rendered site away on the way out.
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
    process.once(signal, () => {
      rmSync(staging, { recursive: true, force: true });
      process.exit(code);
    });
  }
  const { restored, removed } = recoverOutput(output);
  if (restored) console.log(t("build.restored", { folder: shown, from: path.basename(restored) }));
  if (removed.length > 0) console.log(t("build.removed", { count: removed.length, folders: removed.map((dir) => path.basename(dir)).join(", ") }));
  // Again, now that no other build can change it.
  checkOutput(output, protect);
} catch (error) {
  if (error instanceof OutputError) refuseOutput(error.finding);
  throw error;
}

// Where the site is published: content/site.yaml, SITE_URL and PATH_PREFIX over it (src/config.ts).
let site: PublishingConfig;
try {
  site = siteConfig();
} catch (error) {
  if (error instanceof SiteConfigError) fail(error.problems.map((p) => `✗ ${formatProblem(p, lang)}`).join("\n"));
  throw error;
}

// Content in, site model out (src/build-digest.ts); nothing is written before it succeeds.
const { built, counts } = await siteModel();

/**
 * Only the site model is needed past this point: the analysis (a third of the memory the data
 * takes) is let go with the digest, and only its counts are kept for the report.
 */
async function siteModel(): Promise<{ built: SiteModel; counts: { articles: number; analysis: BuiltDigest["digest"]["analysis"]["stats"] } }> {
  let digest: BuiltDigest;
  // The article folders the last build found clean and that have not changed since are not read
  // again (src/content/checked-folders.ts); every other one is checked in full.
  const checkedAt = Date.now();
  // From the process' start: loading the code, checking and locking the output.
  phases.start = Math.round(performance.now());
  const context = { ...newBuildContext(), folders: await phase("checked", () => readCheckedFolders(cacheDir, values.content)) };
  try {
    digest = await buildDigest(values.content, { includeDrafts: false, cacheDir: values.cache, site, context });
  } catch (error) {
    if (error instanceof ContentError) fail(error.problems.map((p) => `✗ ${formatProblem(p, lang)}`).join("\n"));
    throw error;
  }
  await phase("checked", () => writeCheckedFolders(cacheDir, values.content, context.folders, checkedAt));
  Object.assign(phases, digest.timings);
  for (const warning of digest.warnings) console.log(`⚠ ${formatProblem(warning, lang)}`);
  return { built: { site: digest.site, feeds: digest.feeds }, counts: { articles: digest.digest.articles.length, analysis: digest.digest.analysis.stats } };
}

// What the site already published shows as this build would (scripts/lib/site-manifest.ts): its
// unchanged pages are kept as they are, and only the others are rendered.
const previousSite = await phase("plan", () => {
  const code = renderingCodeHash(site);
  return { code, previous: readManifest(cacheDir, output, code) };
});

rmSync(staging, { recursive: true, force: true });
// The site the last build replaced is assembled into this one: only what changed is created or deleted.
const spare = sparePath(cacheDir, output);
const fromSpare = await phase("keep", () => takeSpare(spare, staging, BUNDLE_DIR));
// Search is indexed from the model, not from the written pages, so Pagefind (a thread of its own)
// works on the other core while the pages are compared with the published ones and rendered; the
// bundle goes into staging's pagefind/, which keepFiles leaves alone.
const previousBundle = previousSite.previous ? { dir: path.join(output, BUNDLE_DIR), languages: previousSite.previous.search } : undefined;
const searchIndexed = phase("search", () => indexSite(staging, searchedPages(built.site.pages), previousBundle, path.join(cacheDir, "search"))).catch((error) =>
  fail(t("serve.searchFailed", { reason: error instanceof Error ? error.message : String(error) })),
);

const plan = await phase("plan", () => {
  const hasher = new PageHasher();
  return {
    ...previousSite,
    pages: planRender(built.site.pages, pageFiles, previousSite.previous?.pages, output, hasher),
    feeds: planRender(built.feeds.documents, feedFiles, previousSite.previous?.feeds, output, hasher),
  };
});
await phase("keep", () => keepFiles(output, staging, [...plan.pages.kept, ...plan.feeds.kept], { spare: fromSpare, apart: BUNDLE_DIR }));

// Eleventy gets the model as global data: templates only format it (scripts/lib/render-site.ts).
await phase("render", () => renderSite(built, staging, { pages: plan.pages.render, feeds: plan.feeds.render }).catch((error) => fail(t("build.renderFailed", { reason: error instanceof Error ? error.message : String(error) }))));

// The pages already say noindex and robots.txt disallows all; this file is for a deploy step to test.
if (!site.forPublishing) writeFileSync(path.join(staging, NOT_FOR_PUBLISHING), notForPublishingText());

const search = await searchIndexed;

const pages = countPages();
await phase("publish", () => publish(staging, output, spare));
writeManifest(cacheDir, output, { code: plan.code, pages: plan.pages.hashes, feeds: plan.feeds.hashes, search: search.languages });

const report = {
  articles: counts.articles,
  analysis: counts.analysis,
  pages,
  /** Pages rendered by this build; the others were kept from the site it replaced. */
  rendered: plan.pages.render.length,
  /** Feeds (each in three formats) rendered by this build. */
  renderedFeeds: plan.feeds.render.length,
  /** Search languages indexed by this build; the others were kept. */
  searchIndexed: search.indexed,
  phasesMs: phases,
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
};
if (values.report) writeFileSync(values.report, JSON.stringify(report, null, 2));
console.log(
  t("build.built", {
    pages: t("build.pages", { count: report.pages }),
    articles: t("build.articles", { count: report.articles }),
    folder: path.relative(process.cwd(), output) || output,
    validate: phases.validate ?? 0,
    analyze: phases.analyze ?? 0,
    model: phases.model ?? 0,
    render: phases.render ?? 0,
    search: phases.search ?? 0,
  }),
);
if (!site.forPublishing) {
  const file = path.relative(process.cwd(), SITE_FILE) || SITE_FILE;
  console.log(`\n${t("build.notForPublishing", { url: site.url, marker: path.join(shown, NOT_FOR_PUBLISHING), file })}`);
}

function notForPublishingText(): string {
  const file = path.relative(projectRoot, SITE_FILE);
  return (
    "This site is not for publishing: it was built with no site address, so its links, canonical URLs,\n" +
    `sitemap and feeds point to ${site.url}. Every page says noindex and robots.txt disallows all.\n` +
    `Set address: in ${file} (or SITE_URL when building) and build again to publish it.\n`
  );
}
