/**
 * Registers filters with Nunjucks itself rather than through `addFilter`: Eleventy wraps every
 * call of an `addFilter` filter in a timer and a page context (`this.page`, `this.eleventy`),
 * which at some 45 calls a page cost more than most of the filters. Ours read only their arguments.
 */
export function addNunjucksFilters(eleventyConfig: any, filters: Record<string, (...args: any[]) => unknown>): void {
  eleventyConfig.amendLibrary("njk", (env: any) => {
    for (const [name, filter] of Object.entries(filters)) env.addFilter(name, filter);
  });
}
