import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from "../../src/search/csp.ts";
import { FIXTURE_CONTENT, REPO, copyContent, runBuild, tempDir } from "../helpers/build.ts";
import { snapshot } from "../helpers/tree.ts";

/**
 * The real `npm run check` and `npm run build`, in child processes, on content holding one unsafe
 * input each: both exit 1 naming the file and the field, and the site built before is untouched.
 */

const SLUG = "2025-03-04-reunion-frontera-ficticia";

function rewrite(file: string, change: (text: string) => string) {
  const before = readFileSync(file, "utf8");
  const after = change(before);
  expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
  writeFileSync(file, after);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const check = (content: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/check.ts", "--content", content], { cwd: REPO, encoding: "utf8" });

interface Case {
  name: string;
  /** The shipped corpus when the case needs its registry, the fixture article otherwise. */
  from: "fixture" | "shipped";
  edit: (content: string) => void;
  /** The end of the file's path, and the field, both commands name. */
  file: string;
  field: string;
  excerpt: RegExp;
}

const article = (content: string, file: string) => path.join(content, "articles", SLUG, file);

const CASES: Case[] = [
  {
    name: "a javascript: address",
    from: "fixture",
    edit: (c) => rewrite(article(c, "article.yaml"), (t) => t.replace(/^url:.*$/m, 'url: "javascript:alert(document.cookie)"')),
    file: `${SLUG}/article.yaml`,
    field: "url",
    excerpt: /expected the address of the original article, such as https:\/\/… \(http or https, with a host\); found "javascript:alert\(document\.cookie\)", which starts with "javascript:"/,
  },
  {
    name: "a NULL escape in a title",
    from: "fixture",
    edit: (c) => rewrite(article(c, "article.yaml"), (t) => t.replace('title: "México', 'title: "Mé\\0xico')),
    file: `${SLUG}/article.yaml`,
    field: "title",
    excerpt: /found U\+0000 NULL at position 3 \(after "Mé"\)\./,
  },
  {
    name: "a RIGHT-TO-LEFT OVERRIDE in a lede",
    from: "fixture",
    edit: (c) => rewrite(article(c, "summary.fr.md"), (t) => t.replace('lede: "Les deux', 'lede: "Les\\u202E deux')),
    file: `${SLUG}/summary.fr.md`,
    field: "lede",
    excerpt: /found U\+202E RIGHT-TO-LEFT OVERRIDE at position 4 \(after "Les"\)/,
  },
  {
    name: "a publication date in 2099",
    from: "fixture",
    edit: (c) => rewrite(article(c, "article.yaml"), (t) => t.replace("date: 2025-03-04", "date: 2099-12-31")),
    file: `${SLUG}/article.yaml`,
    field: "date",
    excerpt: /expected a publication date on or before today \(\d{4}-\d{2}-\d{2} in Mexico City.*found "2099-12-31", a date that has not come yet/,
  },
  {
    name: "a tracking image in a summary",
    from: "fixture",
    edit: (c) => rewrite(article(c, "summary.es.md"), (t) => `${t.trimEnd()}\n\n![](https://tracker.example/p.gif)\n`),
    file: `${SLUG}/summary.es.md`,
    field: "body",
    excerpt: /expected a summary in text only, without images; found an image "https:\/\/tracker\.example\/p\.gif"/,
  },
  {
    name: "an unclosed tag in a lede",
    from: "fixture",
    edit: (c) => rewrite(article(c, "summary.es.md"), (t) => t.replace(/^lede: "/m, 'lede: "<img src=x onerror=alert(1) ')),
    file: `${SLUG}/summary.es.md`,
    field: "lede",
    excerpt: /expected a one-sentence lede as plain text, without HTML tags; found .*the start of a tag "<img src=x onerror=alert\(1\)/,
  },
  {
    name: "an impossible role date",
    from: "shipped",
    edit: (c) => rewrite(path.join(c, "actors", "claudia-sheinbaum.yaml"), (t) => t.replace("from: 2024-10-01", "from: 2021-02-30")),
    file: "actors/claudia-sheinbaum.yaml",
    field: "roles.0.from",
    excerpt: /February 2021 has 28 days, not 30/,
  },
  {
    name: "two presidents of Mexico at once",
    from: "shipped",
    edit: (c) => rewrite(path.join(c, "actors", "claudia-sheinbaum.yaml"), (t) => t.replace("from: 2024-10-01", "from: 2024-06-01")),
    file: "actors/claudia-sheinbaum.yaml",
    field: "roles.0.from",
    excerpt: /one holder at a time of the role "président du Mexique".*while Andrés Manuel López Obrador/,
  },
  {
    name: "an alias shared by two actors",
    from: "shipped",
    edit: (c) => rewrite(path.join(c, "actors", "kamala-harris.yaml"), (t) => t.replace(/^(aliases:\n  any: \[)/m, '$1"Biden", ')),
    file: "actors/kamala-harris.yaml",
    field: "aliases.any.0",
    excerpt: /found "Biden", which is also an alias of Joe Biden/,
  },
];

describe("unsafe input, through the real commands", () => {
  let output: string;
  let before: Record<string, string>;

  beforeAll(() => {
    output = path.join(tempDir("unsafe"), "_site");
    const built = runBuild({ content: FIXTURE_CONTENT, output });
    expect(built.status, built.stderr).toBe(0);
    before = snapshot(output);
  });

  it.each(CASES)("$name: the check and the build exit 1, naming the file and the field, and the site stays byte for byte", (c) => {
    const content = copyContent(c.from === "fixture" ? FIXTURE_CONTENT : path.join(REPO, "content"));
    c.edit(content);

    const checked = check(content);
    const checkOutput = checked.stdout + checked.stderr;
    expect(checked.status, checkOutput).toBe(1);
    // The check groups problems by file: the file on its own line, then each field.
    expect(checkOutput).toMatch(new RegExp(`${escape(c.file)}\\n\\s+field "${escape(c.field)}": expected`));
    expect(checkOutput).toMatch(c.excerpt);

    const built = runBuild({ content, output });
    expect(built.status, built.stderr).toBe(1);
    expect(built.stderr).toContain(`${c.file}: field "${c.field}": expected`);
    expect(built.stderr).toMatch(c.excerpt);
    expect(built.stderr).toMatch(/Build refused: .*_site was left as it was/);
    expect(snapshot(output)).toEqual(before);
  });

  it("every page carries the policy in its head, before anything it governs; _headers keeps the full one", () => {
    const pages = Object.keys(before).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const $ = load(readFileSync(path.join(output, page), "utf8"));
      const meta = $('head meta[http-equiv="Content-Security-Policy"]');
      expect(meta.length, page).toBe(1);
      expect(meta.attr("content"), page).toBe(META_CONTENT_SECURITY_POLICY);
      // Only the charset comes before it: it governs every stylesheet, script and image after it.
      expect($("head").children().first().is("meta[charset]"), page).toBe(true);
      expect($("head").children().eq(1).is(meta), page).toBe(true);
    }
    expect(META_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ""));
    expect(readFileSync(path.join(output, "_headers"), "utf8")).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`);
  });
});
