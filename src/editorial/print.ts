import type { Finding } from "../content/problems.ts";
import { LANGUAGES } from "../languages.ts";
import { type EditorLang, type Param, msg, say } from "../messages/index.ts";
import type { EditorialReport } from "./report.ts";

/**
 * The report as `npm run check` prints it, in the editor's language: one section per kind of
 * finding, problems grouped under the file they are in (an editor fixes one file at a time), each
 * with what to do.
 */
export function printReport(report: EditorialReport, options: { examples?: number; lang?: EditorLang } = {}): string {
  const lang = options.lang ?? "en";
  const t = (key: string, params?: Record<string, Param>) => say(lang, msg(key, params));
  const out: string[] = [];
  const section = (title: string) => out.push("", title, "─".repeat(Math.min(title.length, 72)));

  if (report.errors.length > 0) {
    section(t("check.errors", { count: report.errors.length }));
    out.push(...byFile(report.errors, lang));
  }
  const fatal = report.unsupported.filter((c) => !c.draft);
  const inDrafts = report.unsupported.filter((c) => c.draft);
  if (fatal.length > 0) {
    section(t("check.unsupported", { count: fatal.length }));
    out.push(...byFile(fatal, lang));
  }
  if (inDrafts.length > 0) {
    section(t("check.unsupportedInDrafts", { count: inDrafts.length }));
    out.push(...byFile(inDrafts, lang));
  }

  if (report.drafts.length > 0) {
    section(t("check.drafts", { count: report.drafts.length }));
    for (const draft of report.drafts) {
      out.push(`  ${draft.dir}/`);
      for (const file of draft.files) {
        const left = [...new Set(file.placeholders.map((p) => p.field))];
        const todo = left.length > 0 ? t("check.placeholdersLeft", { fields: left.join(", ") }) : "draft: true";
        out.push(`    ${basename(file.file)}: ${todo}`);
      }
    }
    out.push(`  ${t("check.whenFinished")}`);
  }

  const c = report.coverage;
  section(t("check.coverage"));
  out.push(`  ${t("check.articles", { count: c.articles, published: t("check.publishedCount", { count: c.published }), drafts: t("check.draftCount", { count: c.drafts }) })}`);
  out.push(`  ${t("check.sources", { list: LANGUAGES.map((l) => t("check.sourcesIn", { count: c.sources[l], lang: msg(`check.langName.${l}`) })).join(", ") })}`);
  out.push(`  ${t("check.finished", { list: LANGUAGES.map((l) => `${t(`check.langName.${l}`)} ${c.finishedSummaries[l]}/${c.articles}`).join(", ") })}`);
  if (c.registry) {
    out.push(
      `  ${t("check.registry", {
        actors: t("check.actorCount", { count: c.registry.actors }),
        roles: t("check.roleCount", { count: c.registry.roles }),
        topics: t("check.topicCount", { count: c.registry.topics }),
      })}`,
    );
  }

  if (report.candidates.length > 0) {
    const shown = options.examples ?? 1;
    section(t("check.candidates", { count: report.candidates.length }));
    for (const candidate of report.candidates) {
      out.push(`  "${candidate.name}" (${t(`candidateKind.${candidate.kind}`)}): ${t("check.candidate", { count: candidate.articles, mentions: t("check.mentionCount", { count: candidate.mentions }) })}`);
      for (const example of candidate.examples.slice(0, shown)) out.push(`    ${example.file}: “${clip(example.sentence, 160)}”`);
    }
    out.push(`  ${t("check.toAdd")}`);
  }

  out.push("");
  out.push(
    report.errorCount > 0
      ? t("check.notReady", { count: report.errorCount })
      : c.drafts > 0
        ? t("check.readyWithDrafts", { count: c.drafts })
        : t("check.ready"),
  );
  return out.join("\n").replace(/^\n/, "");
}

/** Problems under the file they are in, each with its fix, in `lang`: for the check and the development server. */
export function byFile(problems: Finding[], lang: EditorLang = "en"): string[] {
  const lines: string[] = [];
  let current: string | null = null;
  for (const p of problems) {
    if (p.file !== current) lines.push(`  ${(current = p.file)}`);
    lines.push(`    ${problemText(p, lang)}`);
    if (p.fix) lines.push(`      → ${say(lang, p.fix)}`);
  }
  return lines;
}

/** "field "date": expected …; found …." without the file, which the heading above names. */
export function problemText(p: Finding, lang: EditorLang): string {
  const key = p.field ? "problem.fieldExpected" : "problem.expected";
  return say(lang, msg(key, { field: p.field ?? "", expected: p.expected, found: p.found }));
}

const basename = (file: string) => file.split(/[\\/]/).pop() ?? file;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
