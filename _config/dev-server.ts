import { rmSync, rmdirSync } from "node:fs";
import path from "node:path";
import { DEFAULT_CACHE_DIR } from "../src/analysis/index.ts";
import { buildDigest, newBuildContext, type BuiltDigest } from "../src/build-digest.ts";
import { ContentError, type Problem } from "../src/content/problems.ts";
import { problemsPage } from "../src/editorial/problems-page.ts";
import { type EditorLang, msg, say } from "../src/messages/index.ts";
import { indexRecords } from "../src/search/index-record.ts";
import { ChangedPages, changedSite } from "./changed-pages.ts";
import { searchIndexer } from "./dev-search.ts";
import { templateData } from "./digest-data.ts";

export interface DevServerOptions {
  /** The content folder the server shows and watches. */
  contentDir: string;
  /** Where analyses are kept between runs: DEFAULT_CACHE_DIR when left out. */
  cacheDir?: string;
  /** The language of the problems page and of the server's messages (scripts/serve.ts reads LANG). */
  lang?: EditorLang;
}

/**
 * The development server (`npm start`, scripts/serve.ts): the digest rebuilt on every save, with
 * drafts; what it shows while the content is broken; the bookkeeping that rewrites only the pages
 * whose data changed (./changed-pages.ts); and a search index kept in step. Everything it keeps
 * between rebuilds lives here, in this plugin's closure.
 */
export default function devServer(eleventyConfig: any, { contentDir, cacheDir, lang = "en" }: DevServerOptions) {
  const dir = path.resolve(contentDir);
  // Articles and registries are data read by src/, not templates: Eleventy watches them only when told.
  const dataFolders = ["articles", "actors", "topics"].map((folder) => path.join(dir, folder));
  for (const folder of dataFolders) eleventyConfig.addWatchTarget(`${path.relative(process.cwd(), folder) || "."}/`);
  eleventyConfig.addWatchTarget("src/");

  const context = newBuildContext();
  const pages = new ChangedPages();
  let problems: Problem[] = [];
  // One digest per rebuild, shared by the two global names the templates read.
  let current: Promise<ReturnType<typeof templateData>> | null = null;
  const rebuild = async () => {
    let built: BuiltDigest;
    try {
      built = await buildDigest(dir, { includeDrafts: true, context, cacheDir });
    } catch (error) {
      // The terminal's account of a failed build is scripts/serve.ts's; the browser's is below.
      if (error instanceof ContentError) problems = error.problems;
      throw error;
    }
    problems = [];
    const documents = built.feeds.documents.map((document) => ({ ...document, url: document.urls.atom.path }));
    return templateData(built, { site: changedSite(pages, built.site), feeds: pages.select("feedDocuments", documents) });
  };
  eleventyConfig.on("eleventy.before", () => {
    current = null;
  });
  const data = () => (current ??= rebuild());
  eleventyConfig.addGlobalData("digest", async () => (await data()).digest);
  eleventyConfig.addGlobalData("feeds", async () => (await data()).feeds);

  // While the content is broken the browser gets the list of problems instead of a page.
  eleventyConfig.setServerOptions({
    onRequest: {
      "/*": ({ url }: { url: URL }) =>
        problems.length > 0 && /(\/|\.html)$/.test(url.pathname)
          ? { status: 500, headers: { "content-type": "text/html; charset=utf-8" }, body: problemsPage(problems, lang) }
          : undefined,
    },
  });

  // After a successful build its pages are on disk: remember them, delete the output of the pages
  // that no longer exist (a page left over would still be served), and index search again.
  const search = searchIndexer(path.join(path.resolve(cacheDir ?? DEFAULT_CACHE_DIR), "dev-search"), (reason) => console.error(say(lang, msg("serve.searchFailed", { reason }))));
  let rebuilding = false;
  let indexLater: (() => void) | null = null;
  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    for (const url of pages.commit()) removePage(directories.output, url);
    // Search is indexed from every page of this build's digest, not only those rewritten. Making
    // its records holds this thread for about a second at 1,000 articles: after a save it waits
    // until Eleventy has told the browser to reload, so the editor sees the page first.
    const built = current;
    const index = () => void built?.then((data) => search(directories.output, indexRecords(data.digest.pages)), () => undefined);
    if (rebuilding) indexLater = index;
    else index();
  });
  // Page objects hold everything the data says; a template, a stylesheet or code can change what
  // a page looks like with the same data, so any other change renders every page again.
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    rebuilding = true;
    if (!changed.every((file) => inFolders(file, dataFolders))) pages.reset();
  });
  // Emitted once the rebuild is over and the browser told, successful or not.
  eleventyConfig.on("eleventy.afterwatch", () => {
    rebuilding = false;
    indexLater?.();
    indexLater = null;
  });
  // Eleventy waits 150 ms for a saved file's size to stop changing before it rebuilds; an editor's
  // save is written at once, and a file caught half-written is only a problem shown until the next
  // event, so a shorter wait is enough.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
}

/**
 * Eleventy reports changed files relative to the folder its watcher runs in, which is the common
 * ancestor of everything watched: the project, or higher when the content folder lies outside it.
 */
function inFolders(file: string, folders: string[]): boolean {
  const bases: string[] = [];
  for (let dir = process.cwd(); !bases.includes(dir); dir = path.dirname(dir)) bases.push(dir);
  return bases.some((base) => folders.some((folder) => path.resolve(base, file).startsWith(folder + path.sep)));
}

function removePage(output: string, url: string): void {
  const file = path.join(output, url.endsWith("/") ? `${url}index.html` : url);
  rmSync(file, { force: true });
  try {
    rmdirSync(path.dirname(file)); // only when the page was alone in its folder
  } catch {
    // not empty: other pages live there
  }
}
