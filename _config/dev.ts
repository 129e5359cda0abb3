import { rmSync, rmdirSync } from "node:fs";
import path from "node:path";
import { isDevServer } from "../src/config.ts";
import type { Problem } from "../src/content/problems.ts";
import { blockingProblems } from "../src/editorial/content-problems.ts";
import { problemsPage } from "../src/editorial/problems-page.ts";
import { byFile } from "../src/editorial/print.ts";
import { devPages } from "../src/site/changed-pages.ts";


/**
 * The development server (`npm start`): what it watches, what it shows while the content is
 * broken, and the bookkeeping of its incremental rendering (src/site/changed-pages.ts).
 */
export default function (eleventyConfig: any) {
  // Articles and registries are data read by src/, not templates, so Eleventy does not watch them
  // by itself. They are watched where the data files read them: DIGEST_CONTENT_DIR when set (the
  // benchmark and the tests serve a copy), content/ otherwise.
  const contentDir = path.resolve(process.env.DIGEST_CONTENT_DIR ?? "content");
  const dataFolders = ["articles", "actors", "topics"].map((folder) => path.join(contentDir, folder));
  for (const folder of dataFolders) eleventyConfig.addWatchTarget(`${path.relative(process.cwd(), folder) || "."}/`);

  // Before each build, the same rules as the production build: when the content cannot be built,
  // the terminal lists every problem under its file, and the browser gets that list instead of a
  // page until the file is fixed (the data files refuse the content and the build stops).
  let problems: Problem[] = [];
  eleventyConfig.on("eleventy.before", ({ runMode }: { runMode: string }) => {
    if (!isDevServer(runMode)) return;
    problems = blockingProblems(contentDir);
    if (problems.length > 0) {
      console.error(
        `\n✗ The content has ${problems.length} problem(s); the site is not rebuilt until they are fixed:\n` +
          `${byFile(problems).join("\n")}\n(The same list is shown in the browser: reload the page.)\n`,
      );
    }
  });
  eleventyConfig.setServerOptions({
    onRequest: {
      "/*": ({ url }: { url: URL }) =>
        problems.length > 0 && /(\/|\.html)$/.test(url.pathname)
          ? { status: 500, headers: { "content-type": "text/html; charset=utf-8" }, body: problemsPage(problems) }
          : undefined,
    },
  });

  // After a successful build its pages are on disk: remember them, and delete the output of the
  // pages that no longer exist (a page left over would still be served).
  eleventyConfig.on("eleventy.after", ({ runMode, directories }: { runMode: string; directories: { output: string } }) => {
    if (!isDevServer(runMode)) return;
    for (const url of devPages.commit()) removePage(directories.output, url);
  });
  // Page objects hold everything the data says; a template, a stylesheet or code can change what
  // a page looks like with the same data, so any other change renders every page again.
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    if (!changed.every((file) => inFolders(file, dataFolders))) devPages.reset();
  });
}

/**
 * Eleventy reports changed files relative to the folder its watcher runs in, which is the common
 * ancestor of everything watched: the project, or higher when DIGEST_CONTENT_DIR lies outside it.
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
