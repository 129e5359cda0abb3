import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { type PageMetadata, readPageMetadata } from "./page-metadata.ts";

/**
 * A page saved from a browser ("Save page as…, HTML"): the article is found by Mozilla's
 * Readability (Firefox's reader view), over linkedom's DOM (Readability needs a `document`;
 * linkedom is far lighter than jsdom and gives Readability everything it reads). What it keeps
 * becomes text in the form of a copied page, one paragraph per line with blank lines between, so
 * the importer's text rules (clean.ts) then take out what Readability left of the page around the
 * article, exactly as they do for a page copied by hand.
 */

export interface SavedPage {
  /** The article's text, one paragraph per line, blank lines between. "" when none was found. */
  text: string;
  meta: PageMetadata;
}

/** Elements whose text is a paragraph of its own. */
const BLOCKS = new Set(
  "address article aside blockquote dd div dl dt h1 h2 h3 h4 h5 h6 header hr li main ol p pre section table td th tr ul".split(" "),
);
/**
 * Never the article's text: a figure's caption and credit describe a photo, a form is a
 * newsletter or a search box, a button is a share or a "read more". Readability keeps some of them.
 */
const SKIPPED = new Set("button figure figcaption form iframe img noscript picture script style svg template video audio".split(" "));

export function isSavedPage(file: string, text: string): boolean {
  return /\.x?html?$/i.test(file) || /^\s*(<!doctype html|<html[\s>])/i.test(text);
}

export function readSavedPage(html: string): SavedPage {
  const { document } = parseHTML(html);
  // linkedom's Document implements what Readability reads, not every member of the DOM's type.
  const page = document as unknown as Document;
  const meta = readPageMetadata(page);
  dropWhatPrecedesHeadline(page);
  dropPageFurniture(page);
  const article = new Readability(page, { keepClasses: false }).parse();
  if (!article?.content) return { text: "", meta };
  const { document: extracted } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const paragraphs = paragraphsOf(extracted.body as unknown as Element);
  return { text: paragraphs.length > 0 ? `${paragraphs.join("\n\n")}\n` : "", meta };
}

/**
 * An article starts at its headline: what comes before it in the same block (a kicker, a section
 * label, a breadcrumb) is the page's, and Readability, which removes the headline itself, would
 * leave it as the text's first paragraph.
 */
function dropWhatPrecedesHeadline(document: Document): void {
  const headline = document.querySelector("article h1") ?? document.querySelector("h1");
  while (headline?.previousElementSibling) headline.previousElementSibling.remove();
}

/**
 * Readability passes over blocks whose class or id names them as the page's (comment, footer,
 * share, related…), in English. Pages in French and Spanish name them in their own words too.
 */
const FURNITURE = /newsletter|bolet[ií]n|suscri|subscri|abonn|inscri|partage|compartir|redes-sociales|cookie|consent|relacionad|a-lire|lire-aussi|lee-tambien|te-puede-interesar/i;

function dropPageFurniture(document: Document): void {
  for (const element of [...document.querySelectorAll("[class], [id]")]) {
    if (["HTML", "BODY", "ARTICLE", "MAIN"].includes(element.tagName) || element.querySelector("h1") || holdsArticleText(element)) continue;
    if (FURNITURE.test(`${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`)) element.remove();
  }
}

/**
 * A block with paragraphs of an article's length is the article, whatever its name says: a page
 * may mark its subscribers' articles "contenu-abonnes" or "nota-suscriptores".
 */
function holdsArticleText(element: Element): boolean {
  return [...element.querySelectorAll("p")].filter((p) => (p.textContent ?? "").length > ARTICLE_PARAGRAPH).length >= 2;
}
const ARTICLE_PARAGRAPH = 200;

/** A `<br>` while a block's text is gathered (its own line breaks are mere white space). */
const BREAK = "\u0000";

/**
 * The text of each block as a browser lays it out. A `<br>` starts a new line of the same block:
 * the text rules then judge each line, and join two that a break cut mid-sentence.
 */
function paragraphsOf(root: Element): string[] {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    // HTML's white space is ASCII; non-breaking spaces belong to French typography and stay.
    const lines = current.split(BREAK).map((line) => line.replace(/[ \t\n\r\f]+/g, " ").trim());
    const text = lines.filter((line) => line !== "").join("\n");
    if (text !== "") paragraphs.push(text);
    current = "";
  };
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        current += child.textContent ?? "";
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toLowerCase();
        if (SKIPPED.has(tag)) continue;
        if (tag === "br") {
          current += BREAK;
          continue;
        }
        const block = BLOCKS.has(tag);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return paragraphs;
}
