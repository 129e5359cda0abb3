import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { htmlFiles } from "../helpers/crawl.ts";
import { SHARED_SITES, sharedSite, type SharedSiteName } from "../helpers/shared-sites.ts";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe.each(["real", "realPrefixed"] satisfies SharedSiteName[])("icons of the %s site", (name) => {
  const prefix = SHARED_SITES[name].pathPrefix || "/";

  it("links a favicon and a 180 px touch icon from every page, and both are in the site", async () => {
    const site = await sharedSite(name);
    const pages = htmlFiles(site);
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const $ = load(readFileSync(path.join(site, page), "utf8"));
      for (const rel of ["icon", "apple-touch-icon"]) {
        const links = $(`head link[rel="${rel}"]`);
        expect(links.length, `${page} ${rel}`).toBe(1);
        const href = links.attr("href") ?? "";
        expect(href.startsWith(prefix), `${page}: ${href} under ${prefix}`).toBe(true);
        expect(existsSync(path.join(site, href.slice(prefix.length))), `${page}: ${href}`).toBe(true);
      }
    }
    const $ = load(readFileSync(path.join(site, pages[0]!), "utf8"));
    const icon = readFileSync(path.join(site, ($('link[rel="apple-touch-icon"]').attr("href") ?? "").slice(prefix.length)));
    expect(icon.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([180, 180]);
  });
});
