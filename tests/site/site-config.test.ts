import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SiteConfigError, readSiteFile, siteConfig } from "../../src/config.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { validateContent } from "../../src/validate.ts";
import { FIXTURE_CONTENT, tempDir } from "../helpers/build.ts";
import { type Message, say } from "../../src/messages/index.ts";

const en = (message: Message | undefined) => (message === undefined ? undefined : say("en", message));

function siteFile(text: string): string {
  const dir = tempDir("site-file");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "site.yaml");
  writeFileSync(file, text);
  return file;
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof SiteConfigError) return error.problems.map((p) => formatProblem(p));
    throw error;
  }
  return [];
}

describe("the site's address", () => {
  it("is not set by a missing file, an empty field or a file of comments: the site is not for publishing", () => {
    for (const file of [path.join(tempDir("no-site-file"), "site.yaml"), siteFile("address:\npathPrefix: /\n"), siteFile("# nothing yet\n")]) {
      expect(siteConfig({}, file)).toEqual({ url: "http://localhost:8080", pathPrefix: "/", forPublishing: false, addressFrom: null });
    }
  });

  it("comes from the site file, with its prefix", () => {
    const file = siteFile("address: https://digest.example.org/\npathPrefix: digest\n");
    expect(siteConfig({}, file)).toEqual({ url: "https://digest.example.org", pathPrefix: "/digest/", forPublishing: true, addressFrom: "site file" });
  });

  it("SITE_URL and PATH_PREFIX override the file; an empty SITE_URL does not", () => {
    const file = siteFile("address: https://digest.example.org\npathPrefix: /digest/\n");
    expect(siteConfig({ SITE_URL: "https://staging.example.org", PATH_PREFIX: "/" }, file)).toMatchObject({ url: "https://staging.example.org", pathPrefix: "/", addressFrom: "SITE_URL" });
    expect(siteConfig({ SITE_URL: "" }, file)).toMatchObject({ url: "https://digest.example.org", pathPrefix: "/digest/", addressFrom: "site file" });
  });

  it("is refused, naming the file, the field, what was expected and found, when it is not an origin", () => {
    const file = siteFile("address: https://example.org/digest/\n");
    const [problem] = problemsOf(() => siteConfig({}, file));
    expect(problem).toContain(`${path.relative(process.cwd(), file)}: field "address": expected the site's public address`);
    expect(problem).toContain('found "https://example.org/digest/", which has a path');
    expect(problem).toContain("put the path in pathPrefix (/digest/)");
    expect(problemsOf(() => siteConfig({}, siteFile("address: ftp://example.org\n")))[0]).toContain("not an absolute http(s) address");
    expect(problemsOf(() => siteConfig({ SITE_URL: "example.org" }, siteFile("")))[0]).toMatch(/^SITE_URL: expected/);
  });

  it("is read like other content: unknown fields and YAML errors are problems", () => {
    expect(problemsOf(() => siteConfig({}, siteFile("adress: https://example.org\n")))[0]).toMatch(/field "adress": expected no such field/);
    expect(en(readSiteFile(siteFile("address: [\n")).problems[0]?.found)).toMatch(/^a syntax error at line/);
    expect(problemsOf(() => siteConfig({}, siteFile("- https://example.org\n")))[0]).toMatch(/expected the site's settings as fields/);
  });
});

describe("a broken site file", () => {
  it("is a validation error, so the check and the development server report it as the build does", () => {
    const siteFile = path.join(tempDir("site-file"), "site.yaml");
    writeFileSync(siteFile, "address: ftp://example.org\n");
    const { problems } = validateContent(FIXTURE_CONTENT, { siteFile });
    expect(problems).toEqual([expect.objectContaining({ rule: "site-file", severity: "error", file: expect.stringContaining("site.yaml"), field: "address" })]);
  });
});
