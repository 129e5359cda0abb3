/**
 * npm run check [-- --content DIR] [--json]: everything the editors need to know about the corpus.
 *
 * Errors (exit 1): invalid files with the file, the field, what was expected and what was found;
 * missing summaries; unknown topic ids; finished summaries that still hold the importer's
 * placeholders; facts a finished summary gives that its source does not support.
 * Information (never fails): drafts and what is left in each, coverage per language, and names not
 * in the registry seen in several articles. See src/editorial/report.ts; --json prints the report.
 */
import { analyzeCorpus } from "../src/analysis/index.ts";
import { printReport } from "../src/editorial/print.ts";
import { editorialReport } from "../src/editorial/report.ts";
import { editorLanguage, isMessage, say } from "../src/messages/index.ts";
import { validateContent } from "../src/validate.ts";
import { parseCommandLine } from "./lib/command-line.ts";

// The report in the language LC_ALL, LC_MESSAGES or LANG asks for (src/messages/).
const lang = editorLanguage();
const { values } = parseCommandLine(lang, "check.usage", {
  options: {
    content: { type: "string", default: "content" },
    json: { type: "boolean", default: false },
    examples: { type: "string", default: "1" },
  },
});
// The same validation as the build and the development server (src/validate.ts), then the
// analysis of every article, drafts included: what a draft still gets wrong is worth knowing.
const content = validateContent(values.content);
// Facts are checked only against a registry that loaded cleanly: a broken one would report
// every summary as unsupported.
const registryLoaded = !content.problems.some((p) => p.rule === "registry-file");
const analysis = registryLoaded ? await analyzeCorpus(content.articles, content.registry) : null;
const report = editorialReport({
  articles: content.articles,
  problems: content.problems,
  analysis,
  registry: analysis ? content.registry : null,
});

// In JSON too, what was expected, found and the fix are words in the editor's language.
const words = (_key: string, value: unknown) => (isMessage(value) ? say(lang, value) : value);
console.log(values.json ? JSON.stringify(report, words, 2) : printReport(report, { examples: Number(values.examples), lang }));
process.exitCode = report.errorCount > 0 ? 1 : 0;
