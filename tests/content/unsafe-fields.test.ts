import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/analysis/registry.ts";
import { renderMarkdown } from "../../src/content/markdown.ts";
import { type Problem, RULES } from "../../src/content/problems.ts";
import { validateContent } from "../../src/validate.ts";
import { FIXTURE_CONTENT, REPO, copyContent } from "../helpers/build.ts";
import { type Message, say } from "../../src/messages/index.ts";

const en = (message: Message | undefined) => (message === undefined ? undefined : say("en", message));

/**
 * Input that must never be published: each is refused with the file, the field, what was
 * expected and what was found, under a rule whose severity blocks the build and the check.
 */

const SLUG = "2025-03-04-reunion-frontera-ficticia";
const TODAY = "2025-03-10";

function rewrite(file: string, change: (text: string) => string) {
  const before = readFileSync(file, "utf8");
  const after = change(before);
  expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
  writeFileSync(file, after);
}

/** The Spanish fixture article, changed by `edit`, validated with today fixed. */
function articleAfter(edit: (folder: string) => void, today = TODAY): Problem[] {
  const content = copyContent(FIXTURE_CONTENT);
  const folder = path.join(content, "articles", SLUG);
  edit(folder);
  return validateContent(content, { today }).problems;
}

/** The shipped registry, changed by `edit`. */
function registryAfter(edit: (content: string) => void): Problem[] {
  const content = copyContent(path.join(REPO, "content"));
  edit(content);
  return loadRegistry(content).problems;
}

const actorFile = (content: string, id: string) => path.join(content, "actors", `${id}.yaml`);
const meta = (folder: string) => path.join(folder, "article.yaml");
const summary = (folder: string, lang: "fr" | "es") => path.join(folder, `summary.${lang}.md`);

/** The one problem found, which must block: it names its file and field. */
function onlyBlocking(problems: Problem[], file: string, field: string | undefined): Problem {
  expect(problems.map((p) => `${p.file} ${p.field}: ${en(p.expected)} / ${en(p.found)}`)).toHaveLength(1);
  const [problem] = problems as [Problem];
  expect(problem.severity).toBe("error");
  expect(RULES[problem.rule]).toBe("error");
  expect(problem.file.endsWith(file), `${problem.file} ends with ${file}`).toBe(true);
  expect(problem.field).toBe(field);
  expect(en(problem.fix)).toBeTruthy();
  return problem;
}

describe("the shipped content and the fixtures", () => {
  it("pass every check added here", () => {
    for (const dir of [path.join(REPO, "content"), FIXTURE_CONTENT, path.join(REPO, "tests/fixtures/feeds-content")]) {
      expect(validateContent(dir).problems).toEqual([]);
    }
  });
});

describe("an article's address", () => {
  it.each([
    ["javascript:alert(document.cookie)", '"javascript:"'],
    ["JavaScript:alert(1)", '"javascript:"'],
    ["data:text/html,<script>alert(1)</script>", '"data:"'],
    ["file:///etc/passwd", '"file:"'],
    ["ftp://example.org/a", '"ftp:"'],
  ])("%s is refused: only http and https are linked", (url, scheme) => {
    const problems = articleAfter((folder) => rewrite(meta(folder), (t) => t.replace(/^url:.*$/m, `url: ${JSON.stringify(url)}`)));
    const problem = onlyBlocking(problems, `${SLUG}/article.yaml`, "url");
    expect(problem.rule).toBe("article-file");
    expect(en(problem.expected)).toMatch(/http or https, with a host/);
    expect(en(problem.found)).toContain(scheme);
    expect(en(problem.found)).toContain(JSON.stringify(url).slice(0, 20));
  });

  it.each(["https:example.org/a", "//example.org/a", "https://", "https://exa mple.org/"])("%s is refused: absolute, with a host", (url) => {
    const problems = articleAfter((folder) => rewrite(meta(folder), (t) => t.replace(/^url:.*$/m, `url: ${JSON.stringify(url)}`)));
    const problem = onlyBlocking(problems, `${SLUG}/article.yaml`, "url");
    expect(en(problem.found)).toMatch(/not an absolute http\(s\) address with a host|a space in it/);
  });

  it("http and https with a host, a query and a fragment are accepted", () => {
    for (const url of ["http://example.org", "https://www.example.org/a/b?id=1&lang=fr#p2"]) {
      expect(articleAfter((folder) => rewrite(meta(folder), (t) => t.replace(/^url:.*$/m, `url: ${JSON.stringify(url)}`)))).toEqual([]);
    }
  });
});

describe("control and invisible characters", () => {
  it.each([
    ["\\0", "U+0000 NULL"],
    ["\\a", "U+0007 BELL"],
    ["\\v", "U+000B LINE TABULATION"],
    ["\\e", "U+001B ESCAPE"],
  ])("a YAML escape %s in a title is refused, naming the character and where it is", (escape, name) => {
    const problems = articleAfter((folder) => rewrite(meta(folder), (t) => t.replace('title: "México', `title: "Mé${escape}xico`)));
    const problem = onlyBlocking(problems, `${SLUG}/article.yaml`, "title");
    expect(en(problem.expected)).toBe("the article's title in its source language as text without control characters (only tabs and line breaks)");
    expect(en(problem.found)).toBe(`${name} at position 3 (after "Mé")`);
    expect(en(problem.fix)).toMatch(/not valid XML/);
  });

  it.each([
    ["\\u202E", "U+202E RIGHT-TO-LEFT OVERRIDE", /direction/],
    ["\\u202A", "U+202A LEFT-TO-RIGHT EMBEDDING", /direction/],
    ["\\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE", /direction/],
    ["\\u2069", "U+2069 POP DIRECTIONAL ISOLATE", /direction/],
    ["\\u200F", "U+200F RIGHT-TO-LEFT MARK", /direction/],
    ["\\u200B", "U+200B ZERO WIDTH SPACE", /invisible/],
    ["\\u200D", "U+200D ZERO WIDTH JOINER", /invisible/],
    ["\\uFEFF", "U+FEFF ZERO WIDTH NO-BREAK SPACE (a byte-order mark)", /invisible/],
    ["\\u00AD", "U+00AD SOFT HYPHEN", /invisible/],
  ])("%s in a summary's lede is refused", (escape, name, fix) => {
    const problems = articleAfter((folder) =>
      rewrite(summary(folder, "fr"), (t) => t.replace('lede: "Les deux gouvernements', `lede: "Les deux ${escape}gouvernements`)),
    );
    const problem = onlyBlocking(problems, `${SLUG}/summary.fr.md`, "lede");
    expect(en(problem.expected)).toBe("a one-sentence lede as text without invisible or direction-changing characters");
    expect(en(problem.found)).toBe(`${name} at position 10 (after "Les deux")`);
    expect(en(problem.fix)).toMatch(fix);
    // The message shows the character as an escape, never the character itself.
    expect(en(problem.found)).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F\uFEFF]/);
  });

  it("a character pasted as it is (not as an escape) in a summary's title is refused too, and counted", () => {
    const problems = articleAfter((folder) =>
      rewrite(summary(folder, "es"), (t) => t.replace(/^title: "(.)/m, (_, first: string) => `title: "\u202E${first}\u200B`)),
    );
    const problem = onlyBlocking(problems, `${SLUG}/summary.es.md`, "title");
    expect(en(problem.found)).toBe("U+202E RIGHT-TO-LEFT OVERRIDE at position 1, and 1 more");
  });

  it("in the outlet, in the body of a summary and in the source text, a control character is refused", () => {
    const outlet = articleAfter((folder) => rewrite(meta(folder), (t) => t.replace('outlet: "Diario', 'outlet: "Dia\\0rio')));
    expect(en(onlyBlocking(outlet, `${SLUG}/article.yaml`, "outlet").found)).toMatch(/^U\+0000 NULL at position 4/);

    const body = articleAfter((folder) => rewrite(summary(folder, "fr"), (t) => t.replace("Les gouvernements du Mexique", "Les gouvernements\u0007 du Mexique")));
    const inBody = onlyBlocking(body, `${SLUG}/summary.fr.md`, "body");
    expect(en(inBody.expected)).toBe("the summary's text as text without control characters (only tabs and line breaks)");
    expect(en(inBody.found)).toBe('U+0007 BELL at line 1, column 18 (after "Les gouvernements")');

    const source = articleAfter((folder) => rewrite(path.join(folder, "source.txt"), (t) => t.replace("\n\n", "\n\nUn\u0000 ")));
    const inSource = onlyBlocking(source, `${SLUG}/source.txt`, undefined);
    expect(en(inSource.expected)).toBe("the article's source text as text without control characters (only tabs and line breaks)");
    expect(en(inSource.found)).toMatch(/^U\+0000 NULL at line 3, column 3 \(after ".* Un"\)$/);
  });

  it("invisible characters in a summary's body are refused; in a source text pasted from an outlet's page they are not", () => {
    const body = articleAfter((folder) => rewrite(summary(folder, "es"), (t) => t.replace(/\n---\n(\S+)/, (all, word: string) => all.replace(word, `${word}\u200B`))));
    expect(en(onlyBlocking(body, `${SLUG}/summary.es.md`, "body").found)).toMatch(/^U\+200B ZERO WIDTH SPACE at line 1, column \d+ \(after "\S+"\)$/);

    const source = articleAfter((folder) => rewrite(path.join(folder, "source.txt"), (t) => t.replace("frontera", "fron\u00ADtera")));
    expect(source).toEqual([]);
  });

  it("tabs, line breaks, no-break spaces and accents stay text", () => {
    const problems = articleAfter((folder) => {
      rewrite(meta(folder), (t) => t.replace('title: "México', 'title: "« México\u00A0»\\t'));
      rewrite(summary(folder, "fr"), (t) => t.replace("Les gouvernements du Mexique", "Les\tgouvernements du Mexique\u202F!"));
    });
    expect(problems).toEqual([]);
  });
});

describe("a publication date after today", () => {
  const dated = (date: string, today = TODAY) => articleAfter((folder) => rewrite(meta(folder), (t) => t.replace("date: 2025-03-04", `date: ${date}`)), today);

  it("2099-12-31 is refused, saying today in Mexico City", () => {
    const problem = onlyBlocking(dated("2099-12-31"), `${SLUG}/article.yaml`, "date");
    expect(problem.rule).toBe("article-file");
    expect(en(problem.expected)).toBe(
      "a publication date on or before today (2025-03-10 in Mexico City, one day of grace for time zones: at the latest 2025-03-11)",
    );
    expect(en(problem.found)).toBe('"2099-12-31", a date that has not come yet');
  });

  it("a month that has not begun is refused; the current one is accepted", () => {
    expect(en(onlyBlocking(dated("2025-04"), `${SLUG}/article.yaml`, "date").found)).toBe('"2025-04", a date that has not come yet');
    expect(dated("2025-03")).toEqual([]);
  });

  it("today and tomorrow (an outlet in Europe dates by its own calendar) are accepted, the day after is not", () => {
    expect(dated("2025-03-10")).toEqual([]);
    expect(dated("2025-03-11")).toEqual([]);
    expect(en(onlyBlocking(dated("2025-03-12"), `${SLUG}/article.yaml`, "date").found)).toContain("2025-03-12");
    // Across a year's end too.
    expect(dated("2026-01-01", "2025-12-31")).toEqual([]);
    expect(dated("2026-01-02", "2025-12-31")).toHaveLength(1);
  });

  it("today defaults to the day it is now in Mexico City", () => {
    const content = copyContent(FIXTURE_CONTENT);
    rewrite(meta(path.join(content, "articles", SLUG)), (t) => t.replace("date: 2025-03-04", "date: 2099-12-31"));
    expect(validateContent(content).problems.map((p) => p.field)).toEqual(["date"]);
  });
});

describe("the registry", () => {
  it("refuses an impossible role date, as a publication date is read", () => {
    const problems = registryAfter((content) =>
      rewrite(actorFile(content, "claudia-sheinbaum"), (t) => t.replace("from: 2024-10-01", "from: 2021-02-30")),
    );
    const problem = onlyBlocking(problems, "actors/claudia-sheinbaum.yaml", "roles.0.from");
    expect(problem.rule).toBe("registry-file");
    expect(en(problem.expected)).toBe("the first day in the role as YYYY-MM-DD (February 2021 has 28 days, not 30)");
    expect(en(problem.found)).toBe('"2021-02-30"');
  });

  it("refuses a month that does not exist in a last day", () => {
    const problems = registryAfter((content) => rewrite(actorFile(content, "joe-biden"), (t) => t.replace("to: 2025-01-20", "to: 2025-13-20")));
    expect(en(onlyBlocking(problems, "actors/joe-biden.yaml", "roles.1.to").expected)).toBe("the last day in the role as YYYY-MM-DD (there is no month 13)");
  });

  it("refuses two holders of a one-holder role on the same days", () => {
    const problems = registryAfter((content) =>
      rewrite(actorFile(content, "claudia-sheinbaum"), (t) => t.replace("from: 2024-10-01", "from: 2024-06-01")),
    );
    const problem = onlyBlocking(problems, "actors/claudia-sheinbaum.yaml", "roles.0.from");
    expect(en(problem.expected)).toBe(
      'one holder at a time of the role "président du Mexique" (mexico-president): a first day on or after the last day of the holder before',
    );
    expect(en(problem.found)).toMatch(
      /^Claudia Sheinbaum from 2024-06-01 \(still held\), while Andrés Manuel López Obrador \(.*actors\/andres-manuel-lopez-obrador.yaml\) holds it from 2018-12-01 to 2024-09-30$/,
    );
    expect(en(problem.fix)).toMatch(/holders: many.*mexico-president.yaml/);
  });

  it("refuses a holder with no last day followed by another", () => {
    const problems = registryAfter((content) => rewrite(actorFile(content, "joe-biden"), (t) => t.replace(/to: 2025-01-20\n?$/, "")));
    const problem = onlyBlocking(problems, "actors/donald-trump.yaml", "roles.1.from");
    expect(en(problem.found)).toMatch(/^Donald Trump from 2025-01-20 \(still held\), while Joe Biden .* holds it from 2021-01-20 \(still held\)$/);
  });

  it("accepts a shared day of handover, and overlaps of a role with several holders", () => {
    // The shipped registry hands the presidency over on inauguration day: 2021-01-20 ends one term and starts the next.
    expect(registryAfter((content) => rewrite(actorFile(content, "joe-biden"), (t) => `${t}\n`))).toEqual([]);
    const problems = registryAfter((content) => {
      rewrite(actorFile(content, "claudia-sheinbaum"), (t) => t.replace("from: 2024-10-01", "from: 2024-06-01"));
      rewrite(path.join(content, "actors", "roles", "mexico-president.yaml"), (t) => t.replace("holders: one", "holders: many"));
    });
    expect(problems).toEqual([]);
  });

  it("refuses an unknown number of holders", () => {
    const problems = registryAfter((content) =>
      rewrite(path.join(content, "actors", "roles", "mexico-president.yaml"), (t) => t.replace("holders: one", "holders: two")),
    );
    // The actors that hold the role then refer to a role that did not load: named too, as for any broken role file.
    const problem = problems.find((p) => p.field === "holders");
    expect(problem?.file).toMatch(/roles\/mexico-president.yaml$/);
    expect(en(problem?.expected)).toBe('how many hold the role at once: "one" or "many"');
    expect(en(problem?.found)).toBe('"two"');
  });

  it("refuses an alias that names two actors, case and accents ignored", () => {
    const problems = registryAfter((content) =>
      rewrite(actorFile(content, "kamala-harris"), (t) => t.replace(/^(aliases:\n  any: \[)/m, '$1"BIDEN", ')),
    );
    const problem = onlyBlocking(problems, "actors/kamala-harris.yaml", "aliases.any.0");
    expect(en(problem.expected)).toBe("an alias that names one actor only (case and accents ignored)");
    expect(en(problem.found)).toMatch(/^"BIDEN", which is also an alias of Joe Biden \(.*actors\/joe-biden.yaml, aliases\.any\.\d+\)$/);
    expect(en(problem.fix)).toMatch(/short:/);
  });

  it("refuses an alias equal to another actor's name, accents left out", () => {
    const problems = registryAfter((content) =>
      rewrite(actorFile(content, "marcelo-ebrard"), (t) => t.replace(/^(aliases:\n  any: \[)/m, '$1"Andres Manuel Lopez Obrador", ')),
    );
    const problem = onlyBlocking(problems, "actors/marcelo-ebrard.yaml", "aliases.any.0");
    expect(en(problem.found)).toMatch(/^"Andres Manuel Lopez Obrador", which is also the name of Andrés Manuel López Obrador \(.*, name\.fr\)$/);
  });

  it("refuses HTML in an actor's name and a topic's description, spaced or unclosed", () => {
    const problems = registryAfter((content) => {
      rewrite(actorFile(content, "claudia-sheinbaum"), (t) => t.replace('fr: "Claudia Sheinbaum"', 'fr: "<b>Claudia</b> Sheinbaum"'));
      rewrite(path.join(content, "topics", "migration.yaml"), (t) => t.replace(/^(description:\n  fr: ")/m, "$1< script>alert(1)< /script> "));
      rewrite(path.join(content, "topics", "fentanyl.yaml"), (t) => t.replace('es: "El opioide', 'es: "<img src=x onerror=alert(1) El opioide'));
    });
    expect(problems.map((p) => [p.file.split("content/")[1], p.field, en(p.expected)])).toEqual([
      ["actors/claudia-sheinbaum.yaml", "name.fr", "the display name in French as plain text, without HTML tags"],
      ["topics/fentanyl.yaml", "description.es", "a short description in Spanish as plain text, without HTML tags"],
      ["topics/migration.yaml", "description.fr", "a short description in French as plain text, without HTML tags"],
    ]);
    expect(problems.map((p) => en(p.found))).toEqual([
      '"<b>Claudia</b> Sheinbaum": a tag "<b>" at position 1',
      expect.stringMatching(/: the start of a tag "<img src=x onerror=alert\(1\) .*" at position 1$/),
      expect.stringMatching(/: a tag "< script>" at position 1$/),
    ]);
  });

  it("refuses invisible characters in an alias and control characters in a description", () => {
    const problems = registryAfter((content) => {
      rewrite(actorFile(content, "claudia-sheinbaum"), (t) => t.replace('"Sheinbaum",', '"Shein\\u200Bbaum",'));
      rewrite(path.join(content, "topics", "migration.yaml"), (t) => t.replace(/^(description:\n  fr: ")/m, "$1\\e[31m"));
    });
    expect(problems.map((p) => [p.file.split("content/")[1], p.field, en(p.found)])).toEqual([
      ["actors/claudia-sheinbaum.yaml", "aliases.any.1", 'U+200B ZERO WIDTH SPACE at position 6 (after "Shein")'],
      ["topics/migration.yaml", "description.fr", "U+001B ESCAPE at position 1"],
    ]);
  });
});

describe("HTML in titles and ledes", () => {
  const lede = (text: string) =>
    articleAfter((folder) => rewrite(summary(folder, "fr"), (t) => t.replace(/^lede: .*$/m, `lede: ${JSON.stringify(text)}`)));

  it.each([
    ["Une réunion < script>alert(1)< /script>", '"< script>" at position 13'],
    ["Une réunion <img src=x onerror=alert(1)", 'the start of a tag "<img src=x onerror=alert(1)" at position 13'],
    ["Une réunion < img src=x onerror=alert(1)", 'the start of a tag "< img src=x onerror=alert(1)" at position 13'],
    ["Une réunion <!-- commentaire -->", 'a tag "<!-- commentaire -->" at position 13'],
    ["Une réunion </p>", 'a tag "</p>" at position 13'],
    ["Une réunion < /b>", 'a tag "< /b>" at position 13'],
  ])("%s is refused", (text, found) => {
    const problem = onlyBlocking(lede(text), `${SLUG}/summary.fr.md`, "lede");
    expect(en(problem.expected)).toBe("a one-sentence lede as plain text, without HTML tags");
    expect(en(problem.found)).toContain(found);
  });

  it.each(["Un écart a < b & c entre les deux", "Moins de < 5 % des cas", "Il a dit << non >> deux fois", "Un score <3 et x<y"])(
    "%s is prose and passes",
    (text) => {
      expect(lede(text.replace("x<y", "x < y"))).toEqual([]);
    },
  );
});

describe("images in summaries", () => {
  const withBody = (line: string) =>
    articleAfter((folder) => rewrite(summary(folder, "fr"), (t) => t.replace("Les gouvernements du Mexique", `${line}\n\nLes gouvernements du Mexique`)));

  it.each([
    ["![](https://tracker.example/p.gif)", '"https://tracker.example/p.gif"'],
    ["Voir ![la carte](/assets/carte.png)", '"/assets/carte.png"'],
    ["![carte][c]\n\n[c]: https://tracker.example/c.png", '"https://tracker.example/c.png"'],
  ])("%s is refused: a summary is text", (line, src) => {
    const problem = onlyBlocking(withBody(line), `${SLUG}/summary.fr.md`, "body");
    expect(en(problem.expected)).toBe("a summary in text only, without images");
    expect(en(problem.found)).toBe(`an image ${src} on line 1 of the summary's text`);
    expect(en(problem.fix)).toMatch(/write a link instead/);
  });

  it.each([
    ["[cliquez ici](javascript:alert(document.cookie))", '"javascript:alert(document.cookie)"'],
    ["[la note](JavaScript:void(0))", '"JavaScript:void(0)"'],
    ["[le fichier](file:///etc/passwd)", '"file:///etc/passwd"'],
    ["[la note][n]\n\n[n]: vbscript:msgbox(1)", '"vbscript:msgbox(1)"'],
    ["<javascript:alert(1)>", '"javascript:alert(1)"'],
  ])("%s is refused: the site would show it as Markdown text, not as a link", (line, href) => {
    const problem = onlyBlocking(withBody(line), `${SLUG}/summary.fr.md`, "body");
    expect(en(problem.expected)).toBe("links to web addresses only (http, https or mailto, or a page of this site)");
    expect(en(problem.found)).toBe(`a link to ${href} on line 1 of the summary's text, which the site would show as its Markdown text, not as a link`);
    expect(en(problem.fix)).toMatch(/starting with https:\/\//);
  });

  it.each(["[la carte](https://example.org/carte)", "[écrire](mailto:redaction@example.org)", "[les sujets](/fr/sujets/)", "<https://example.org/a>", "Un crochet [isolé] et une parenthèse (ouverte"])(
    "%s passes",
    (line) => {
      expect(withBody(line)).toEqual([]);
    },
  );

  it("a link is still a link, and an image never renders as one", () => {
    expect(withBody("[la carte](https://example.org/carte)")).toEqual([]);
    expect(renderMarkdown("![pixel](https://tracker.example/p.gif)")).toBe("<p>pixel</p>\n");
  });
});
