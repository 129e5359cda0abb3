import type { Finding } from "../content/problems.ts";

/**
 * The page the development server shows instead of the site while the content cannot be built:
 * every problem under its file, in the check's words, with a heading in both languages. It is
 * served, never written into the output, so fixing the file brings the real pages back.
 */
export function problemsPage(problems: Finding[]): string {
  const files = new Map<string, Finding[]>();
  for (const p of problems) files.set(p.file, [...(files.get(p.file) ?? []), p]);
  const items = [...files]
    .map(([file, list]) => {
      const lines = list
        .map((p) => {
          const field = p.field ? `<code>${escape(p.field)}</code>: ` : "";
          const fix = p.fix ? `<br><strong>→</strong> ${escape(p.fix)}` : "";
          return `<li>${field}expected ${escape(p.expected)}; found ${escape(p.found)}.${fix}</li>`;
        })
        .join("\n");
      return `<section><h2><code>${escape(file)}</code></h2>\n<ul>\n${lines}\n</ul></section>`;
    })
    .join("\n");
  const n = problems.length;
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>${n} problème(s) · ${n} problema(s)</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{color:#a40000}section{border-left:4px solid #a40000;padding:0 1rem;margin:1rem 0}h2{font-size:1rem}li{margin:.4rem 0}</style></head>
<body>
<h1>Le contenu a ${n} problème(s) · <span lang="es">El contenido tiene ${n} problema(s)</span></h1>
<p>Corrigez les fichiers ci-dessous et enregistrez : la page se recharge toute seule.
<span lang="es">Corrija los archivos siguientes y guarde: la página se recarga sola.</span></p>
${items}
</body>
</html>
`;
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);
}
