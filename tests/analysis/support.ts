import path from "node:path";
import { readCorpus } from "../../src/content/corpus.ts";
import { buildRegistry, loadRegistry, type Registry } from "../../src/analysis/registry.ts";
import { fold } from "../../src/text/fold.ts";
import { type Message, say } from "../../src/messages/index.ts";

const en = (message: Message | undefined) => (message === undefined ? undefined : say("en", message));

export const REPO = path.resolve(import.meta.dirname, "../..");
export const CONTENT = path.join(REPO, "content");
export const FIXTURE_CONTENT = path.join(REPO, "tests/fixtures/content");

/** The editors' registry, as the site uses it. */
export function realRegistry(): Registry {
  const { registry, problems } = loadRegistry(CONTENT);
  if (problems.length > 0) throw new Error(`registry problems: ${JSON.stringify(problems)}`);
  return registry;
}

/** The real registry plus the made-up people of the Spanish fixture. */
export function fixtureRegistry(): Registry {
  const real = realRegistry();
  const { registry: extra, problems: all } = loadRegistry(path.join(REPO, "tests/fixtures/registry"));
  // The made-up people hold the real roles, which the fixture folder does not repeat.
  const problems = all.filter((p) => !(p.field?.endsWith(".role") && real.roles.has(JSON.parse(en(p.found) ?? "") as string)));
  if (problems.length > 0) throw new Error(`fixture registry problems: ${JSON.stringify(problems)}`);
  return buildRegistry([...real.actors.values(), ...extra.actors.values()], [...real.roles.values()], [...real.topics.values()]);
}

export function realArticles() {
  const { articles, problems } = readCorpus(CONTENT);
  if (problems.length > 0) throw new Error(`corpus problems: ${JSON.stringify(problems)}`);
  return articles;
}

export function startsLike(text: string, start: string): boolean {
  const norm = (s: string) => fold(s).replace(/[’']/g, "'").replace(/\s+/g, " ").trim();
  return norm(text).startsWith(norm(start));
}

/** Precision and recall of a predicted multiset against a gold one; both empty counts as perfect. */
export function score<P, G>(predicted: P[], gold: G[], same: (p: P, g: G) => boolean): { precision: number; recall: number; correct: number } {
  const used = new Set<number>();
  let correct = 0;
  for (const p of predicted) {
    const index = gold.findIndex((g, i) => !used.has(i) && same(p, g));
    if (index >= 0) {
      used.add(index);
      correct++;
    }
  }
  return {
    precision: predicted.length === 0 ? (gold.length === 0 ? 1 : 0) : correct / predicted.length,
    recall: gold.length === 0 ? 1 : correct / gold.length,
    correct,
  };
}
