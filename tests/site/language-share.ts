import { readFileSync } from "node:fs";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { stopWordScores, type ParagraphLanguage } from "../../src/text/language.ts";
import { htmlFiles } from "../helpers/crawl.ts";

/**
 * How much of what a reader reads on a page is in another language than the page's. A page is
 * cut into text blocks: each paragraph, list item, heading, cell… and each element inside one
 * that declares its own `lang`. A block's language is told by its function words; a block whose
 * words do not say (a name, a date, a number) counts for its words but in no language. Not
 * counted: the article's own source text (it is the original, and says so) and what a closed
 * <details> holds (an original shown on demand), but its <summary>, which the reader sees; and
 * the search index's hidden words (.search-aliases, display: none), which no reader sees.
 */

const BLOCKS = new Set([
  "p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "td", "th", "caption",
  "summary", "title", "desc", "label", "button", "option", "legend", "div", "section", "article", "header", "footer",
  "nav", "main", "figure", "ul", "ol", "dl", "table", "tr", "body", "details", "time",
]);
const SKIPPED = new Set(["script", "style", "template", "noscript", "head"]);

export interface TextBlock {
  text: string;
  words: number;
  /** What its words say, when they say it clearly (two function words at least, twice the runner-up). */
  guessed: ParagraphLanguage | null;
  /** The nearest `lang` around it. */
  declared: string;
}

export interface PageShare {
  page: string;
  lang: string;
  kind: string;
  words: number;
  otherWords: number;
  /** Blocks in another language than the one declared around them (WCAG 3.1.2). */
  unmarked: TextBlock[];
}

export function guessBlock(text: string): ParagraphLanguage | null {
  const scores = stopWordScores(text);
  const ranked = (Object.entries(scores) as [ParagraphLanguage, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 2) return null;
  if (second && first[1] < 2 * second[1]) return null;
  return first[0];
}

const wordCount = (text: string) => (text.match(/\p{L}+/gu) ?? []).length;

/** The parts of the parsed tree the walk reads (cheerio's nodes, without its version's types). */
interface HtmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: HtmlNode[];
}

export function textBlocks($: CheerioAPI): TextBlock[] {
  const blocks = new Map<HtmlNode, { parts: string[]; declared: string }>();
  const walk = (node: HtmlNode, owner: HtmlNode, declared: string, inSource: boolean) => {
    if (node.type === "text") {
      let block = blocks.get(owner);
      if (!block) blocks.set(owner, (block = { parts: [], declared }));
      block.parts.push(node.data ?? "");
      return;
    }
    if (node.type !== "tag") return;
    const name = node.name?.toLowerCase() ?? "";
    const classes = (node.attribs?.class ?? "").split(/\s+/);
    if (SKIPPED.has(name) || classes.includes("search-aliases")) return;
    if (inSource && classes.includes("source-text")) return;
    const lang = node.attribs?.lang;
    const nextOwner = BLOCKS.has(name) || lang !== undefined ? node : owner;
    const closedDetails = name === "details" && node.attribs?.open === undefined;
    for (const child of node.children ?? []) {
      if (closedDetails && !(child.type === "tag" && child.name === "summary")) continue;
      walk(child, nextOwner, lang ?? declared, inSource || (name === "section" && classes.includes("source")));
    }
  };
  const html = $("html").get(0) as unknown as HtmlNode | undefined;
  if (!html) return [];
  walk(html, html, "", false);
  return [...blocks.values()]
    .map(({ parts, declared }) => {
      const text = parts.join(" ").replace(/[ \t\r\n]+/g, " ").trim();
      return { text, words: wordCount(text), guessed: guessBlock(text), declared };
    })
    .filter((b) => b.words > 0);
}

export function pageShare(output: string, page: string): PageShare {
  const $ = load(readFileSync(path.join(output, page), "utf8"));
  const lang = $("html").attr("lang") ?? "";
  const kind = $("body").attr("data-kind") ?? "unknown";
  let words = 0;
  let otherWords = 0;
  const unmarked: TextBlock[] = [];
  for (const block of textBlocks($)) {
    words += block.words;
    if (block.guessed && block.guessed !== lang) otherWords += block.words;
    if (block.guessed && block.guessed !== block.declared.slice(0, 2)) unmarked.push(block);
  }
  return { page, lang, kind, words, otherWords, unmarked };
}

export interface ShareReport {
  pages: PageShare[];
  /** Other-language words over all words, per side. */
  bySide: Record<string, { words: number; otherWords: number; share: number }>;
  /** The same, per side and kind of page ("es home"). */
  byKind: Record<string, { words: number; otherWords: number; share: number }>;
}

/** Every page of a built site under /fr/ and /es/. */
export function languageShare(output: string): ShareReport {
  const pages = htmlFiles(output)
    .filter((p) => /^\/(fr|es)\//.test(p))
    .map((p) => pageShare(output, p));
  const sum = (key: (p: PageShare) => string) => {
    const totals: Record<string, { words: number; otherWords: number; share: number }> = {};
    for (const p of pages) {
      const t = (totals[key(p)] ??= { words: 0, otherWords: 0, share: 0 });
      t.words += p.words;
      t.otherWords += p.otherWords;
    }
    for (const t of Object.values(totals)) t.share = t.words === 0 ? 0 : t.otherWords / t.words;
    return totals;
  };
  return { pages, bySide: sum((p) => p.lang), byKind: sum((p) => `${p.lang} ${p.kind}`) };
}

export function formatShare(report: ShareReport): string {
  const line = ([name, t]: [string, { words: number; otherWords: number; share: number }]) =>
    `${name.padEnd(20)} ${(t.share * 100).toFixed(1).padStart(5)} % of ${t.words} words`;
  return [...Object.entries(report.bySide).map(line), ...Object.entries(report.byKind).sort().map(line)].join("\n");
}

