/**
 * How the pages are cut into Eleventy runs (./render-site.ts). Eleventy keeps every page it renders
 * (its template, its data and its HTML) until the run ends, so a run's memory is the HTML of its
 * pages, and that grows with a page's lists, not with the number of pages: at 10,000 articles an
 * article page is 18 KB, a subject's list of its articles up to 2 MB. Runs of a fixed number of
 * pages held the article pages' runs to about 120 MB each, but the last one, where the subjects,
 * the timeline and the editions come, to four times that: the build's largest heap.
 */

/** At most this many pages in a run: each page costs Eleventy a few kilobytes besides its HTML. */
export const PAGES_PER_RUN = 3000;

/** At most this much of pageWeight() in a run: article pages (some 70 each) still come 3,000 to a run, and a whole 1,000-article site in one. */
export const WEIGHT_PER_RUN = 250_000;

/**
 * A page's size, roughly: one for the page and one for each item of the lists it shows, those of
 * its own fields and of its fields' fields (an article's paragraphs and quotes, a topic's cards and
 * figures, `p.figures.shown`). The HTML of the kinds of page there are is 200 to 600 bytes per
 * unit at 1,000 articles; the items' own lists are not counted, so that it costs little.
 */
export function pageWeight(page: object): number {
  let weight = 1;
  for (const key in page) {
    const value = (page as Record<string, unknown>)[key];
    if (Array.isArray(value)) weight += value.length;
    else if (value !== null && typeof value === "object") {
      for (const inner in value) {
        const item = (value as Record<string, unknown>)[inner];
        if (Array.isArray(item)) weight += item.length;
      }
    }
  }
  return weight;
}

/**
 * The pages in runs, in their order: a run ends before the page that would take it over
 * WEIGHT_PER_RUN or PAGES_PER_RUN, so a page heavier than a run has one of its own. There is always
 * a first run, even with no page: it writes the feeds and the sitemap.
 */
export function renderRuns<T extends object>(pages: readonly T[]): T[][] {
  const runs: T[][] = [[]];
  let weight = 0;
  for (const page of pages) {
    const run = runs[runs.length - 1]!;
    const own = pageWeight(page);
    if (run.length > 0 && (weight + own > WEIGHT_PER_RUN || run.length >= PAGES_PER_RUN)) {
      runs.push([page]);
      weight = own;
    } else {
      run.push(page);
      weight += own;
    }
  }
  return runs;
}
