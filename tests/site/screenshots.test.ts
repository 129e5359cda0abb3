import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/languages.ts";
import { PAGE_KINDS, pagesToShoot, WIDTHS } from "../../scripts/screenshots.ts";
import { REPO, tempDir } from "../helpers/build.ts";
import { sharedSite } from "../helpers/shared-sites.ts";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's width and height, from its IHDR chunk (always the first, right after the signature). */
function pngSize(file: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(file);
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("npm run screenshots", () => {
  it("shoots every page kind in both languages at both widths, as PNGs of that width", { timeout: 180_000 }, async () => {
    const site = await sharedSite("real");
    const out = path.join(tempDir("screenshots"), "shots");
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/screenshots.ts", "--site", site, "--out", out], { cwd: REPO, encoding: "utf8" });
    expect(run.status).toBe(0);
    // Five articles: no topic or actor has more than its page lists, so none has a full list.
    const missing = pagesToShoot(site).missing;
    expect(missing).toEqual(["fr subject-articles (/fr/sujets/*/articles/)", "es subject-articles (/es/temas/*/articulos/)"]);
    expect(run.stderr.trim().split("\n")).toEqual(missing.map((kind) => `no page of this kind in ${site}, not shot: ${kind}`));

    const shot = PAGE_KINDS.filter((kind) => kind !== "subject-articles");
    const expected = LANGUAGES.flatMap((lang) => shot.flatMap((kind) => WIDTHS.map((width) => `${lang}-${kind}-${width}.png`)));
    expect(expected).toHaveLength(2 * 15 * 2);
    expect(readdirSync(out).sort()).toEqual([...expected].sort());
    expect(run.stdout.trim().split("\n").map((line) => path.basename(line)).sort()).toEqual([...expected].sort());
    for (const name of expected) {
      const size = pngSize(path.join(out, name));
      expect(size, name).toBeDefined();
      expect(size!.width, name).toBe(Number(name.match(/-(\d+)\.png$/)![1]));
      // Full page: a page is at least as tall as the window it was shot in.
      expect(size!.height, name).toBeGreaterThanOrEqual(900);
    }
  });

  it("names the kinds a site has no page of instead of failing: the fixture has no registry, so no topic or actor", async () => {
    const { pages, missing } = pagesToShoot(await sharedSite("fixture"));
    expect(missing).toEqual([
      "fr topic (/fr/sujets/*/)", "fr actor (/fr/acteurs/*/)", "fr subject-articles (/fr/sujets/*/articles/)",
      "es topic (/es/temas/*/)", "es actor (/es/actores/*/)", "es subject-articles (/es/temas/*/articulos/)",
    ]);
    expect(pages).toHaveLength(2 * (PAGE_KINDS.length - 3));
    expect(pages.find((page) => page.lang === "es" && page.kind === "article")?.url).toBe("/es/articulos/2025-03-04-reunion-frontera-ficticia/");
  });

  it("refuses a folder that holds no built site", () => {
    const empty = tempDir("no-site");
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/screenshots.ts", "--site", empty, "--out", path.join(empty, "shots")], { cwd: REPO, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("npm run build");
  });
});
