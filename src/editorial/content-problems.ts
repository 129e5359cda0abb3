import path from "node:path";
import { checkArticleTopics, loadRegistry } from "../analysis/index.ts";
import { readCorpus } from "../content/corpus.ts";
import type { Problem } from "../content/problems.ts";

/**
 * What makes a content folder impossible to build: the corpus reader's and the registry loader's
 * problems, and unknown topic ids. The same rules as the production build (src/digest.ts), without
 * the analysis: the development server asks before every rebuild, and the corpus reader's per-folder
 * cache keeps the question cheap.
 */
export function blockingProblems(contentDir: string): Problem[] {
  const dir = path.resolve(contentDir);
  const { articles, problems } = readCorpus(dir);
  const { registry, problems: registryProblems } = loadRegistry(dir);
  problems.push(...registryProblems);
  if (registryProblems.length === 0) problems.push(...checkArticleTopics(articles, registry));
  return problems;
}
