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
import { type NewArticleOptions, parseNewArticleArgs, usage } from "../src/importer/args.ts";
import { describeRemovals } from "../src/importer/clean.ts";
import { checkArticle, planArticle, writeArticle } from "../src/importer/new-article.ts";
import type { Suggestions } from "../src/importer/suggest.ts";
import type { Lang } from "../src/languages.ts";
import { editorLanguage, speaker } from "../src/messages/index.ts";

// Messages in the language LC_ALL, LC_MESSAGES or LANG asks for (src/messages/).
const editor = editorLanguage();
const t = speaker(editor);

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

const args = parseNewArticleArgs(process.argv.slice(2), editor);
if (!args.ok) {
  for (const error of args.errors) console.error(`✗ ${error}`);
  console.error(`\n${usage(editor)}`);
  process.exit(1);
}
const options = args.options;
if (options.page) printPageMetadata(options);

const analysis = connectAnalysis(options.content, editor);
const result = planArticle({ ...options, contentDir: options.content }, analysis.suggest, editor);
if (!result.ok) fail(t("new.nothingCreated", { reason: result.refusal.message }));
const { plan } = result;

console.log(t("new.removed", { removed: describeRemovals(plan.cleaned.removed, undefined, editor) }));
for (const { rule, lines } of plan.cleaned.removed) {
  for (const line of lines) console.log(`  - [${rule}] ${line.length > 100 ? `${line.slice(0, 97)}…` : line}`);
}
const titleFrom = plan.titleFrom === "heading" ? t("new.fromHeading") : (options.page?.from.title ?? "--title");
console.log(t("new.title", { from: titleFrom, title: plan.title }));
console.log(t("new.paragraphs", { count: plan.cleaned.paragraphs.length }));

for (const warning of analysis.warnings) console.log(`! ${warning}`);
printSuggestions(plan.suggestions, options.lang);

writeArticle(plan);
console.log(`\n${t("new.created", { folder: plan.folder, files: plan.files.map((f) => f.name).join(", ") })}`);

const check = checkArticle(options.content, plan);
if (check.problems.length > 0 || !check.article) {
  for (const problem of check.problems) console.error(`✗ ${formatProblem(problem, editor)}`);
  fail(t("new.failsCheck"));
}
console.log(t("new.passesCheck", { draft: String(check.article.draft) }));
console.log(t("new.next", { fr: ARTICLE_FILES.summary("fr"), es: ARTICLE_FILES.summary("es"), meta: ARTICLE_FILES.meta }));

function printSuggestions(found: Suggestions | null, lang: Lang): void {
  if (!found) return;
  const line = (what: "actors" | "topics" | "figures" | "dates" | "candidates", items: readonly string[]) =>
    console.log(`  ${t(`new.found.${what}`, { list: items.length > 0 ? items.join(", ") : t(`new.none.${what}`) })}`);
  console.log(`\n${t("new.analysisFound")}`);
  line("actors", found.actors.map((a) => `${a.names[lang]} [${a.id}] ×${a.count}`));
  line("topics", found.topics);
  console.log(`  ${t("new.found.quotes", { list: String(found.quotes) })}`);
  line("figures", found.figures);
  line("dates", found.dates);
  line("candidates", found.candidates);
}

function printPageMetadata(options: NewArticleOptions): void {
  const from = options.page?.from ?? {};
  const read = [
    from.lang && t("new.read.lang", { value: options.lang, from: from.lang }),
    from.date && t("new.read.date", { value: options.date.iso, from: from.date }),
    from.outlet && t("new.read.outlet", { value: options.outlet, from: from.outlet }),
    from.url && t("new.read.url", { value: options.url ?? "", from: from.url }),
  ].filter(Boolean);
  console.log(t("new.readFromPage", { read: read.length > 0 ? read.join(", ") : t("new.readNothing") }));
  for (const note of options.page?.passedOver ?? []) console.log(`! ${note}`);
}
