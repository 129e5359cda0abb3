import { indexSite } from "../scripts/lib/search-index.ts";
import { isDevServer } from "../src/config.ts";
import type { Lang } from "../src/languages.ts";
import { headersFile } from "../src/search/csp.ts";
import { routes } from "../src/site/routes.ts";

/** Search: the filters its templates need, and an index for the development server. */
export default function (eleventyConfig: any) {
  eleventyConfig.addFilter("searchUrl", (lang: Lang) => routes.search(lang));
  eleventyConfig.addFilter("headersFile", (pathPrefix: string) => headersFile(pathPrefix));

  // A production build indexes its staging folder in its own "search" phase (scripts/build.ts),
  // where the benchmark can time it; `npm start` has no such step, so the server indexes here
  // after each rebuild, or its search page would have nothing to search.
  // Indexing is not awaited: the browser reloads as soon as the pages are written, and search
  // catches up a few seconds later. Saves that come while it runs are indexed once, after it.
  let running: Promise<void> | null = null;
  let again = false;
  const index = (output: string): void => {
    if (running) {
      again = true;
      return;
    }
    running = indexSite(output)
      .then(() => undefined)
      .catch((error) => console.error(`Search indexing failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          index(output);
        }
      });
  };
  eleventyConfig.on("eleventy.after", ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    if (isDevServer(runMode)) index(directories.output);
  });
}
