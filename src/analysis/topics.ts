import type { Article } from "../content/corpus.ts";
import { type Finding, type Problem, underRule } from "../content/problems.ts";
import { msg, verbatim } from "../messages/index.ts";
import type { Lexicon } from "./lexicon.ts";
import type { Registry } from "./registry.ts";
import type { Token } from "./tokens.ts";

/**
 * Topics come from two places. The editors' `topics:` in article.yaml is authoritative; the terms
 * each topic lists ("fentanyl", "passeurs", "migra*") only suggest topics the editors did not
 * pick, with how often they occur, for them to accept or ignore.
 */
export interface TopicSignal {
  topicId: string;
  count: number;
  /** The terms as written, first occurrence of each. */
  terms: string[];
}

export function matchTopics(tokens: Token[], text: string, lexicon: Lexicon): TopicSignal[] {
  const signals = new Map<string, TopicSignal>();
  for (const match of lexicon.topicTerms.matchAll(tokens)) {
    const written = text.slice(match.start, match.end);
    for (const topicId of new Set(match.values)) {
      const signal = signals.get(topicId) ?? { topicId, count: 0, terms: [] };
      signal.count++;
      if (!signal.terms.some((t) => t.toLowerCase() === written.toLowerCase())) signal.terms.push(written);
      signals.set(topicId, signal);
    }
  }
  return [...signals.values()].sort((a, b) => b.count - a.count || a.topicId.localeCompare(b.topicId));
}

/** Suggestions need two occurrences: one word in passing does not make an article about a topic. */
export const SUGGESTION_MIN_COUNT = 2;

export function suggestTopics(signals: TopicSignal[], assigned: readonly string[]): TopicSignal[] {
  return signals.filter((s) => s.count >= SUGGESTION_MIN_COUNT && !assigned.includes(s.topicId));
}

/**
 * The topics an article is counted under on topic pages: the editors' choice when they made one;
 * an article nobody has tagged yet (a fresh import) falls back on its suggestions.
 */
export function effectiveTopics(assigned: readonly string[], suggested: TopicSignal[]): string[] {
  return assigned.length > 0 ? [...assigned] : suggested.map((s) => s.topicId);
}

export function checkArticleTopics(articles: Article[], registry: Registry): Problem[] {
  const problems: Finding[] = [];
  const known = [...registry.topics.keys()];
  for (const article of articles) {
    for (const id of article.topics) {
      if (registry.topics.has(id)) continue;
      problems.push({
        file: `${article.dir}/article.yaml`,
        field: "topics",
        expected: msg("topics.defined", { known: known.length > 0 ? known.join(", ") : msg("topics.noneYet") }),
        found: verbatim(JSON.stringify(id)),
        fix: msg("topics.fix", { file: `content/topics/${id}.yaml` }),
      });
    }
  }
  return underRule("unknown-topic", problems);
}
