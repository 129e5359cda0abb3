import { pathToFileURL } from "node:url";
import { HtmlBasePlugin } from "@11ty/eleventy";
import filters from "./_config/filters.ts";
import feeds from "./_config/feeds.ts";
import nunjucksFrames from "./_config/nunjucks-frames.ts";
import search from "./_config/search.ts";
import { siteConfig } from "./src/config.ts";

/**
 * Wires things together. What the pages show is computed in src/ and handed over as global data by
 * whoever runs Eleventy: scripts/build.ts for a production build, _config/dev-server.ts for
 * `npm start` (see _config/digest-data.ts).
 */
export default function (eleventyConfig: any) {
  // Eleventy reads _data/*.ts (where the site is published) only through a registered extension.
  eleventyConfig.addDataExtension("ts", {
    read: false,
    parser: async (file: string) => {
      const { default: data } = await import(pathToFileURL(file).href);
      return typeof data === "function" ? data() : data;
    },
  });

  eleventyConfig.addPlugin(nunjucksFrames);
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPlugin(filters);
  eleventyConfig.addPlugin(feeds);
  eleventyConfig.addPlugin(search);
  eleventyConfig.addPassthroughCopy({ "content/assets": "assets" });

  // Articles are data, read by src/content; only content/pages holds templates.
  eleventyConfig.ignores.add("content/articles/**");
}

export const config = {
  dir: { input: "content", includes: "../_includes", data: "../_data" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
  pathPrefix: siteConfig().pathPrefix,
};
