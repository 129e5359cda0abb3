/**
 * npm run screenshots [-- --site DIR --out DIR --path-prefix /digest/]
 *
 * A full-page screenshot of one page of every kind, in both languages, at a desktop and a phone
 * width, from a site already built (this script builds nothing): <lang>-<kind>-<width>.png in
 * --out (default .screenshots/). A kind this site has no page of (a corpus without a registry
 * has no topic pages; a small one no full list of a subject's articles) is named on stderr and
 * skipped. Where a kind has many pages (articles, topics, actors, editions),
 * the one with the most HTML is taken: the longest lists are where a layout breaks first.
 * The folder is served on 127.0.0.1 by a small static server, stopped at the end, under the path
 * prefix the site was built with (--path-prefix, default /), and the pages are opened in Debian's
 * Chromium.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { feedRoutes } from "../src/feeds/routes.ts";
import { LANGUAGES, type Lang } from "../src/languages.ts";
import { routes } from "../src/site/routes.ts";
import { serveSite } from "./lib/serve-site.ts";

export const WIDTHS = [1280, 390] as const;

/**
 * One page per kind; a kind with many pages names the folder that holds them (and, for pages
 * beneath each of its subfolders, the rest of their path).
 */
const KINDS: Record<string, (lang: Lang) => { url: string } | { under: string; then?: string }> = {
  home: (lang) => ({ url: routes.home(lang) }),
  article: (lang) => ({ under: `${path.posix.dirname(routes.article(lang, "x"))}/` }),
  "topics-index": (lang) => ({ url: routes.topics(lang) }),
  topic: (lang) => ({ under: routes.topics(lang) }),
  "actors-index": (lang) => ({ url: routes.actors(lang) }),
  actor: (lang) => ({ under: routes.actors(lang) }),
  "subject-articles": (lang) => ({ under: routes.topics(lang), then: routes.subjectArticles(lang, "") }),
  timeline: (lang) => ({ url: routes.timeline(lang) }),
  figures: (lang) => ({ url: routes.figures(lang) }),
  quotes: (lang) => ({ url: routes.quotes(lang) }),
  editions: (lang) => ({ url: routes.editions(lang) }),
  edition: (lang) => ({ under: routes.editions(lang) }),
  search: (lang) => ({ url: routes.search(lang) }),
  feeds: (lang) => ({ url: feedRoutes.page(lang) }),
  about: (lang) => ({ url: routes.about(lang) }),
  "not-found": (lang) => ({ url: routes.notFound(lang) }),
};

export const PAGE_KINDS = Object.keys(KINDS);

/** The page of a folder's direct subfolders (or of `then` beneath each) with the largest index.html. */
function richestPage(site: string, under: string, then = ""): string | undefined {
  const folder = path.join(site, under);
  if (!existsSync(folder)) return undefined;
  let best: { url: string; size: number } | undefined;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name, then, "index.html");
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const size = statSync(file).size;
    if (!best || size > best.size || (size === best.size && `${under}${entry.name}/${then}` < best.url)) {
      best = { url: `${under}${entry.name}/${then}`, size };
    }
  }
  return best?.url;
}

function pageFile(site: string, url: string): string {
  return url.endsWith("/") ? path.join(site, url, "index.html") : path.join(site, url);
}

export interface Shot {
  lang: Lang;
  kind: string;
  url: string;
}

/**
 * The pages to shoot, and the kinds this site has no page of (a corpus without a registry has no
 * topic or actor pages): those are named, not shot.
 */
export function pagesToShoot(site: string): { pages: Shot[]; missing: string[] } {
  const pages: Shot[] = [];
  const missing: string[] = [];
  for (const lang of LANGUAGES) {
    for (const [kind, where] of Object.entries(KINDS)) {
      const place = where(lang);
      const url = "url" in place ? place.url : richestPage(site, place.under, place.then);
      if (url && existsSync(pageFile(site, url))) pages.push({ lang, kind, url });
      else missing.push(`${lang} ${kind} (${"url" in place ? place.url : `${place.under}*/${place.then ?? ""}`})`);
    }
  }
  return { pages, missing };
}

export async function takeScreenshots(site: string, out: string, pages: Shot[], pathPrefix = "/"): Promise<string[]> {
  mkdirSync(out, { recursive: true });
  const server = await serveSite(site, `/${pathPrefix}/`.replace(/\/+/g, "/"));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const written: string[] = [];
  try {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      const tab = await context.newPage();
      for (const { lang, kind, url } of pages) {
        await tab.goto(server.url(url), { waitUntil: "load" });
        const file = path.join(out, `${lang}-${kind}-${width}.png`);
        await tab.screenshot({ path: file, fullPage: true });
        written.push(file);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: {
    site: { type: "string", default: "_site" },
    out: { type: "string", default: ".screenshots" },
    "path-prefix": { type: "string", default: "/" },
  } });
  const site = path.resolve(values.site);
  if (!existsSync(path.join(site, "index.html"))) {
    console.error(`${site} holds no built site (no index.html): run npm run build first, or pass --site DIR.`);
    process.exit(1);
  }
  const { pages, missing } = pagesToShoot(site);
  for (const kind of missing) console.error(`no page of this kind in ${site}, not shot: ${kind}`);
  try {
    for (const file of await takeScreenshots(site, path.resolve(values.out), pages, values["path-prefix"])) console.log(path.relative(process.cwd(), file));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
