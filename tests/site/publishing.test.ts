import { cpSync, existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NOT_FOR_PUBLISHING } from "../../src/config.ts";
import { FIXTURE_CONTENT, REPO, type BuildResult, runBuild, tempDir } from "../helpers/build.ts";

/**
 * A production build says whether it may be published: with no address it builds, says so in its
 * last lines and marks the output; with one (the site file or SITE_URL) it carries no mark.
 */
const NOINDEX = '<meta name="robots" content="noindex">';
const UNSET = { SITE_URL: "", PATH_PREFIX: "/" };

function htmlPages(output: string): string[] {
  return readdirSync(output, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => readFileSync(path.join(output, file), "utf8"));
}

/** Every text file of the output, to look for an address in any of them. */
function textOf(output: string): string {
  return readdirSync(output, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(html|xml|json|txt)$/.test(file) && !file.startsWith("pagefind"))
    .map((file) => readFileSync(path.join(output, file), "utf8"))
    .join("\n");
}

function build(env: Record<string, string>, root = REPO): BuildResult {
  const output = path.join(tempDir("publishing"), "_site");
  if (root === REPO) return runBuild({ content: FIXTURE_CONTENT, output, env });
  return runBuild({ content: path.join(root, "tests/fixtures/content"), output, env, cwd: root });
}

describe("a production build with no site address", () => {
  let result: BuildResult;
  beforeAll(() => {
    result = build(UNSET);
  });

  it("builds, and its last lines say it is not for publishing and which file to set", () => {
    expect(result.status).toBe(0);
    const last = result.stdout.trimEnd().split("\n").slice(-3).join("\n");
    expect(last).toContain("NOT FOR PUBLISHING: no site address is set");
    expect(last).toContain("set address: in content/site.yaml");
    expect(last).toContain(NOT_FOR_PUBLISHING);
  });

  it("marks the output: noindex on every page, robots.txt disallowing all, the marker file", () => {
    const pages = htmlPages(result.output);
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) expect(page).toContain(NOINDEX);
    expect(readFileSync(path.join(result.output, "robots.txt"), "utf8")).toBe("User-agent: *\nDisallow: /\n");
    expect(readFileSync(path.join(result.output, NOT_FOR_PUBLISHING), "utf8")).toContain("content/site.yaml");
  });
});

describe("a production build with an address", () => {
  function expectPublishable(result: BuildResult, base: string) {
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain("NOT FOR PUBLISHING");
    expect(existsSync(path.join(result.output, NOT_FOR_PUBLISHING))).toBe(false);
    for (const page of htmlPages(result.output)) expect(page).not.toContain('name="robots"');
    expect(readFileSync(path.join(result.output, "robots.txt"), "utf8")).toBe(`User-agent: *\nAllow: /\nSitemap: ${base}sitemap.xml\n`);
    const text = textOf(result.output);
    expect(text).toContain(`${base}fr/`);
    expect(text).not.toContain("localhost");
  }

  it("from SITE_URL carries no mark", () => {
    expectPublishable(build({ SITE_URL: "https://env.example.org", PATH_PREFIX: "/" }), "https://env.example.org/");
  });

  it("from content/site.yaml carries no mark, and PATH_PREFIX still overrides its prefix", () => {
    // A copy of the project, so its own content/site.yaml can say where it publishes.
    const root = path.join(tempDir("site-file-project"), "project");
    cpSync(REPO, root, { recursive: true, filter: (from) => !/^(node_modules|\.git|_site.*|\.cache|\.bench)$/.test(path.relative(REPO, from)) });
    symlinkSync(path.join(REPO, "node_modules"), path.join(root, "node_modules"));
    writeFileSync(path.join(root, "content/site.yaml"), "address: https://file.example.org\npathPrefix: /digest/\n");
    expectPublishable(build({ SITE_URL: "" }, root), "https://file.example.org/digest/");
    expectPublishable(build({ SITE_URL: "", PATH_PREFIX: "/" }, root), "https://file.example.org/");
  });
});
