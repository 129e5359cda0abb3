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
import { formatProblem, fromZodMessage } from "../src/content/problems.ts";
import { commandLineError } from "../src/messages/command-line.ts";
import { editorLanguage, say, speaker } from "../src/messages/index.ts";
import { articleMetaSchema, type PublicationDate, publicationDateSchema } from "../src/content/schemas.ts";
import { normalizeText } from "../src/content/text.ts";
import { readYaml } from "../src/content/yaml.ts";
import { isLang, type Lang } from "../src/languages.ts";

// Messages in the language LC_ALL, LC_MESSAGES or LANG asks for (src/messages/).
const lang = editorLanguage();
const t = speaker(lang);

function fail(message: string): never {
  console.error(`✗ ${message}\n${t("analyze.usage")}`);
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
  fail(commandLineError(error, lang));
}
const { values, positionals } = parsed;
if (positionals.length !== 1) fail(positionals.length === 0 ? t("analyze.which") : t("analyze.oneAtATime", { count: positionals.length }));
const target = positionals[0] as string;
if (!existsSync(target)) fail(t("analyze.noSuch", { target }));
if (values.lang !== undefined && !isLang(values.lang)) fail(t("analyze.langWrong", { value: values.lang }));

function parseDate(raw: string): PublicationDate {
  const result = publicationDateSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]?.message;
    fail(t("new.optionFound", { option: "--date", expected: issue === undefined ? "YYYY-MM-DD" : say(lang, fromZodMessage(issue)), value: raw }));
  }
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
    if (!existsSync(sourceFile)) fail(t("analyze.noSource", { target }));
    let meta: { lang?: Lang; date?: PublicationDate; topics?: string[] } = {};
    if (existsSync(metaFile)) {
      const read = readYaml(normalizeText(readFileSync(metaFile, "utf8")), metaFile);
      if (!read.ok) fail(formatProblem(read.problem, lang));
      const result = articleMetaSchema.safeParse(read.value);
      if (!result.success) fail(t("analyze.invalidMeta", { file: metaFile }));
      meta = result.data;
    }
    const sourceLang = (values.lang as Lang | undefined) ?? meta.lang;
    const date = values.date ? parseDate(values.date) : meta.date;
    if (!sourceLang || !date) fail(t("analyze.noMeta", { target }));
    return { text: normalizeText(readFileSync(sourceFile, "utf8")), lang: sourceLang, date, assignedTopics: meta.topics ?? [] };
  }
  if (!values.lang) fail(t("analyze.needsLang"));
  if (!values.date) fail(t("analyze.needsDate"));
  return { text: normalizeText(readFileSync(target, "utf8")), lang: values.lang as Lang, date: parseDate(values.date), assignedTopics: [] };
}

const input = readInput();
const { registry, problems } = loadRegistry(values.content);
if (problems.length > 0) {
  for (const p of problems) console.error(`✗ ${formatProblem(p, lang)}`);
  fail(t("analyze.registryProblems"));
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
  out.push(`${target} — ${input.lang}, ${input.date.iso}${input.date.precision === "month" ? t("analyze.monthOnly") : ""}`);

  out.push(`\n${t("analyze.actors", { count: a.actors.length })}`);
  for (const { actorId, count } of a.actors) {
    out.push(`  ${name(actorId)} [${actorId}] ×${count}`);
    for (const m of a.mentions.filter((x) => x.actorId === actorId)) {
      out.push(`    - "${m.text}"${m.via === "name" ? "" : ` (${t(`analyze.via.${m.via}`)})`}: ${clip(a.sentences[m.sentence] ?? "")}`);
    }
  }
  out.push(`
${t("analyze.candidates", { count: a.candidates.length })}`);
  for (const c of a.candidates) out.push(`  ${c.name} (${t(`candidateKind.${c.kind}`)}): ${clip(a.sentences[c.sentence] ?? "")}`);

  const none = t("analyze.none");
  out.push(`\n${t("analyze.topics")}`);
  out.push(`  ${t("analyze.assigned", { topics: input.assignedTopics.join(", ") || none })}`);
  out.push(`  ${t("analyze.suggested", { topics: suggested.map((s) => `${s.topicId} (${s.count}: ${s.terms.slice(0, 4).join(", ")})`).join("; ") || none })}`);

  out.push(`\n${t("analyze.quotes", { count: a.quotes.length })}`);
  for (const q of a.quotes) {
    const who = q.speaker ? name(q.speaker) : q.speakerText ? t("analyze.unattributedNamed", { speaker: q.speakerText }) : t("analyze.unattributed");
    out.push(`  « ${clip(q.text, 90)} »\n    — ${who}${q.attribution ? ` (${q.attribution})` : ""}`);
  }
  out.push(`\n${t("analyze.figures", { count: a.figures.length })}`);
  for (const f of a.figures) out.push(`  ${f.raw} → ${f.value} ${f.unit}: ${clip(a.sentences[f.sentence] ?? "")}`);
  out.push(`\n${t("analyze.dates", { count: a.dates.length })}`);
  for (const d of a.dates) {
    const when = `${d.date}${d.until ? `..${d.until}` : ""}${d.uncertain ? t("analyze.uncertain") : ""}`;
    out.push(`  ${when} "${d.phrase}": ${clip(a.sentences[d.sentence] ?? "")}`);
  }
  return out.join("\n");
}
