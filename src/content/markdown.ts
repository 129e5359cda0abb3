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
