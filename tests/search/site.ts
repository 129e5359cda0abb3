import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { expect } from "vitest";
import { normalizePathPrefix } from "../../src/config.ts";
import { runBuild, tempDir } from "../helpers/build.ts";
import { type ServedSite, serveSite } from "../helpers/serve.ts";

/** Builds a content folder with the production build (search phase included) and serves it. */
export async function buildAndServe(options: { content?: string; pathPrefix?: string; name: string }): Promise<{ output: string; site: ServedSite }> {
  const output = path.join(tempDir(`search-${options.name}`), "_site");
  const env: Record<string, string> = options.pathPrefix ? { PATH_PREFIX: options.pathPrefix } : {};
  const result = runBuild({ content: options.content, output, env });
  // Eleventy prints "[11ty] Benchmark" notices when a loaded machine makes a filter look slow.
  expect(result.stderr.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("[11ty] Benchmark"))).toEqual([]);
  expect(result.status).toBe(0);
  return { output, site: await serveSite(output, normalizePathPrefix(options.pathPrefix)) };
}

/**
 * The words of a built page that its language's index holds: the text inside data-pagefind-body,
 * without what data-pagefind-ignore leaves out. Tests derive expected results from it instead of
 * listing them by hand.
 */
export function indexedText(output: string, siteUrl: string): string {
  const $ = load(readFileSync(path.join(output, siteUrl, "index.html"), "utf8"));
  const body = $("[data-pagefind-body]");
  body.find("[data-pagefind-ignore]").remove();
  return body.text().replace(/\s+/g, " ");
}

/** Every page of one language that Pagefind indexes (articles, actors, topics), by site URL, with its indexed text. */
export function indexedPages(output: string, lang: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const file of readdirSync(path.join(output, lang), { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith("index.html")) continue;
    const url = `/${lang}/${file.slice(0, -"index.html".length)}`;
    if (readFileSync(path.join(output, url, "index.html"), "utf8").includes("data-pagefind-body")) pages.set(url, indexedText(output, url));
  }
  return pages;
}
