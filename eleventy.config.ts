import { pathToFileURL } from "node:url";
import { HtmlBasePlugin } from "@11ty/eleventy";
import filters from "./_config/filters.ts";
import dev from "./_config/dev.ts";
import feeds from "./_config/feeds.ts";
import search from "./_config/search.ts";
import { siteConfig } from "./src/config.ts";

/** Wires things together; everything the pages show is computed in src/ and exposed by _data/. */
export default function (eleventyConfig: any) {
  // Eleventy reads _data/*.ts only through a registered extension; a data file's default export is
  // a function of no arguments, called on every build.
  eleventyConfig.addDataExtension("ts", {
    read: false,
    parser: async (file: string) => {
      const { default: data } = await import(pathToFileURL(file).href);
      return typeof data === "function" ? data() : data;
    },
  });

  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPlugin(filters);
  eleventyConfig.addPlugin(feeds);
  eleventyConfig.addPlugin(search);
  eleventyConfig.addPlugin(dev);
  eleventyConfig.addPassthroughCopy({ "content/assets": "assets" });

  // Articles are data, read by src/content; only content/pages holds templates.
  eleventyConfig.ignores.add("content/articles/**");
  eleventyConfig.addWatchTarget("content/articles/");
  eleventyConfig.addWatchTarget("src/");
}

export const config = {
  dir: { input: "content", includes: "../_includes", data: "../_data" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
  pathPrefix: siteConfig().pathPrefix,
};
