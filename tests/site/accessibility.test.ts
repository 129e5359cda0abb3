import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES, type Lang } from "../../src/languages.ts";
import { routes } from "../../src/site/routes.ts";
import { sharedSite } from "../helpers/shared-sites.ts";
import { serveSite, type ServedSite } from "../helpers/serve.ts";
import { launchChromium } from "../helpers/chromium.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** One page of every kind the site has. */
const PAGES = (lang: Lang): Record<string, string> => ({
  home: routes.home(lang),
  article: routes.article(lang, "2024-01-19-blinken-barcena-washington"),
  topics: routes.topics(lang),
  topic: lang === "fr" ? "/fr/sujets/migration/" : "/es/temas/migracion/",
  actors: routes.actors(lang),
  actor: lang === "fr" ? "/fr/acteurs/maison-blanche/" : "/es/actores/casa-blanca/",
  timeline: routes.timeline(lang),
  figures: routes.figures(lang),
  quotes: routes.quotes(lang),
  editions: routes.editions(lang),
  edition: routes.edition(lang, "2024-01"),
  search: routes.search(lang),
  notFound: routes.notFound(lang),
  feeds: lang === "fr" ? "/fr/flux/" : "/es/canales/",
  about: routes.about(lang),
});

let browser: Browser;
let served: ServedSite;

beforeAll(async () => {
  served = await serveSite(await sharedSite("real"));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function violations(url: string): Promise<string[]> {
  // axe is injected by the test, not shipped: the site's strict CSP must not block it.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  try {
    const response = await page.goto(served.url(url));
    expect(response?.status(), url).toBeLessThan(400);
    await page.addScriptTag({ content: axeSource });
    const found = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
      const result = await axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    });
    return found;
  } finally {
    await context.close();
  }
}

describe.each(LANGUAGES)("axe-core in %s", (lang) => {
  it.each(Object.entries(PAGES(lang)))("finds no violation on the %s page", async (_kind, url) => {
    expect(await violations(url)).toEqual([]);
  });
});

describe("axe-core at the root", () => {
  it("finds no violation on the language chooser", async () => {
    expect(await violations("/")).toEqual([]);
  });
});
