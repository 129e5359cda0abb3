import type { Finding } from "../content/problems.ts";
import { type EditorLang, type Param, msg, say } from "../messages/index.ts";

/**
 * The page the development server shows instead of the site while the content cannot be built:
 * every problem under its file, in the check's words and in the editor's language (the page's
 * `lang`, its headings and its lines alike). It is served, never written into the output, so
 * fixing the file brings the real pages back.
 */
export function problemsPage(problems: Finding[], lang: EditorLang = "en"): string {
  const t = (key: string, params?: Record<string, Param>) => escape(say(lang, msg(key, params)));
  const files = new Map<string, Finding[]>();
  for (const p of problems) files.set(p.file, [...(files.get(p.file) ?? []), p]);
  const items = [...files]
    .map(([file, list]) => {
      const lines = list
        .map((p) => {
          const field = p.field ? `${t("page.field", { field: "\u0000" }).replace("\u0000", `<code>${escape(p.field)}</code>`)} ` : "";
          const fix = p.fix ? `<br><strong>→</strong> ${escape(say(lang, p.fix))}` : "";
          return `<li>${field}${t("problem.expected", { expected: p.expected, found: p.found })}${fix}</li>`;
        })
        .join("\n");
      return `<section><h2><code>${escape(file)}</code></h2>\n<ul>\n${lines}\n</ul></section>`;
    })
    .join("\n");
  const n = problems.length;
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${t("page.title", { count: n })}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{color:#a40000}section{border-left:4px solid #a40000;padding:0 1rem;margin:1rem 0}h2{font-size:1rem}li{margin:.4rem 0}</style></head>
<body>
<h1>${t("page.heading", { count: n })}</h1>
<p>${t("page.fixAndSave")}</p>
${items}
</body>
</html>
`;
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);
}
