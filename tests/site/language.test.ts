import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { copyContent, REPO, runBuild, tempDir } from "../helpers/build.ts";
import { SHARED_SITE_URL, sharedSite } from "../helpers/shared-sites.ts";
import { formatShare, languageShare, textBlocks, type ShareReport } from "./language-share.ts";

/**
 * A page in one language shows its facts in that language (issue 14): other-language text,
 * outside the article's own source text and the originals a reader opens on demand, is at most
 * a tenth of a side's words and a fifth of any kind of page's, and every block in another
 * language says so with `lang`. The shipped content has French sources only, so the French side
 * is measured on a copy of it joined by a made-up Spanish-source article (fixtures/es-source/).
 */
const SIDE_LIMIT = 0.1;
const KIND_LIMIT = 0.2;

const reports = new Map<string, ShareReport>();

beforeAll(async () => {
  reports.set("shipped content", languageShare(await sharedSite("real")));
  const content = copyContent(path.join(REPO, "content"), "lang-content");
  cpSync(path.join(import.meta.dirname, "fixtures/es-source"), path.join(content, "articles"), { recursive: true });
  const output = path.join(tempDir("lang-site"), "_site");
  const build = runBuild({ content, output, env: { SITE_URL: SHARED_SITE_URL, PATH_PREFIX: "/" } });
  expect(build.stderr).toBe("");
  expect(build.status).toBe(0);
  reports.set("with a Spanish source", languageShare(output));
}, 180_000);

describe.each(["shipped content", "with a Spanish source"])("the site built from the %s", (name) => {
  it("shows each side's text in its own language", () => {
    const report = reports.get(name)!;
    console.log(`Other-language share of the words, ${name}:\n${formatShare(report)}`);
    for (const [side, total] of Object.entries(report.bySide)) {
      expect.soft(total.share, `${side}: ${total.otherWords} of ${total.words} words`).toBeLessThanOrEqual(SIDE_LIMIT);
    }
    for (const [kind, total] of Object.entries(report.byKind)) {
      expect.soft(total.share, `${kind}: ${total.otherWords} of ${total.words} words`).toBeLessThanOrEqual(KIND_LIMIT);
    }
  });

  it("marks every block in another language with its lang", () => {
    const unmarked = reports.get(name)!.pages.flatMap((p) => p.unmarked.map((b) => `${p.page} [lang=${b.declared}, reads ${b.guessed}]: ${b.text.slice(0, 80)}`));
    expect(unmarked).toEqual([]);
  });
});

describe("French typography", () => {
  // A plain or a wide no-break space where French wants a narrow one, in what a reader sees.
  const LOOSE = /«[ \u00a0]|[ \u00a0][»;:!?]|«[^\u202f]/u;

  it("puts a narrow no-break space inside « » and before ; : ! ? on every French page", async () => {
    const output = await sharedSite("real");
    const loose = reports
      .get("shipped content")!
      .pages.filter((p) => p.lang === "fr")
      .flatMap((p) => textBlocks(load(readFileSync(path.join(output, p.page), "utf8"))).filter((b) => b.declared === "fr" && LOOSE.test(b.text)).map((b) => `${p.page}: ${b.text}`));
    expect(loose).toEqual([]);
  });

  it("applies to the source text shown on the site, which stays as written in content/", async () => {
    const output = await sharedSite("real");
    const $ = load(readFileSync(path.join(output, "fr/articles/2024-01-19-blinken-barcena-washington/index.html"), "utf8"));
    const source = $(".source-text").text();
    expect(source).toContain("«\u202fœuvrer ensemble\u202f»");
    expect(source).not.toMatch(LOOSE);
    const stored = readFileSync(path.join(REPO, "content/articles/2024-01-19-blinken-barcena-washington/source.txt"), "utf8");
    expect(stored).toContain("œuvrer ensemble");
    expect(stored).not.toContain("«\u202fœuvrer ensemble\u202f»");
  });
});

describe("the measure", () => {
  it("sees the French side's facts from the Spanish source", () => {
    // The fixture must reach the French pages, or the French side would be measured on nothing.
    const report = reports.get("with a Spanish source")!;
    const article = report.pages.find((p) => p.page.startsWith("/fr/articles/2025-03-12-seguridad-frontera-ficticia/"));
    expect(article?.words).toBeGreaterThan(200);
  });
});
