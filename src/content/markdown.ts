import MarkdownIt from "markdown-it";

// Summaries are Markdown written by editors; raw HTML in them is shown as text, never executed.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
