/**
 * npm run check [-- --content DIR]: validates the whole corpus and prints every problem with the
 * file, the field, what was expected and what was found. Exits 1 when there is any.
 */
import { parseArgs } from "node:util";
import { readCorpus } from "../src/content/corpus.ts";
import { formatProblem } from "../src/content/problems.ts";

const { values } = parseArgs({ options: { content: { type: "string", default: "content" } } });
const { articles, problems } = readCorpus(values.content);

for (const problem of problems) console.error(`✗ ${formatProblem(problem)}`);
const drafts = articles.filter((a) => a.draft).length;
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s) found; the build will refuse this corpus until they are fixed.`);
  process.exit(1);
}
console.log(`✓ ${articles.length} article(s) valid${drafts ? `, ${drafts} still draft(s)` : ""}.`);
