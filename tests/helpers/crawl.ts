import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

/** Every HTML file of a built site, as site paths ("/fr/index.html"). */
export function htmlFiles(output: string): string[] {
  return readdirSync(output, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .map((f) => `/${f.split(path.sep).join("/")}`)
    .sort();
}

/**
 * Follows every internal reference (links, stylesheets, scripts, images, alternates) of every
 * page of a built site and reports those that lead nowhere: a missing file, or a missing #anchor.
 * `siteUrl` + `prefix` is where the site is published; absolute URLs there count as internal.
 */
export function crawl(output: string, siteUrl: string, prefix = "/"): { pages: number; links: number; broken: BrokenLink[] } {
  const broken: BrokenLink[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      const $ = load(readFileSync(file, "utf8"));
      set = new Set($("[id]").map((_, el) => $(el).attr("id") ?? "").get());
      ids.set(file, set);
    }
    return set;
  };
  const base = new URL(prefix, siteUrl);
  let links = 0;
  const pages = htmlFiles(output);
  for (const page of pages) {
    const pageUrl = new URL(page.slice(1), base);
    const $ = load(readFileSync(path.join(output, page), "utf8"));
    const refs = $("a[href], link[href], script[src], img[src], form[action]")
      .map((_, el) => $(el).attr("href") ?? $(el).attr("src") ?? $(el).attr("action") ?? "")
      .get();
    for (const href of refs) {
      const target = new URL(href, pageUrl);
      if (target.origin !== base.origin) continue;
      links++;
      if (!target.pathname.startsWith(base.pathname)) {
        broken.push({ page, href, reason: `outside the path prefix ${prefix}` });
        continue;
      }
      let file = path.join(output, decodeURIComponent(target.pathname.slice(base.pathname.length)));
      if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
      if (!existsSync(file)) {
        broken.push({ page, href, reason: "no such file" });
        continue;
      }
      const anchor = decodeURIComponent(target.hash.slice(1));
      if (anchor && file.endsWith(".html") && !idsOf(file).has(anchor)) {
        broken.push({ page, href, reason: `no element with id "${anchor}"` });
      }
    }
  }
  return { pages: pages.length, links, broken };
}
