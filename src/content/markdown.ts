import MarkdownIt from "markdown-it";

// Summaries are Markdown written by editors; raw HTML in them is shown as text, never executed.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

// A summary is text: the check refuses images (imagesIn). Should one slip through, it is drawn as
// its alt text, never as an <img> that a feed reader would fetch from wherever it points.
markdown.renderer.rules.image = (tokens, index) => markdown.utils.escapeHtml(tokens[index]?.content ?? "");

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

export interface MarkdownImage {
  src: string;
  /** 1-based line of the Markdown text the image is written on. */
  line: number;
}

/**
 * The same syntax read with every link address accepted, so that the links the renderer refuses
 * (a `javascript:`, `vbscript:`, `file:` or `data:` address, which it shows as their Markdown text)
 * can be named to the editor instead of passing silently.
 */
const reading = new MarkdownIt({ html: false, linkify: false, typographer: false });
reading.validateLink = () => true;

export interface MarkdownLink {
  href: string;
  /** 1-based line of the Markdown text the link is written on. */
  line: number;
}

/** Every link of a Markdown text (inline, by reference or `<…>`) whose address the renderer refuses. */
export function refusedLinksIn(source: string): MarkdownLink[] {
  // A link needs "](", a reference definition "]:", an autolink "<": without one, nothing to parse for.
  if (!source.includes("](") && !source.includes("]:") && !source.includes("<")) return [];
  const found: MarkdownLink[] = [];
  const visit = (tokens: ReturnType<typeof reading.parse>, line: number) => {
    for (const token of tokens) {
      const at = token.map ? token.map[0] + 1 : line;
      if (token.type === "link_open") {
        const href = String(token.attrGet("href") ?? "");
        if (!markdown.validateLink(href)) found.push({ href, line: at });
      }
      if (token.children) visit(token.children, at);
    }
  };
  visit(reading.parse(source, {}), 1);
  return found;
}

/** Every image a Markdown text holds, inline (`![](…)`) or by reference (`![][ref]`). */
export function imagesIn(source: string): MarkdownImage[] {
  // Every image, inline or by reference, starts with "![": without one, nothing to parse for.
  if (!source.includes("![")) return [];
  const found: MarkdownImage[] = [];
  const visit = (tokens: ReturnType<typeof markdown.parse>, line: number) => {
    for (const token of tokens) {
      const at = token.map ? token.map[0] + 1 : line;
      if (token.type === "image") found.push({ src: String(token.attrGet("src") ?? ""), line: at });
      if (token.children) visit(token.children, at);
    }
  };
  visit(markdown.parse(source, {}), 1);
  return found;
}
