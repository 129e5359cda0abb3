import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeSite, removeTree } from "../../scripts/lib/output-publish.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "digest-remove-tree-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("removing a replaced site", () => {
  it("deletes every file and folder under it, and the folder", () => {
    const site = path.join(dir, "_site.old-12");
    for (const page of ["fr/articles/a/index.html", "es/articulos/a/index.html", "pagefind/fragment/fr_1.pf_fragment", "index.html", ".digest-build"]) {
      mkdirSync(path.dirname(path.join(site, page)), { recursive: true });
      writeFileSync(path.join(site, page), "x");
    }
    mkdirSync(path.join(site, "fr", "empty"));
    removeSite(site);
    expect(existsSync(site)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("unlinks a symbolic link inside it without following it", () => {
    const mine = path.join(dir, "mine");
    mkdirSync(mine);
    writeFileSync(path.join(mine, "notes.md"), "kept");
    writeFileSync(path.join(dir, "kept.txt"), "kept");
    const site = path.join(dir, "_site");
    mkdirSync(path.join(site, "fr"), { recursive: true });
    symlinkSync(mine, path.join(site, "fr", "linked-folder"));
    symlinkSync(path.join(dir, "kept.txt"), path.join(site, "linked-file"));
    removeTree(site);
    expect(existsSync(site)).toBe(false);
    expect(readdirSync(mine)).toEqual(["notes.md"]);
    expect(readdirSync(dir).sort()).toEqual(["kept.txt", "mine"]);
  });

  it("does nothing to a folder that is not there", () => {
    expect(() => removeTree(path.join(dir, "missing"))).not.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
