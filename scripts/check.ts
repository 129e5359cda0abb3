/**
 * npm run check [-- --content DIR] [--json]: everything the editors need to know about the corpus.
 *
 * Errors (exit 1): invalid files with the file, the field, what was expected and what was found;
 * missing summaries; unknown topic ids; finished summaries that still hold the importer's
 * placeholders; facts a finished summary gives that its source does not support.
 * Information (never fails): drafts and what is left in each, coverage per language, and names not
 * in the registry seen in several articles. See src/editorial/report.ts; --json prints the report.
 */
import { parseArgs } from "node:util";
import { analyzeCorpus, loadRegistry } from "../src/analysis/index.ts";
import { readCorpus } from "../src/content/corpus.ts";
import { printReport } from "../src/editorial/print.ts";
import { editorialReport } from "../src/editorial/report.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    json: { type: "boolean", default: false },
    examples: { type: "string", default: "1" },
  },
});
const { articles, problems } = readCorpus(values.content);
const { registry, problems: registryProblems } = loadRegistry(values.content);
// Facts are checked only against a registry that loaded cleanly: a broken one would report
// every summary as unsupported.
const analysis = registryProblems.length === 0 ? analyzeCorpus(articles, registry) : null;
const report = editorialReport({
  articles,
  problems: [...problems, ...registryProblems],
  analysis,
  registry: analysis ? registry : null,
});

console.log(values.json ? JSON.stringify(report, null, 2) : printReport(report, { examples: Number(values.examples) }));
process.exitCode = report.errorCount > 0 ? 1 : 0;
