import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/build.ts";

/**
 * The reading face is served from the site, never fetched from elsewhere: every font the
 * stylesheets name is a file under content/assets/, under a licence shipped beside it.
 */
const ASSETS = path.join(REPO, "content/assets");

describe("the site's fonts", () => {
  const css = readFileSync(path.join(ASSETS, "site.css"), "utf8");
  const sources = [...css.matchAll(/@font-face\s*\{[^}]*?src:\s*url\(([^)]+)\)/g)].map((m) => m[1] as string);

  it("are files of the site, in WOFF2, with their licence", () => {
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const source of sources) {
      expect(source, "a relative address on the site").not.toMatch(/^(?:[a-z]+:)?\/\//i);
      const file = path.join(ASSETS, source);
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file).subarray(0, 4).toString("latin1")).toBe("wOF2");
    }
    expect(readFileSync(path.join(ASSETS, "fonts/OFL.txt"), "utf8")).toContain("SIL Open Font License");
  });

  it("show text while they load, and lead the reading face's stack", () => {
    for (const rule of css.match(/@font-face\s*\{[^}]*\}/g) ?? []) expect(rule).toContain("font-display:swap");
    expect(css).toMatch(/--serif:\s*"Source Serif 4",/);
  });
});
