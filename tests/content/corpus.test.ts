import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, cpSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpus } from "../../src/content/corpus.ts";
import { ContentError, formatProblem } from "../../src/content/problems.ts";
import { FIXTURE_CONTENT, REPO, copyContent } from "../helpers/build.ts";
import { digestOf } from "../helpers/digest.ts";

const SLUG = "2025-03-04-reunion-frontera-ficticia";

/** A private copy of the Spanish fixture, changed by `edit`, then read back. */
function readAfter(edit: (folder: string) => void) {
  const content = copyContent(FIXTURE_CONTENT);
  const folder = path.join(content, "articles", SLUG);
  edit(folder);
  const { articles, problems } = readCorpus(content);
  return { articles, problems, messages: problems.map((p) => formatProblem(p)), folder };
}

function rewrite(file: string, change: (text: string) => string) {
  writeFileSync(file, change(readFileSync(file, "utf8")));
}

describe("the shipped corpus", () => {
  it("loads all five articles, French sources, with summaries in both languages", () => {
    const { articles, problems } = readCorpus(path.join(REPO, "content"));
    expect(problems.map((p) => formatProblem(p))).toEqual([]);
    expect(articles).toHaveLength(5);
    for (const article of articles) {
      expect(article.lang).toBe("fr");
      expect(article.summaries.fr.html).toContain("<p>");
      expect(article.summaries.es.html).toContain("<p>");
      expect(article.draft).toBe(false);
    }
  });

  it("keeps month precision for the two articles dated only to the month", () => {
    const { articles } = readCorpus(path.join(REPO, "content"));
    const months = articles.filter((a) => a.date.precision === "month").map((a) => a.date.iso);
    expect(months.sort()).toEqual(["2021-06", "2021-10"]);
  });

  it("reaches the digest newest first", async () => {
    const { articles } = await digestOf(path.join(REPO, "content"));
    const dates = articles.map((a) => a.date.iso);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe("a Spanish source", () => {
  it("is read with its language, date and both summaries", () => {
    const { articles, problems } = readAfter(() => {});
    expect(problems).toEqual([]);
    const [article] = articles;
    expect(article?.lang).toBe("es");
    expect(article?.date).toEqual({ iso: "2025-03-04", precision: "day" });
    expect(article?.source.paragraphs.length).toBeGreaterThan(1);
  });
});

describe("bad input is reported with the file, the field, what was expected and what was found", () => {
  it("malformed YAML names the line", () => {
    const { messages } = readAfter((folder) =>
      rewrite(path.join(folder, "article.yaml"), (text) => text.replace("outlet: ", "outlet: [unclosed ")),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(new RegExp(`${SLUG}/article.yaml: expected valid YAML .*found a syntax error at line \\d+`));
  });

  it("an unknown outlet may be left out", () => {
    const { articles, problems } = readAfter((folder) =>
      rewrite(path.join(folder, "article.yaml"), (text) => text.replace(/^outlet:.*$/m, "")),
    );
    expect(problems).toEqual([]);
    expect(articles[0]?.outlet).toBeUndefined();
  });

  it("a missing field is named", () => {
    const { messages } = readAfter((folder) =>
      rewrite(path.join(folder, "article.yaml"), (text) => text.replace(/^title:.*$/m, "")),
    );
    expect(messages).toEqual([
      expect.stringMatching(/article.yaml: field "title": expected the article's title in its source language .*; found nothing \(the field is missing\)/),
    ]);
  });

  it("an unknown source language is named", () => {
    const { messages } = readAfter((folder) =>
      rewrite(path.join(folder, "article.yaml"), (text) => text.replace("lang: es", "lang: en")),
    );
    expect(messages).toEqual([expect.stringMatching(/field "lang": expected the source language, "fr" or "es"; found "en"/)]);
  });

  it("a summary in an unknown language is refused", () => {
    const { messages } = readAfter((folder) =>
      cpSync(path.join(folder, "summary.es.md"), path.join(folder, "summary.en.md")),
    );
    expect(messages).toEqual([expect.stringMatching(/summary.en.md: expected summaries named summary.fr.md or summary.es.md; found a summary in an unknown language "en"/)]);
  });

  it.each([
    ["2024-13-01", /there is no month 13/],
    ["2023-02-29", /February 2023 has 28 days, not 29/],
    ["19/01/2024", /expected a date as YYYY-MM-DD, or YYYY-MM when only the month is known; found "19\/01\/2024"/],
  ])("the impossible or invalid date %s is refused", (date, message) => {
    const { messages } = readAfter((folder) =>
      rewrite(path.join(folder, "article.yaml"), (text) => text.replace("date: 2025-03-04", `date: ${date}`)),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/field "date"/);
    expect(messages[0]).toMatch(message);
  });

  it("a date known to the month is accepted as a month", () => {
    const { articles } = readAfter((folder) =>
      rewrite(path.join(folder, "article.yaml"), (text) => text.replace("date: 2025-03-04", "date: 2025-03")),
    );
    expect(articles[0]?.date).toEqual({ iso: "2025-03", precision: "month" });
  });

  it("two articles with the same slug in different folders are refused", () => {
    const { messages } = readAfter((folder) => {
      const copy = path.join(path.dirname(folder), "2025", SLUG);
      mkdirSync(path.dirname(copy), { recursive: true });
      cpSync(folder, copy, { recursive: true });
    });
    expect(messages).toEqual([expect.stringMatching(/field "folder name": expected a slug used by one article only; found the same slug as/)]);
  });

  it("a folder name that cannot be a URL is refused with a suggested slug", () => {
    const { messages } = readAfter((folder) => renameSync(folder, path.join(path.dirname(folder), "Réunion Frontera")));
    expect(messages).toEqual([expect.stringMatching(/field "folder name": .*found "Réunion Frontera".*rename the folder, for example to "reunion-frontera"/)]);
  });

  it.each(["source.txt", "summary.fr.md", "article.yaml"])("an empty %s is refused", (file) => {
    const { messages } = readAfter((folder) => writeFileSync(path.join(folder, file), "  \n\n"));
    expect(messages).toEqual([expect.stringMatching(new RegExp(`${file}: expected content; found an empty file`))]);
  });

  it("a missing summary is refused", () => {
    const { messages } = readAfter((folder) => rmSync(path.join(folder, "summary.fr.md")));
    expect(messages).toEqual([expect.stringMatching(/summary.fr.md: expected this file; found no such file/)]);
  });

  it("a byte-order mark and CRLF line endings are accepted and removed", () => {
    const { articles, problems } = readAfter((folder) => {
      for (const file of ["article.yaml", "source.txt", "summary.es.md"]) {
        rewrite(path.join(folder, file), (text) => `\uFEFF${text.replace(/\n/g, "\r\n")}`);
      }
    });
    expect(problems).toEqual([]);
    const article = articles[0];
    expect(article?.source.text).not.toMatch(/[\r\uFEFF]/);
    expect(article?.summaries.es.title).not.toMatch(/[\r\uFEFF]/);
    expect(article?.source.paragraphs.length).toBeGreaterThan(1);
  });

  it("HTML in a title is refused", () => {
    const { messages } = readAfter((folder) =>
      rewrite(path.join(folder, "summary.fr.md"), (text) => text.replace(/^title: "/m, 'title: "<em>Alerte</em> ')),
    );
    expect(messages).toEqual([expect.stringMatching(/summary.fr.md: field "title": expected the summary's title as plain text, without HTML tags; found "<em>Alerte<\/em>/)]);
  });

  it("a summary outside 120–250 words is refused unless it is a draft", () => {
    const short = readAfter((folder) =>
      rewrite(path.join(folder, "summary.es.md"), (text) => text.replace(/\n---\n[\s\S]*$/, "\n---\nDemasiado corto.\n")),
    );
    expect(short.messages).toEqual([expect.stringMatching(/summary.es.md: field "body": expected a summary of 120 to 250 words.*found 2 words/)]);
    const draft = readAfter((folder) =>
      rewrite(path.join(folder, "summary.es.md"), (text) =>
        text.replace(/^title:/m, "draft: true\ntitle:").replace(/\n---\n[\s\S]*$/, "\n---\nDemasiado corto.\n"),
      ),
    );
    expect(draft.problems).toEqual([]);
    expect(draft.articles[0]?.draft).toBe(true);
  });

  it("an unknown field is refused, naming it", () => {
    const { messages } = readAfter((folder) =>
      rewrite(path.join(folder, "article.yaml"), (text) => `${text}autor: "Nadie"\n`),
    );
    expect(messages).toEqual([expect.stringMatching(/field "autor": expected .*; found /)]);
  });

  it("every problem is reported at once, and the digest refuses them all", async () => {
    const content = copyContent(FIXTURE_CONTENT);
    const folder = path.join(content, "articles", SLUG);
    rewrite(path.join(folder, "article.yaml"), (text) => text.replace("lang: es", "lang: pt").replace("date: 2025-03-04", "date: 2025-02-30"));
    rmSync(path.join(folder, "source.txt"));
    expect(readCorpus(content).problems).toHaveLength(3);
    await expect(digestOf(content)).rejects.toThrow(ContentError);
  });
});

describe("drafts", () => {
  it("are left out of the digest unless asked for", async () => {
    const content = copyContent(FIXTURE_CONTENT);
    cpSync(path.join(content, "articles", SLUG), path.join(content, "articles", "2025-03-05-copia-publicada"), { recursive: true });
    rewrite(path.join(content, "articles", SLUG, "article.yaml"), (text) => `${text}draft: true\n`);
    expect((await digestOf(content, { includeDrafts: false })).articles.map((a) => a.slug)).toEqual(["2025-03-05-copia-publicada"]);
    expect((await digestOf(content, { includeDrafts: true })).articles).toHaveLength(2);
  });

  it("alone are nothing to publish: the build refuses them, the development server shows them", async () => {
    const content = copyContent(FIXTURE_CONTENT);
    rewrite(path.join(content, "articles", SLUG, "article.yaml"), (text) => `${text}draft: true\n`);
    await expect(digestOf(content, { includeDrafts: false })).rejects.toThrow(/articles: expected at least one published article .*; found drafts only \(1: 2025-03-04-reunion-frontera-ficticia\)/);
    expect((await digestOf(content, { includeDrafts: true })).articles).toHaveLength(1);
  });
});
