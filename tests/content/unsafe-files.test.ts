import { mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeValue, formatProblem, RULES } from "../../src/content/problems.ts";
import { load } from "js-yaml";
import { validateContent } from "../../src/validate.ts";
import { BAD_INPUTS, SLUG, billionLaughs } from "../helpers/bad-inputs.ts";
import { FIXTURE_CONTENT, copyContent } from "../helpers/build.ts";
import { type Message, say } from "../../src/messages/index.ts";

const en = (message: Message | undefined) => (message === undefined ? undefined : say("en", message));

/**
 * Content no editor would write on purpose, and that was once read and published (a link to the
 * build's environment), read as "�" (Latin-1), or crashed the check with no file named (aliases).
 * Each is refused by the validation the build, the check and the development server share, with
 * a problem that names the file, what was expected, what was found and the fix. The same list is
 * run through the real check and build in tests/site/bad-input.test.ts.
 */
function validateAfter(make: (content: string) => void, options: { includeDrafts?: boolean } = {}) {
  const content = copyContent(FIXTURE_CONTENT);
  make(content);
  const { articles, problems } = validateContent(content, options);
  return { content, articles, problems, messages: problems.map((p) => formatProblem(p)) };
}

describe("bad input is refused, naming the file", () => {
  it.each(BAD_INPUTS)("$name", ({ make, file, rule, message, fix }) => {
    const { problems, messages } = validateAfter(make);
    expect(messages).toHaveLength(1);
    const [problem] = problems;
    expect(problem?.rule).toBe(rule);
    expect(problem?.severity).toBe("error");
    expect(problem?.file.endsWith(`content/${file}`)).toBe(true);
    expect(problem?.field).toBeUndefined();
    expect(en(problem?.fix)).toMatch(fix ?? /\w/);
    expect(messages[0]).toMatch(message);
    // Nothing of what the link or the bad file holds reaches the problem.
    expect(messages[0]).not.toContain("do-not-publish");
  });
});

describe("what stays accepted", () => {
  it("a UTF-8 byte-order mark", () => {
    const { articles, problems } = validateAfter((content) => {
      const file = path.join(content, "articles", SLUG, "summary.fr.md");
      writeFileSync(file, `\uFEFF${readFileSync(file, "utf8")}`);
    });
    expect(problems).toEqual([]);
    expect(articles[0]?.summaries.fr.title).toMatch(/^Le Mexique/);
  });

  it("either extension for a registry file, one at a time", () => {
    const actor = 'id: joe-biden\nkind: person\nname: { fr: "Joe Biden", es: "Joe Biden" }\ndescription: { fr: "Président", es: "Presidente" }\n';
    const content = copyContent(FIXTURE_CONTENT);
    mkdirSync(path.join(content, "actors"));
    writeFileSync(path.join(content, "actors", "joe-biden.yml"), actor);
    const { registry, problems } = validateContent(content);
    expect(problems).toEqual([]);
    expect(registry.actors.get("joe-biden")?.name.fr).toBe("Joe Biden");
  });

  it("an article folder grouped in a real sub-folder", () => {
    const { articles, problems } = validateAfter((content) => {
      mkdirSync(path.join(content, "articles", "2025"));
      renameSync(path.join(content, "articles", SLUG), path.join(content, "articles", "2025", SLUG));
    });
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.slug)).toEqual([SLUG]);
  });

  it("a corpus of drafts on the development server, which shows them", () => {
    const drafts = BAD_INPUTS.find((b) => b.name === "drafts only");
    const { articles, problems } = validateAfter((content) => drafts?.make(content), { includeDrafts: true });
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
  });

  it("a few aliases", () => {
    const { problems } = validateAfter((content) => {
      const file = path.join(content, "articles", SLUG, "article.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace(/^outlet: (.*)$/m, "outlet: &outlet $1").replace(/^title: .*$/m, "title: *outlet"));
    });
    expect(problems).toEqual([]);
  });
});

describe("bad input is reported beside other problems, each once", () => {
  it("a linked source.txt in a folder that also lacks its summaries", () => {
    const { messages } = validateAfter((content) => {
      const folder = path.join(content, "articles", SLUG);
      renameSync(path.join(folder, "source.txt"), path.join(content, "source-copy.txt"));
      symlinkSync("/proc/self/environ", path.join(folder, "source.txt"));
      renameSync(path.join(folder, "summary.fr.md"), path.join(content, "summary.fr.md"));
    });
    expect(messages).toEqual([
      expect.stringMatching(/source\.txt: expected a regular file stored in the content folder .*found a symbolic link to \/proc\/self\/environ/),
      expect.stringMatching(/summary\.fr\.md: expected this file; found no such file/),
    ]);
  });
});

describe("describeValue", () => {
  it("writes no more of a value than it shows, however large the value stands for", () => {
    const bomb = load(billionLaughs()) as Record<string, unknown>;
    const started = performance.now();
    const shown = en(describeValue(bomb.lol9));
    expect(performance.now() - started).toBeLessThan(100);
    // lol9 opens seven lists around what lol2 holds.
    expect(shown).toBe(`a list (${`${"[".repeat(7)}${JSON.stringify(bomb.lol2)}`.slice(0, 80)})`);
  });

  it("shows a value that holds itself", () => {
    const loop: unknown[] = [];
    loop.push(loop);
    expect(en(describeValue(loop))).toMatch(/^a list \(\[{40}/);
  });

  it("shows small values as JSON, as before", () => {
    expect(en(describeValue(["a", 1, { b: null }]))).toBe('a list (["a",1,{"b":null}])');
  });
});

describe("the rules", () => {
  it("block on an empty corpus", () => {
    expect(RULES["empty-corpus"]).toBe("error");
  });
});
