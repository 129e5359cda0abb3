import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { RuleId } from "../../src/content/problems.ts";
import { tempDir } from "./build.ts";

/**
 * Content that must never be published, each made from a private copy of tests/fixtures/content
 * (one Spanish article, no registry). The unit tests (tests/content/unsafe-files.test.ts) read
 * each through validateContent; tests/site/bad-input.test.ts runs the real check and build on it.
 */
export const SLUG = "2025-03-04-reunion-frontera-ficticia";

export interface BadInput {
  name: string;
  /** Breaks the content folder given. */
  make: (content: string) => void;
  /** The file the problem must name, relative to the content folder. */
  file: string;
  rule: RuleId;
  /** What the problem must say after the file's name (the check prints the fix on a line of its own). */
  message: RegExp;
  /** What the fix must say, when it matters. */
  fix?: RegExp;
}

const article = (content: string, name = "") => path.join(content, "articles", SLUG, name);

/** A file outside the content folder, holding what must not reach a page. */
function secretFile(): string {
  const file = path.join(tempDir("outside"), "secret.txt");
  writeFileSync(file, "API_TOKEN=do-not-publish\n");
  return file;
}

export const ACTOR = 'id: joe-biden\nkind: person\nname: { fr: "Joe Biden", es: "Joe Biden" }\ndescription: { fr: "Président des États-Unis", es: "Presidente de Estados Unidos" }\n';

function writeActor(content: string, name: string, text: string) {
  mkdirSync(path.join(content, "actors"), { recursive: true });
  writeFileSync(path.join(content, "actors", name), text);
}

/** Nine levels of nine aliases each: 761 bytes that stand for 387 million strings. */
export function billionLaughs(key = "lol"): string {
  const lines = [`${key}0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i < 10; i++) lines.push(`${key}${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(",")}]`);
  return `${lines.join("\n")}\n`;
}

/** Two aliases per level: under the alias limit, yet a million values once expanded. */
function doublingAliases(): string {
  const lines = ["d0: &d0 [x]"];
  for (let i = 1; i <= 20; i++) lines.push(`d${i}: &d${i} [*d${i - 1}, *d${i - 1}]`);
  return `${lines.join("\n")}\n`;
}

/** The same bytes on every run: a made-up "binary" file. */
function randomBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 0x2545f491;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

/** The text as Latin-1 would store it; characters Latin-1 lacks become an apostrophe. */
export function latin1(text: string): Buffer {
  return Buffer.from(text.replace(/[^\x00-\xff]/g, "'"), "latin1");
}

function pad(text: string, bytes: number): string {
  return text + "#".repeat(Math.max(0, bytes - Buffer.byteLength(text)));
}

const LINK = "expected a regular (?:file|folder) stored in the content folder \\(symbolic links are never followed\\); found a symbolic link to ";

export const BAD_INPUTS: BadInput[] = [
  {
    name: "source.txt is a link to a file outside content/",
    make: (content) => {
      rmSync(article(content, "source.txt"));
      symlinkSync(secretFile(), article(content, "source.txt"));
    },
    file: `articles/${SLUG}/source.txt`,
    rule: "article-file",
    message: new RegExp(`${LINK}/\\S*secret\\.txt, outside the content folder`),
  },
  {
    name: "source.txt is a link to /proc/self/environ",
    make: (content) => {
      rmSync(article(content, "source.txt"));
      symlinkSync("/proc/self/environ", article(content, "source.txt"));
    },
    file: `articles/${SLUG}/source.txt`,
    rule: "article-file",
    message: new RegExp(`${LINK}/proc/self/environ, outside the content folder`),
  },
  {
    name: "source.txt is a link to a file inside content/",
    make: (content) => {
      renameSync(article(content, "source.txt"), path.join(content, "source-copy.txt"));
      symlinkSync("../../source-copy.txt", article(content, "source.txt"));
    },
    file: `articles/${SLUG}/source.txt`,
    rule: "article-file",
    message: new RegExp(`${LINK}\\.\\./\\.\\./source-copy\\.txt \\(\\S*content/source-copy\\.txt, inside the content folder\\)`),
  },
  {
    name: "an article's folder is a link to a folder outside content/",
    make: (content) => {
      const outside = path.join(tempDir("outside-article"), SLUG);
      renameSync(article(content), outside);
      symlinkSync(outside, article(content));
    },
    file: `articles/${SLUG}`,
    rule: "article-file",
    message: new RegExp(`expected a regular folder stored in the content folder .*; found a symbolic link to /\\S*/${SLUG}, outside the content folder`),
  },
  {
    name: "the articles folder is a link",
    make: (content) => {
      const outside = path.join(tempDir("outside-articles"), "articles");
      renameSync(path.join(content, "articles"), outside);
      symlinkSync(outside, path.join(content, "articles"));
    },
    file: "articles",
    rule: "article-file",
    message: new RegExp(`${LINK}/\\S*/articles, outside the content folder`),
  },
  {
    name: "an actor's file is a link to a file outside content/",
    make: (content) => {
      const outside = path.join(tempDir("outside-actor"), "joe-biden.yaml");
      writeFileSync(outside, ACTOR);
      mkdirSync(path.join(content, "actors"));
      symlinkSync(outside, path.join(content, "actors", "joe-biden.yaml"));
    },
    file: "actors/joe-biden.yaml",
    rule: "registry-file",
    message: new RegExp(`${LINK}/\\S*/joe-biden\\.yaml, outside the content folder`),
  },
  {
    name: "the actors folder is a link",
    make: (content) => {
      const outside = path.join(tempDir("outside-actors"), "actors");
      mkdirSync(outside);
      writeFileSync(path.join(outside, "joe-biden.yaml"), ACTOR);
      symlinkSync(outside, path.join(content, "actors"));
    },
    file: "actors",
    rule: "registry-file",
    message: new RegExp(`${LINK}/\\S*/actors, outside the content folder`),
  },
  {
    name: "source.txt is a named pipe",
    make: (content) => {
      rmSync(article(content, "source.txt"));
      const made = spawnSync("mkfifo", [article(content, "source.txt")]);
      if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
    },
    file: `articles/${SLUG}/source.txt`,
    rule: "article-file",
    message: /expected a regular file; found a named pipe \(FIFO\): only regular files are read/,
  },
  {
    name: "source.txt is a folder",
    make: (content) => {
      rmSync(article(content, "source.txt"));
      mkdirSync(article(content, "source.txt"));
    },
    file: `articles/${SLUG}/source.txt`,
    rule: "article-file",
    message: /expected a regular file; found a folder/,
  },
  {
    name: "summary.fr.md is saved in Latin-1",
    make: (content) => writeFileSync(article(content, "summary.fr.md"), latin1(readFileSync(article(content, "summary.fr.md"), "utf8"))),
    file: `articles/${SLUG}/summary.fr.md`,
    rule: "article-file",
    message: /expected text encoded as UTF-8; found bytes that are not UTF-8 at line 2, e\.g\. 0xC9: the file looks like Latin-1\/Windows-1252 \(where 0xC9 is “É”\)/,
    fix: /^save the file as UTF-8/,
  },
  {
    name: "source.txt is random bytes",
    make: (content) => writeFileSync(article(content, "source.txt"), randomBytes(4096)),
    file: `articles/${SLUG}/source.txt`,
    rule: "article-file",
    message: /expected text encoded as UTF-8; found bytes that are not UTF-8 at line \d+, e\.g\. 0x[0-9A-F]{2}: the file does not look like text/,
  },
  {
    name: "source.txt is 5 MB",
    make: (content) => {
      const text = readFileSync(article(content, "source.txt"), "utf8");
      writeFileSync(article(content, "source.txt"), pad(text.repeat(Math.ceil(5_000_000 / text.length)).slice(0, 4_000_000), 5_000_000));
    },
    file: `articles/${SLUG}/source.txt`,
    rule: "article-file",
    message: /expected a file of at most 1 MB \(a long article.s text is about 60 KB\); found 5 MB \(5,000,000 bytes\)/,
  },
  {
    name: "summary.es.md is 200 KB",
    make: (content) => writeFileSync(article(content, "summary.es.md"), pad(readFileSync(article(content, "summary.es.md"), "utf8"), 200_000)),
    file: `articles/${SLUG}/summary.es.md`,
    rule: "article-file",
    message: /expected a file of at most 100 KB .*; found 200 KB \(200,000 bytes\)/,
  },
  {
    name: "article.yaml is 30 KB",
    make: (content) => writeFileSync(article(content, "article.yaml"), pad(`${readFileSync(article(content, "article.yaml"), "utf8")}# `, 30_000)),
    file: `articles/${SLUG}/article.yaml`,
    rule: "article-file",
    message: /expected a file of at most 20 KB .*; found 30 KB \(30,000 bytes\)/,
  },
  {
    name: "an actor's file is 200 KB",
    make: (content) => writeActor(content, "joe-biden.yaml", pad(`${ACTOR}# `, 200_000)),
    file: "actors/joe-biden.yaml",
    rule: "registry-file",
    message: /expected a file of at most 100 KB .*; found 200 KB \(200,000 bytes\)/,
  },
  {
    name: "joe-biden.yml beside joe-biden.yaml",
    make: (content) => {
      writeActor(content, "joe-biden.yaml", ACTOR);
      writeActor(content, "joe-biden.yml", ACTOR.replace("Joe Biden", "Joseph Biden"));
    },
    file: "actors/joe-biden.yaml",
    rule: "registry-file",
    message: /expected one file for the entry "joe-biden"; found two: \S*actors\/joe-biden\.yaml and \S*actors\/joe-biden\.yml/,
  },
  {
    name: "article.yml instead of article.yaml",
    make: (content) => renameSync(article(content, "article.yaml"), article(content, "article.yml")),
    file: `articles/${SLUG}/article.yaml`,
    rule: "article-file",
    message: /expected this file; found no such file/,
    fix: /^rename article\.yml to article\.yaml/,
  },
  {
    name: "a billion laughs in article.yaml",
    make: (content) => writeFileSync(article(content, "article.yaml"), readFileSync(article(content, "article.yaml"), "utf8") + billionLaughs()),
    file: `articles/${SLUG}/article.yaml`,
    rule: "article-file",
    message: /expected at most 50 aliases \(\*name\) in one file; found more at line 13, column \d+: aliases that repeat one another/,
  },
  {
    name: "a billion laughs in a summary's front matter",
    make: (content) => {
      const text = readFileSync(article(content, "summary.es.md"), "utf8");
      writeFileSync(article(content, "summary.es.md"), text.replace(/^---\n/, `---\n${billionLaughs()}`));
    },
    file: `articles/${SLUG}/summary.es.md`,
    rule: "article-file",
    message: /expected at most 50 aliases \(\*name\) in one file; found more at line 8, column \d+/,
  },
  {
    name: "a billion laughs in an actor's file",
    make: (content) => writeActor(content, "joe-biden.yaml", ACTOR + billionLaughs()),
    file: "actors/joe-biden.yaml",
    rule: "registry-file",
    message: /expected at most 50 aliases \(\*name\) in one file; found more at line 11, column \d+/,
  },
  {
    name: "a million values through 40 aliases in article.yaml",
    make: (content) => writeFileSync(article(content, "article.yaml"), readFileSync(article(content, "article.yaml"), "utf8") + doublingAliases()),
    file: `articles/${SLUG}/article.yaml`,
    rule: "article-file",
    message: /expected YAML of at most 10,000 values once its aliases \(\*name\) are expanded; found more, through aliases that repeat one another \(the first alias is at line 8\)/,
  },
  {
    name: "an alias inside the value it names in article.yaml",
    make: (content) => writeFileSync(article(content, "article.yaml"), `${readFileSync(article(content, "article.yaml"), "utf8")}loop: &loop [*loop]\n`),
    file: `articles/${SLUG}/article.yaml`,
    rule: "article-file",
    message: /found an alias inside the value it names \(the first alias is at line 7\)/,
  },
  {
    name: "an empty articles folder",
    make: (content) => {
      rmSync(path.join(content, "articles"), { recursive: true });
      mkdirSync(path.join(content, "articles"));
    },
    file: "articles",
    rule: "empty-corpus",
    message: /expected at least one article .*; found no article at all/,
  },
  {
    name: "drafts only",
    make: (content) => writeFileSync(article(content, "article.yaml"), `${readFileSync(article(content, "article.yaml"), "utf8")}draft: true\n`),
    file: "articles",
    rule: "empty-corpus",
    message: new RegExp(`expected at least one published article \\(one that is not a draft\\); found drafts only \\(1: ${SLUG}\\)`),
  },
];
