import { analyzeText } from "../analysis/analyze.ts";
import { ACTOR_KINDS } from "../analysis/candidate-kinds.ts";
import { type Registry, loadRegistry } from "../analysis/registry.ts";
import { suggestTopics } from "../analysis/topics.ts";
import { formatProblem } from "../content/problems.ts";
import { type EditorLang, msg, say } from "../messages/index.ts";
import type { Suggest } from "./suggest.ts";

/**
 * Connects the importer to the text analysis (src/analysis, issue #3): the registry is read from
 * the same content folder the article goes to, and each analysis is reduced to what the importer
 * shows and prefills (suggest.ts). The analysis has no src/analysis/index.ts yet, so its modules
 * are imported one by one; once it has, these three imports become one.
 */
export interface AnalysisConnection {
  suggest: Suggest;
  /** Registry entries the analysis had to skip: the editor should know its findings are partial. */
  warnings: string[];
}

/** `lang`: the language of the warnings, the editor's. */
export function connectAnalysis(contentDir: string, lang: EditorLang = "en"): AnalysisConnection {
  const { registry, problems } = loadRegistry(contentDir);
  return { suggest: suggestWith(registry), warnings: problems.map((p) => say(lang, msg("new.registryWarning", { problem: formatProblem(p, lang) }))) };
}

export function suggestWith(registry: Registry): Suggest {
  return (text, lang, date) => {
    const analysis = analyzeText({ text, lang, date }, registry);
    return {
      // A new article has no topics assigned yet: every well-supported signal is a suggestion.
      topics: suggestTopics(analysis.topics, []).map((s) => s.topicId),
      actors: analysis.actors.map(({ actorId, count }) => ({
        id: actorId,
        names: registry.actors.get(actorId)?.name ?? { fr: actorId, es: actorId },
        count,
      })),
      // Only people and organizations can become actors: places, programmes, events and platforms are left out.
      candidates: [...new Set(analysis.candidates.filter((c) => ACTOR_KINDS.has(c.kind)).map((c) => c.name))],
      quotes: analysis.quotes.length,
      figures: analysis.figures.map((f) => f.raw),
      dates: analysis.dates.map((d) => `${d.phrase} (${d.date}${d.uncertain ? "?" : ""})`),
    };
  };
}
