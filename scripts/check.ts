/**
 * npm run check [-- --content DIR]: validates the whole corpus and prints every problem with the
 * file, the field, what was expected and what was found. Exits 1 when there is any.
 *
 * After the corpus itself: the registries (content/actors, content/topics), the articles' topic
 * ids, and the summaries' facts (every actor and figure a summary gives must be in its source).
 */
import { parseArgs } from "node:util";
import { analyzeCorpus, loadRegistry } from "../src/analysis/index.ts";
import { readCorpus } from "../src/content/corpus.ts";
import { formatProblem } from "../src/content/problems.ts";

const { values } = parseArgs({ options: { content: { type: "string", default: "content" } } });
const { articles, problems } = readCorpus(values.content);
const { registry, problems: registryProblems } = loadRegistry(values.content);
problems.push(...registryProblems);
// Facts are checked only against a registry that loaded cleanly: a broken one would report
// every summary as unsupported.
if (registryProblems.length === 0) problems.push(...analyzeCorpus(articles, registry).problems);

for (const problem of problems) console.error(`✗ ${formatProblem(problem)}`);
const drafts = articles.filter((a) => a.draft).length;
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s) found; the build will refuse this corpus until they are fixed.`);
  process.exit(1);
}
console.log(`✓ ${articles.length} article(s) valid${drafts ? `, ${drafts} still draft(s)` : ""}.`);
console.log(`✓ ${registry.actors.size} actor(s), ${registry.roles.size} role(s), ${registry.topics.size} topic(s); every summary's facts are in its source.`);
