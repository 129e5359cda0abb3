/**
 * npm run analyze -- <article folder | raw .txt file> [--lang fr|es] [--date YYYY-MM-DD] [--json] [--content DIR]
 *
 * Shows editors what the analysis finds in one article: actors and their mentions, names the
 * registry does not know (candidates), suggested topics, quotes and their speakers, figures and
 * dates. An article folder supplies its language and date from article.yaml (the flags override
 * them); a raw text needs both flags.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { analyzeText, loadRegistry, type Registry, type TextAnalysis } from "../src/analysis/index.ts";
import { suggestTopics } from "../src/analysis/topics.ts";
import { formatProblem } from "../src/content/problems.ts";
import { articleMetaSchema, type PublicationDate, publicationDateSchema } from "../src/content/schemas.ts";
import { normalizeText } from "../src/content/text.ts";
import { readYaml } from "../src/content/yaml.ts";
import { isLang, type Lang } from "../src/languages.ts";

const USAGE = "usage: npm run analyze -- <article folder | raw .txt file> [--lang fr|es] [--date YYYY-MM-DD] [--json] [--content DIR]";

function fail(message: string): never {
  console.error(`✗ ${message}\n${USAGE}`);
  process.exit(2);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      lang: { type: "string" },
      date: { type: "string" },
      json: { type: "boolean", default: false },
      content: { type: "string", default: "content" },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals } = parsed;
if (positionals.length !== 1) fail(positionals.length === 0 ? "which article? Give a folder or a .txt file" : `one article at a time, not ${positionals.length}`);
const target = positionals[0] as string;
if (!existsSync(target)) fail(`no such file or folder: ${target}`);
if (values.lang !== undefined && !isLang(values.lang)) fail(`--lang must be fr or es, not "${values.lang}"`);

function parseDate(raw: string): PublicationDate {
  const result = publicationDateSchema.safeParse(raw);
  if (!result.success) fail(`--date: expected ${result.error.issues[0]?.message ?? "YYYY-MM-DD"}; found "${raw}"`);
  return result.data;
}

interface Input {
  text: string;
  lang: Lang;
  date: PublicationDate;
  assignedTopics: string[];
}

function readInput(): Input {
  if (statSync(target).isDirectory()) {
    const metaFile = path.join(target, "article.yaml");
    const sourceFile = path.join(target, "source.txt");
    if (!existsSync(sourceFile)) fail(`${target} holds no source.txt: is it an article folder?`);
    let meta: { lang?: Lang; date?: PublicationDate; topics?: string[] } = {};
    if (existsSync(metaFile)) {
      const read = readYaml(normalizeText(readFileSync(metaFile, "utf8")), metaFile);
      if (!read.ok) fail(formatProblem(read.problem));
      const result = articleMetaSchema.safeParse(read.value);
      if (!result.success) fail(`${metaFile} is not valid (run npm run check for details)`);
      meta = result.data;
    }
    const lang = (values.lang as Lang | undefined) ?? meta.lang;
    const date = values.date ? parseDate(values.date) : meta.date;
    if (!lang || !date) fail(`${target} has no article.yaml: give --lang and --date`);
    return { text: normalizeText(readFileSync(sourceFile, "utf8")), lang, date, assignedTopics: meta.topics ?? [] };
  }
  if (!values.lang) fail("a raw text needs --lang fr or --lang es");
  if (!values.date) fail("a raw text needs --date YYYY-MM-DD (or YYYY-MM): roles and relative dates are resolved against it");
  return { text: normalizeText(readFileSync(target, "utf8")), lang: values.lang as Lang, date: parseDate(values.date), assignedTopics: [] };
}

const input = readInput();
const { registry, problems } = loadRegistry(values.content);
if (problems.length > 0) {
  for (const p of problems) console.error(`✗ ${formatProblem(p)}`);
  fail("the registry has problems; fix them first (npm run check)");
}
const analysis = analyzeText(input, registry);
const suggested = suggestTopics(analysis.topics, input.assignedTopics);

if (values.json) {
  console.log(JSON.stringify({ target, lang: input.lang, date: input.date, assignedTopics: input.assignedTopics, suggestedTopics: suggested, analysis }, null, 2));
} else {
  console.log(render(analysis, registry));
}

function render(a: TextAnalysis, reg: Registry): string {
  const out: string[] = [];
  const name = (id: string) => reg.actors.get(id)?.name[input.lang] ?? id;
  const clip = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  out.push(`${target} — ${input.lang}, ${input.date.iso}${input.date.precision === "month" ? " (month only)" : ""}`);

  out.push(`\nActors (${a.actors.length})`);
  for (const { actorId, count } of a.actors) {
    out.push(`  ${name(actorId)} [${actorId}] ×${count}`);
    for (const m of a.mentions.filter((x) => x.actorId === actorId)) {
      out.push(`    - "${m.text}"${m.via === "name" ? "" : ` (${m.via})`}: ${clip(a.sentences[m.sentence] ?? "")}`);
    }
  }
  out.push(`\nCandidates — names not in the registry (${a.candidates.length})`);
  for (const c of a.candidates) out.push(`  ${c.name} (${c.kind}): ${clip(a.sentences[c.sentence] ?? "")}`);

  out.push("\nTopics");
  out.push(`  assigned: ${input.assignedTopics.join(", ") || "none"}`);
  out.push(`  suggested: ${suggested.map((s) => `${s.topicId} (${s.count}: ${s.terms.slice(0, 4).join(", ")})`).join("; ") || "none"}`);

  out.push(`\nQuotes (${a.quotes.length})`);
  for (const q of a.quotes) {
    const who = q.speaker ? name(q.speaker) : q.speakerText ? `unattributed ("${q.speakerText}", not in the registry)` : "unattributed";
    out.push(`  « ${clip(q.text, 90)} »\n    — ${who}${q.attribution ? ` (${q.attribution})` : ""}`);
  }
  out.push(`\nFigures (${a.figures.length})`);
  for (const f of a.figures) out.push(`  ${f.raw} → ${f.value} ${f.unit}: ${clip(a.sentences[f.sentence] ?? "")}`);
  out.push(`\nDates (${a.dates.length})`);
  for (const d of a.dates) {
    const when = `${d.date}${d.until ? `..${d.until}` : ""}${d.uncertain ? " (uncertain)" : ""}`;
    out.push(`  ${when} "${d.phrase}": ${clip(a.sentences[d.sentence] ?? "")}`);
  }
  return out.join("\n");
}
