import type { Finding } from "../content/problems.ts";
import { LANGUAGES } from "../languages.ts";
import type { EditorialReport } from "./report.ts";

/**
 * The report as `npm run check` prints it: one section per kind of finding, problems grouped under
 * the file they are in (an editor fixes one file at a time), each with what to do.
 */
export function printReport(report: EditorialReport, options: { examples?: number } = {}): string {
  const out: string[] = [];
  const section = (title: string) => out.push("", title, "─".repeat(Math.min(title.length, 72)));

  if (report.errors.length > 0) {
    section(`✗ Errors (${report.errors.length}): the build refuses the corpus until they are fixed`);
    out.push(...byFile(report.errors));
  }
  const fatal = report.unsupported.filter((c) => !c.draft);
  const inDrafts = report.unsupported.filter((c) => c.draft);
  if (fatal.length > 0) {
    section(`✗ Claims the source does not support (${fatal.length}): correct them before publishing`);
    out.push(...byFile(fatal));
  }
  if (inDrafts.length > 0) {
    section(`! Claims the source does not support, in drafts (${inDrafts.length}): to correct before removing draft: true`);
    out.push(...byFile(inDrafts));
  }

  if (report.drafts.length > 0) {
    section(`… Drafts (${report.drafts.length}): shown by npm start, never published`);
    for (const draft of report.drafts) {
      out.push(`  ${draft.dir}/`);
      for (const file of draft.files) {
        const left = [...new Set(file.placeholders.map((p) => p.field))];
        const todo = left.length > 0 ? `draft: true; placeholders left in ${left.join(", ")}` : "draft: true";
        out.push(`    ${basename(file.file)}: ${todo}`);
      }
    }
    out.push("  When a summary is finished, remove draft: true from it, and from article.yaml when both are.");
  }

  const c = report.coverage;
  section("Coverage");
  out.push(`  ${c.articles} article(s): ${c.published} published, ${c.drafts} draft(s)`);
  out.push(`  sources: ${LANGUAGES.map((l) => `${c.sources[l]} in ${l}`).join(", ")}`);
  out.push(`  finished summaries: ${LANGUAGES.map((l) => `${l} ${c.finishedSummaries[l]}/${c.articles}`).join(", ")}`);
  if (c.registry) out.push(`  registry: ${c.registry.actors} actor(s), ${c.registry.roles} role(s), ${c.registry.topics} topic(s)`);

  if (report.candidates.length > 0) {
    const shown = options.examples ?? 1;
    section(`Likely actors to add (${report.candidates.length}): names the registry does not know, in several articles`);
    for (const candidate of report.candidates) {
      out.push(`  "${candidate.name}" (${candidate.kind}): ${candidate.articles} articles, ${candidate.mentions} mention(s)`);
      for (const example of candidate.examples.slice(0, shown)) out.push(`    ${example.file}: “${clip(example.sentence, 160)}”`);
    }
    out.push("  To add one: a file in content/actors/ (see the editors' guide in docs/).");
  }

  out.push("");
  out.push(
    report.errorCount > 0
      ? `✗ ${report.errorCount} problem(s) to fix; the corpus is not ready to publish.`
      : `✓ No errors: the corpus is ready to publish${c.drafts > 0 ? ` (its ${c.drafts} draft(s) will be left out)` : ""}.`,
  );
  return out.join("\n").replace(/^\n/, "");
}

/** Problems under the file they are in, each with its fix: for the check and the development server. */
export function byFile(problems: Finding[]): string[] {
  const lines: string[] = [];
  let current: string | null = null;
  for (const p of problems) {
    if (p.file !== current) lines.push(`  ${(current = p.file)}`);
    const where = p.field ? `field "${p.field}": ` : "";
    lines.push(`    ${where}expected ${p.expected}; found ${p.found}.`);
    if (p.fix) lines.push(`      → ${p.fix}`);
  }
  return lines;
}

const basename = (file: string) => file.split(/[\\/]/).pop() ?? file;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
