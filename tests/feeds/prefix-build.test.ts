import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO, runBuild, tempDir } from "../helpers/build.ts";
import { autodiscovery, builtFeeds, stylesheetHref, urlsIn } from "./feed-files.ts";
import { type BuiltSite, feedInvariants } from "./invariants.ts";

/** A site served from a sub-path: every feed URL carries the site URL and the prefix, once. */
const CONTENT = path.join(REPO, "tests/fixtures/feeds-content");
const HOST = "feeds.example.net";
const BASE = `https://${HOST}/digest/`;

let site: BuiltSite;

beforeAll(() => {
  const output = path.join(tempDir("feeds-prefix"), "_site");
  // Written the way people write them: a trailing slash on the URL, none around the prefix.
  const result = runBuild({ content: CONTENT, output, env: { SITE_URL: `https://${HOST}/`, PATH_PREFIX: "digest" } });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  site = { output, base: BASE };
});

describe("the feeds of a site under a path prefix", () => {
  feedInvariants(() => site);

  it("writes every URL of the site, in every feed, with the prefix exactly once", () => {
    for (const feed of builtFeeds(site.output)) {
      const own = urlsIn(feed.text).filter((url) => new URL(url).host === HOST);
      expect(own.length, feed.url).toBeGreaterThan(3);
      for (const url of own) {
        expect(url.startsWith(BASE), url).toBe(true);
        expect(url, url).not.toContain("/digest/digest/");
      }
    }
  });

  it("points the XSL processing instruction and the autodiscovery links at the prefixed paths", () => {
    const atom = readFileSync(path.join(site.output, "fr/flux/articles.atom.xml"), "utf8");
    expect(stylesheetHref(atom)).toBe("/digest/fr/flux/style.xsl");
    const home = readFileSync(path.join(site.output, "es/index.html"), "utf8");
    expect(autodiscovery(home).map((l) => l.href)).toEqual([
      `${BASE}es/canales/articulos.atom.xml`,
      `${BASE}es/canales/articulos.rss.xml`,
      `${BASE}es/canales/articulos.json`,
    ]);
  });
});
