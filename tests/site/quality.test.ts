import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { crawl } from "../helpers/crawl.ts";
import { REPO } from "../helpers/build.ts";
import { SHARED_SITE_URL as SITE_URL, sharedSite } from "../helpers/shared-sites.ts";

const builds = [
  { name: "at the root", prefix: "/", site: "real" },
  { name: "under a path prefix", prefix: "/sous/chemin/", site: "realPrefixed" },
] as const;
const outputs = new Map<string, string>();

beforeAll(async () => {
  for (const build of builds) outputs.set(build.prefix, await sharedSite(build.site));
});

describe.each(builds)("the real site $name", ({ prefix }) => {
  it("has no broken internal link or anchor, in either language", () => {
    const { pages, links, broken } = crawl(outputs.get(prefix)!, SITE_URL, prefix);
    expect(broken).toEqual([]);
    expect(pages).toBeGreaterThan(15);
    expect(links).toBeGreaterThan(pages * 5);
  });
});

describe("HTML validity", () => {
  it("every page passes the W3C Nu HTML checker with no error", () => {
    const jar = path.join(REPO, "node_modules/vnu-jar/build/dist/vnu.jar");
    const result = spawnSync("java", ["-jar", jar, "--errors-only", "--skip-non-html", "--format", "json", outputs.get("/")!], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.error).toBeUndefined();
    const report = JSON.parse(result.stderr || result.stdout) as { messages: Array<{ url: string; message: string; type: string }> };
    expect(report.messages.map((m) => `${m.url}: ${m.message}`)).toEqual([]);
  });
});
