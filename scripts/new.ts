/**
 * npm run new -- <raw text file> --lang fr|es --date YYYY-MM[-DD] --outlet "…" [--url …] [--title "…"]
 *   [--slug …] [--content DIR]
 * npm run new -- <saved page.html> [the same options, each read from the page's metadata when not given]
 *
 * Creates an article's folder from the text of a publisher's page (see src/importer/). Prints what
 * was removed from the page and what the analysis found; refuses, creating nothing, an article
 * already in the corpus. Exits 1 on any refusal or problem.
 */
import { ARTICLE_FILES } from "../src/content/corpus.ts";
import { formatProblem } from "../src/content/problems.ts";
import { connectAnalysis } from "../src/importer/analysis.ts";
import { type NewArticleOptions, USAGE, parseNewArticleArgs } from "../src/importer/args.ts";
import { describeRemovals } from "../src/importer/clean.ts";
import { checkArticle, planArticle, writeArticle } from "../src/importer/new-article.ts";
import type { Suggestions } from "../src/importer/suggest.ts";
import type { Lang } from "../src/languages.ts";

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

const args = parseNewArticleArgs(process.argv.slice(2));
if (!args.ok) {
  for (const error of args.errors) console.error(`✗ ${error}`);
  console.error(`\n${USAGE}`);
  process.exit(1);
}
const options = args.options;
if (options.page) printPageMetadata(options);

const analysis = connectAnalysis(options.content);
const result = planArticle({ ...options, contentDir: options.content }, analysis.suggest);
if (!result.ok) fail(`Nothing created: ${result.refusal.message}.`);
const { plan } = result;

console.log(`Removed from the page: ${describeRemovals(plan.cleaned.removed)}.`);
for (const { rule, lines } of plan.cleaned.removed) {
  for (const line of lines) console.log(`  - [${rule}] ${line.length > 100 ? `${line.slice(0, 97)}…` : line}`);
}
const titleFrom = plan.titleFrom === "heading" ? "the page's heading" : (options.page?.from.title ?? "--title");
console.log(`Title (${titleFrom}): ${plan.title}`);
console.log(`Source text: ${plan.cleaned.paragraphs.length} paragraph(s).`);

for (const warning of analysis.warnings) console.log(`! ${warning}`);
printSuggestions(plan.suggestions, options.lang);

writeArticle(plan);
console.log(`\nCreated ${plan.folder}/: ${plan.files.map((f) => f.name).join(", ")} (all drafts).`);

const check = checkArticle(options.content, plan);
if (check.problems.length > 0 || !check.article) {
  for (const problem of check.problems) console.error(`✗ ${formatProblem(problem)}`);
  fail(`The new folder does not pass the checks of npm run check; fix the files above.`);
}
console.log(`✓ The folder passes the checks of npm run check (draft: ${check.article.draft}).`);
console.log(
  `Next: write ${ARTICLE_FILES.summary("fr")} and ${ARTICLE_FILES.summary("es")}, confirm the topics in ${ARTICLE_FILES.meta}, then remove the draft flags.`,
);

function printSuggestions(found: Suggestions | null, lang: Lang): void {
  if (!found) return;
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(", ") : "none");
  console.log("\nThe analysis found:");
  console.log(`  actors: ${list(found.actors.map((a) => `${a.names[lang]} [${a.id}] ×${a.count}`))}`);
  console.log(`  topics: ${list(found.topics)}`);
  console.log(`  quotes: ${found.quotes}`);
  console.log(`  figures: ${list(found.figures)}`);
  console.log(`  dates: ${list(found.dates)}`);
  console.log(`  names not in the registry: ${list(found.candidates)}`);
}

function printPageMetadata(options: NewArticleOptions): void {
  const from = options.page?.from ?? {};
  const read = [
    from.lang && `language ${options.lang} (${from.lang})`,
    from.date && `date ${options.date.iso} (${from.date})`,
    from.outlet && `outlet ${options.outlet} (${from.outlet})`,
    from.url && `address ${options.url} (${from.url})`,
  ].filter(Boolean);
  console.log(`Read from the page: ${read.length > 0 ? read.join(", ") : "nothing the options did not give"}.`);
  for (const note of options.page?.passedOver ?? []) console.log(`! ${note}`);
}
