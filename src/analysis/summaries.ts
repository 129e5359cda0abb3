import type { Article } from "../content/corpus.ts";
import { type Finding, type Problem, underRule } from "../content/problems.ts";
import { LANGUAGES } from "../languages.ts";
import { msg } from "../messages/index.ts";
import { type ArticleAnalysis, type SummaryField, summaryText } from "./analyze.ts";
import type { Figure } from "./figures.ts";
import type { Registry } from "./registry.ts";

/**
 * A curated summary may only say what its source says. Every actor a summary names must be
 * mentioned in the source (by any name, role or short form), and every figure must equal a
 * figure of the source with a compatible unit: 2,4 millions de migrants in the source supports
 * 2,4 millones de migrantes, not 2,5 millones, and not 2,4 millions of dollars. Until the article
 * is published (a draft), what the check finds is a warning.
 */
const SUPPORTED = msg("facts.supported");

export function checkSummaries(article: Article, analysis: ArticleAnalysis, registry: Registry): Problem[] {
  const problems: Finding[] = [];
  const sourceActors = new Set(analysis.source.actors.map((a) => a.actorId));
  for (const lang of LANGUAGES) {
    const summary = article.summaries[lang];
    const facts = analysis.summaries[lang];
    const { fields } = summaryText(summary);
    const fieldAt = (offset: number): SummaryField => fields.find((f) => offset >= f.start && offset <= f.end)?.field ?? "body";

    const reported = new Set<string>();
    for (const mention of facts.mentions) {
      const field = fieldAt(mention.start);
      if (sourceActors.has(mention.actorId) || reported.has(`${field}:${mention.actorId}`)) continue;
      reported.add(`${field}:${mention.actorId}`);
      const name = registry.actors.get(mention.actorId)?.name[lang] ?? mention.actorId;
      problems.push({
        file: summary.file,
        field,
        expected: SUPPORTED,
        found: msg("facts.actor", { text: mention.text, name }),
        fix: msg("facts.fixActor"),
      });
    }
    for (const figure of facts.figures) {
      if (analysis.source.figures.some((f) => sameFigure(f, figure))) continue;
      problems.push({
        file: summary.file,
        field: fieldAt(figure.start),
        expected: SUPPORTED,
        found: msg("facts.figure", { raw: figure.raw, value: `${figure.value} ${figure.unit}` }),
        fix: msg("facts.fixFigure"),
      });
    }
  }
  return underRule(article.draft ? "unsupported-fact-in-draft" : "unsupported-fact", problems);
}

export function sameFigure(a: Pick<Figure, "value" | "unit">, b: Pick<Figure, "value" | "unit">): boolean {
  const close = Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
  // "count" is a number without a unit: it may be the source's "12 000 agents" said shortly.
  return close && (a.unit === b.unit || a.unit === "count" || b.unit === "count");
}
