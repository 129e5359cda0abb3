import type { Browser, Page } from "playwright-core";

export { launchChromium } from "../helpers/chromium.ts";

/** A page whose every console error, uncaught error and request is kept for the test to check. */
export interface WatchedPage {
  page: Page;
  /** Console errors and warnings (CSP violations are reported there), and uncaught exceptions. */
  problems: string[];
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Body sizes of finished responses, by URL. */
  responseBytes: Map<string, number>;
}

export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watched: WatchedPage = { page, problems: [], requests: [], responseBytes: new Map() };
  page.on("console", (message) => {
    if (message.type() !== "error" && message.type() !== "warning") return;
    // Chromium asks every origin for /favicon.ico; the site has none, and that is not search's doing.
    if (message.location().url.endsWith("/favicon.ico")) return;
    watched.problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => watched.problems.push(`pageerror: ${error.message}`));
  page.on("request", (request) => watched.requests.push(request.url()));
  page.on("requestfinished", async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (sizes) watched.responseBytes.set(request.url(), sizes.responseBodySize);
  });
  return watched;
}

export interface ShownResult {
  title: string;
  href: string;
  date: string;
  datetime: string;
  excerpt: string;
  marks: string[];
}

/** Waits until the search page has shown the outcome of one more search than `before`. */
export async function waitForSearch(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (n) => Number(document.querySelector<HTMLElement>("[data-search]")?.dataset.searches ?? 0) > n,
    before,
    { timeout: 15_000 },
  );
}

export async function searchCount(page: Page): Promise<number> {
  return page.$eval("[data-search]", (el) => Number((el as HTMLElement).dataset.searches ?? 0));
}

/** Opens a search page with a query (and filters) in its address, as the header form does. */
export async function openSearch(page: Page, searchPageUrl: string, params: Record<string, string>): Promise<void> {
  await page.goto(`${searchPageUrl}?${new URLSearchParams(params)}`);
  await waitForSearch(page, 0);
}

/** Changes one menu of the search form, as a reader would, and waits for the new results. */
export async function choose(page: Page, menu: string, value: string): Promise<void> {
  const before = await searchCount(page);
  await page.selectOption(`select[name="${menu}"]`, value);
  await waitForSearch(page, before);
}

export async function shownResults(page: Page): Promise<ShownResult[]> {
  return page.$$eval(".search-result", (items) =>
    items.map((item) => ({
      title: item.querySelector("h2 a")?.textContent ?? "",
      href: item.querySelector("h2 a")?.getAttribute("href") ?? "",
      date: item.querySelector("time")?.textContent ?? "",
      datetime: item.querySelector("time")?.getAttribute("datetime") ?? "",
      excerpt: item.querySelector(".excerpt")?.textContent ?? "",
      // In the excerpt, or in a topic's or an actor's name and description.
      marks: [...item.querySelectorAll("mark")].map((mark) => mark.textContent ?? ""),
    })),
  );
}

/** Every result of the current search, asking for more until none is left. */
export async function allResults(page: Page): Promise<ShownResult[]> {
  while (await page.isVisible("[data-search-more]")) {
    const before = (await shownResults(page)).length;
    await page.click("[data-search-more]");
    await page.waitForFunction((n) => document.querySelectorAll(".search-result").length > n, before);
  }
  return shownResults(page);
}

export async function statusText(page: Page): Promise<string> {
  return (await page.textContent("[data-search-status]"))?.trim() ?? "";
}

/** "Frontière" → "frontiere": how a reader who types without accents spells a word. */
export function plain(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
