/**
 * npm run score-devset -- <devset folder> [--lang fr|es] [--details] [--json] [--content DIR]
 *
 * Measures the analysis on hand-annotated articles it was not written on: runs it on every
 * <folder>/<lang>/<slug>/source.txt with the project's registry and compares what it finds with
 * the article's gold.yaml. The folder's format (and why its articles are never committed) is in
 * docs/devset-format.md. Every measure is micro-averaged: counts are added over all articles,
 * then divided, so a long article weighs what its facts weigh.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { CORE_SCHEMA, load } from "js-yaml";
import { analyzeText, loadRegistry, type Registry } from "../src/analysis/index.ts";
import { suggestTopics } from "../src/analysis/topics.ts";
import { formatProblem } from "../src/content/problems.ts";
import { normalizeText } from "../src/content/text.ts";
import { isLang, type Lang } from "../src/languages.ts";
import { fold } from "../src/text/fold.ts";

export interface GoldQuote {
  start: string;
  speaker: string | null;
}

export interface Gold {
  people: string[];
  organizations: string[];
  places: string[];
  other_names: string[];
  /** Bylines, photographers and agencies' credit lines: never a person of the article. */
  debris: string[];
  quotes: GoldQuote[];
  figures: { value: number; unit: string }[];
  dates: { date: string; phrase?: string }[];
  topics: string[];
  /** Subjects the article is about that no topic of the registry covers (free words). */
  topics_missing: string[];
}

/** What the scorer reads of one analysis: the fields of `npm run analyze -- … --json`. */
export interface Predicted {
  /** People the analysis names: registry actors of kind person and candidates of kind person. */
  people: string[];
  quotes: { text: string; speakerNames: string[]; speakerText?: string }[];
  figures: { value: number; unit: string }[];
  dates: { date: string }[];
  topics: string[];
}

export interface DevArticle {
  lang: Lang;
  slug: string;
  date: string;
  /** The article's own title (meta.yaml), which the analysis weighs as a build does. */
  title?: string;
  text: string;
  gold: Gold;
}

/** Correct predictions over predictions, and gold items found over gold items. */
export interface Tally {
  predicted: number;
  correct: number;
  gold: number;
  found: number;
}

export const MEASURES = ["people", "quotes", "speakers", "figures", "dates", "topics"] as const;
export type Measure = (typeof MEASURES)[number];

export interface ArticleScore {
  lang: Lang;
  slug: string;
  tallies: Record<Measure, Tally>;
  /** Reported people that the gold lists as a place, organization, other name or page debris. */
  nonPeople: string[];
  /** What was missed and what was extra, per measure, for --details. */
  misses: Partial<Record<Measure, string[]>>;
  extras: Partial<Record<Measure, string[]>>;
}

export interface Report {
  articles: number;
  byLang: Record<Lang, number>;
  tallies: Record<Measure, Tally>;
  nonPeople: number;
  /** How many articles name each subject that no topic covers, most named first. */
  topicsMissing: [string, number][];
  scores: ArticleScore[];
}

const PARTICLES = new Set(["de", "del", "la", "las", "los", "y", "e", "du", "des", "le", "da", "van", "von"]);

function words(name: string): string[] {
  return fold(name)
    .replace(/[’']/g, " ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !PARTICLES.has(w));
}

/**
 * One name stands for another when every word of the shorter is a word of the longer, particles
 * aside: "Sheinbaum" and "Claudia Sheinbaum Pardo", "Marcelo Ebrard" and "Marcelo Ebrard
 * Casaubón". A shared first name alone is not enough ("Claudia" ≠ "Claudia Sheinbaum" is
 * accepted only because every word of "Claudia" is in it: the analysis never reports a first
 * name alone, and the gold lists full names).
 */
export function sameName(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return false;
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.every((w) => long.includes(w));
}

function norm(text: string): string {
  return fold(text)
    .replace(/[’']/g, "'")
    .replace(/[«»“”„"]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A found quote is a gold quote when one's opening is the other's: the gold gives the first
 * words, and a quote the analysis cut short (or began a few words late, after a dash) still counts.
 */
export function sameQuote(found: string, goldStart: string): boolean {
  const f = norm(found);
  const g = norm(goldStart);
  if (f.length === 0 || g.length === 0) return false;
  const probe = g.slice(0, 40);
  return f.includes(probe) || (f.length >= 12 && g.startsWith(f.slice(0, 40)));
}

/** Units compared folded and without a plural "s": "migrants" = "migrant", "USD" = "usd". */
export function sameFigure(p: { value: number; unit: string }, g: { value: number; unit: string }): boolean {
  const unit = (u: string) => fold(u).replace(/s$/, "");
  return Math.abs(p.value - g.value) <= 1e-9 * Math.max(1, Math.abs(g.value)) && unit(p.unit) === unit(g.unit);
}

function rightSpeaker(q: Predicted["quotes"][number], gold: string | null): boolean {
  if (gold === null) return q.speakerNames.length === 0 && (q.speakerText === undefined || !/^\p{Lu}/u.test(q.speakerText));
  const names = [...q.speakerNames, ...(q.speakerText ? [q.speakerText] : [])];
  return names.some((n) => sameName(n, gold));
}

function tally(): Tally {
  return { predicted: 0, correct: 0, gold: 0, found: 0 };
}

/** One-to-one: each gold item is found by at most one prediction, each prediction finds at most one. */
function pair<P, G>(predicted: P[], gold: G[], same: (p: P, g: G) => boolean): { pairs: [P, G][]; extra: P[]; missed: G[] } {
  const taken = new Set<number>();
  const pairs: [P, G][] = [];
  const extra: P[] = [];
  for (const p of predicted) {
    const i = gold.findIndex((g, j) => !taken.has(j) && same(p, g));
    if (i < 0) extra.push(p);
    else {
      taken.add(i);
      pairs.push([p, gold[i] as G]);
    }
  }
  return { pairs, extra, missed: gold.filter((_, j) => !taken.has(j)) };
}

export function scoreArticle(article: Pick<DevArticle, "lang" | "slug" | "gold">, predicted: Predicted): ArticleScore {
  const { gold } = article;
  const tallies = Object.fromEntries(MEASURES.map((m) => [m, tally()])) as Record<Measure, Tally>;
  const misses: ArticleScore["misses"] = {};
  const extras: ArticleScore["extras"] = {};

  // People: a set, since the same person reported twice ("Sheinbaum", "Claudia Sheinbaum") is one
  // person found, and a duplicate of a correct name is not a false name.
  const people = [...new Map(predicted.people.map((n) => [norm(n), n])).values()];
  const correctPeople = people.filter((p) => gold.people.some((g) => sameName(p, g)));
  const foundPeople = gold.people.filter((g) => people.some((p) => sameName(p, g)));
  tallies.people = { predicted: people.length, correct: correctPeople.length, gold: gold.people.length, found: foundPeople.length };
  misses.people = gold.people.filter((g) => !foundPeople.includes(g));
  extras.people = people.filter((p) => !correctPeople.includes(p));
  const notPeople = [...gold.places, ...gold.organizations, ...gold.other_names, ...gold.debris];
  const nonPeople = extras.people.filter((p) => notPeople.some((n) => sameName(p, n)));

  const quotes = pair(predicted.quotes, gold.quotes, (p, g) => sameQuote(p.text, g.start));
  tallies.quotes = { predicted: predicted.quotes.length, correct: quotes.pairs.length, gold: gold.quotes.length, found: quotes.pairs.length };
  misses.quotes = quotes.missed.map((g) => g.start);
  extras.quotes = quotes.extra.map((p) => p.text.slice(0, 60));
  // Speakers are judged on the gold quotes the analysis found: detection is its own measure.
  const right = quotes.pairs.filter(([p, g]) => rightSpeaker(p, g.speaker));
  tallies.speakers = { predicted: quotes.pairs.length, correct: right.length, gold: quotes.pairs.length, found: right.length };
  misses.speakers = quotes.pairs
    .filter((pg) => !right.includes(pg))
    .map(([p, g]) => `"${g.start}": ${g.speaker ?? "nobody"}, found ${[...p.speakerNames, ...(p.speakerText ? [`"${p.speakerText}"`] : [])].join(" / ") || "nobody"}`);

  const figures = pair(predicted.figures, gold.figures, sameFigure);
  tallies.figures = { predicted: predicted.figures.length, correct: figures.pairs.length, gold: gold.figures.length, found: figures.pairs.length };
  misses.figures = figures.missed.map((f) => `${f.value} ${f.unit}`);
  extras.figures = figures.extra.map((f) => `${f.value} ${f.unit}`);

  // A date is its day, its month or its year: the string's length says which precision.
  const dates = pair(predicted.dates, gold.dates, (p, g) => p.date === g.date);
  tallies.dates = { predicted: predicted.dates.length, correct: dates.pairs.length, gold: gold.dates.length, found: dates.pairs.length };
  misses.dates = dates.missed.map((d) => `${d.date}${d.phrase ? ` "${d.phrase}"` : ""}`);
  extras.dates = dates.extra.map((d) => d.date);

  const topics = [...new Set(predicted.topics)];
  const correctTopics = topics.filter((t) => gold.topics.includes(t));
  tallies.topics = { predicted: topics.length, correct: correctTopics.length, gold: gold.topics.length, found: correctTopics.length };
  misses.topics = gold.topics.filter((t) => !topics.includes(t));
  extras.topics = topics.filter((t) => !gold.topics.includes(t));

  return { lang: article.lang, slug: article.slug, tallies, nonPeople, misses, extras };
}

export function summarize(scores: ArticleScore[], golds: Pick<Gold, "topics_missing">[] = []): Report {
  const tallies = Object.fromEntries(MEASURES.map((m) => [m, tally()])) as Record<Measure, Tally>;
  for (const s of scores) {
    for (const m of MEASURES) {
      const t = tallies[m];
      const a = s.tallies[m];
      t.predicted += a.predicted;
      t.correct += a.correct;
      t.gold += a.gold;
      t.found += a.found;
    }
  }
  const byLang = { fr: 0, es: 0 } as Record<Lang, number>;
  for (const s of scores) byLang[s.lang] += 1;
  const missing = new Map<string, number>();
  for (const g of golds) for (const subject of new Set(g.topics_missing)) missing.set(subject, (missing.get(subject) ?? 0) + 1);
  const topicsMissing = [...missing].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { articles: scores.length, byLang, tallies, nonPeople: scores.reduce((n, s) => n + s.nonPeople.length, 0), topicsMissing, scores };
}

/** Nothing predicted and nothing to find is perfect; nothing predicted with something to find is 0 recall. */
export function precision(t: Tally): number {
  return t.predicted === 0 ? 1 : t.correct / t.predicted;
}
export function recall(t: Tally): number {
  return t.gold === 0 ? 1 : t.found / t.gold;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export function parseGold(raw: unknown, file: string): Gold {
  if (!raw || typeof raw !== "object") throw new Error(`${file}: expected a mapping of people, quotes, figures, dates, topics…`);
  const g = raw as Record<string, unknown>;
  const objects = (field: string): Record<string, unknown>[] => {
    const v = g[field] ?? [];
    if (!Array.isArray(v) || v.some((x) => !x || typeof x !== "object")) throw new Error(`${file}: ${field}: expected a list of mappings`);
    return v as Record<string, unknown>[];
  };
  const quotes = objects("quotes").map((q, i) => {
    if (typeof q.start !== "string") throw new Error(`${file}: quotes.${i}.start: expected the quote's first words`);
    if (q.speaker !== null && q.speaker !== undefined && typeof q.speaker !== "string") throw new Error(`${file}: quotes.${i}.speaker: expected a name or null`);
    return { start: q.start, speaker: (q.speaker as string | undefined) ?? null };
  });
  const figures = objects("figures").map((f, i) => {
    if (typeof f.value !== "number" || typeof f.unit !== "string") throw new Error(`${file}: figures.${i}: expected { value: number, unit: text }`);
    return { value: f.value, unit: f.unit };
  });
  const dates = objects("dates").map((d, i) => {
    if (typeof d.date !== "string" || !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(d.date)) throw new Error(`${file}: dates.${i}.date: expected YYYY-MM-DD, YYYY-MM or YYYY, found ${JSON.stringify(d.date)}`);
    return { date: d.date, ...(typeof d.phrase === "string" ? { phrase: d.phrase } : {}) };
  });
  return {
    people: list(g.people),
    organizations: list(g.organizations),
    places: list(g.places),
    other_names: list(g.other_names),
    debris: list(g.debris),
    quotes,
    figures,
    dates,
    topics: list(g.topics),
    topics_missing: list(g.topics_missing),
  };
}

const readYamlFile = (file: string): unknown => load(normalizeText(readFileSync(file, "utf8")), { schema: CORE_SCHEMA });

/**
 * Every complete article of the set: a folder with source.txt, meta.yaml and gold.yaml. Gold is
 * written last, so a folder still being annotated is skipped rather than scored half-done.
 */
export function readDevset(dir: string, only?: Lang): DevArticle[] {
  const articles: DevArticle[] = [];
  for (const lang of ["fr", "es"] as const) {
    if (only && only !== lang) continue;
    const langDir = path.join(dir, lang);
    if (!existsSync(langDir)) continue;
    for (const slug of readdirSync(langDir).sort()) {
      const folder = path.join(langDir, slug);
      const files = ["source.txt", "meta.yaml", "gold.yaml"].map((f) => path.join(folder, f));
      if (!files.every((f) => existsSync(f))) continue;
      const [sourceFile, metaFile, goldFile] = files as [string, string, string];
      const meta = readYamlFile(metaFile) as Record<string, unknown> | null;
      const date = meta?.date;
      if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${metaFile}: date: expected YYYY-MM-DD, found ${JSON.stringify(date)}`);
      if (meta?.lang !== undefined && meta.lang !== lang) throw new Error(`${metaFile}: lang: expected ${lang} (the folder it is in), found ${JSON.stringify(meta.lang)}`);
      const title = typeof meta?.title === "string" ? meta.title : undefined;
      articles.push({ lang, slug, date, title, text: normalizeText(readFileSync(sourceFile, "utf8")), gold: parseGold(readYamlFile(goldFile), goldFile) });
    }
  }
  return articles;
}

/** Runs the project's analysis on one article and keeps what the scorer compares. */
export function predict(article: Pick<DevArticle, "lang" | "date" | "text" | "title">, registry: Registry): Predicted {
  const analysis = analyzeText({ text: article.text, lang: article.lang, date: { iso: article.date, precision: "day" }, title: article.title }, registry);
  const actorNames = (id: string): string[] => {
    const actor = registry.actors.get(id);
    if (!actor) return [id];
    const a = actor.aliases;
    return [actor.name[article.lang], actor.name.fr, actor.name.es, ...(a?.any ?? []), ...(a?.[article.lang] ?? []), ...(actor.short ?? [])];
  };
  const people = [
    ...analysis.actors.filter((a) => registry.actors.get(a.actorId)?.kind === "person").map((a) => actorNames(a.actorId)[0] as string),
    // Until candidates carry a kind, every candidate is offered as a person.
    ...analysis.candidates.filter((c) => kindOf(c) === undefined || kindOf(c) === "person").map((c) => c.name),
  ];
  return {
    people,
    quotes: analysis.quotes.map((q) => ({ text: q.text, speakerNames: q.speaker ? actorNames(q.speaker) : [], ...(q.speakerText ? { speakerText: q.speakerText } : {}) })),
    figures: analysis.figures.map((f) => ({ value: f.value, unit: f.unit })),
    dates: analysis.dates.map((d) => ({ date: d.date })),
    topics: suggestTopics(analysis.topics, []).map((s) => s.topicId),
  };
}

function kindOf(candidate: object): string | undefined {
  return "kind" in candidate && typeof candidate.kind === "string" ? candidate.kind : undefined;
}

export function scoreDevset(articles: DevArticle[], predictOne: (a: DevArticle) => Predicted): Report {
  return summarize(
    articles.map((a) => scoreArticle(a, predictOne(a))),
    articles.map((a) => a.gold),
  );
}

const LABELS: Record<Measure, string> = {
  people: "people",
  quotes: "quote detection",
  speakers: "quote speaker right",
  figures: "figures",
  dates: "dates",
  topics: "topics",
};

export function renderReport(report: Report, details: boolean): string {
  const out: string[] = [];
  const f2 = (x: number) => x.toFixed(2);
  if (details) {
    for (const s of report.scores) {
      out.push(`\n${s.lang}/${s.slug}`);
      for (const m of MEASURES) {
        const t = s.tallies[m];
        const miss = s.misses[m] ?? [];
        const extra = s.extras[m] ?? [];
        out.push(`  ${LABELS[m]}: ${t.correct}/${t.predicted} right, ${t.found}/${t.gold} found`);
        if (miss.length > 0) out.push(`    missed: ${miss.join(" | ")}`);
        if (extra.length > 0) out.push(`    extra:  ${extra.join(" | ")}`);
      }
      if (s.nonPeople.length > 0) out.push(`  non-people offered as people: ${s.nonPeople.join(" | ")}`);
    }
    out.push("");
  }
  out.push(`${report.articles} articles (fr ${report.byLang.fr}, es ${report.byLang.es})`);
  out.push("measure                precision  recall   (right/predicted, found/gold)");
  for (const m of MEASURES) {
    const t = report.tallies[m];
    const p = m === "speakers" ? `${f2(recall(t))}` : f2(precision(t));
    const r = m === "speakers" ? "" : f2(recall(t));
    out.push(`${LABELS[m].padEnd(22)} ${p.padStart(9)}  ${r.padStart(6)}   (${t.correct}/${t.predicted}, ${t.found}/${t.gold})`);
  }
  const people = report.tallies.people;
  out.push(`non-people offered as people: ${report.nonPeople} of ${people.predicted} reported people`);
  if (report.topicsMissing.length > 0) {
    out.push(`subjects no topic covers (articles): ${report.topicsMissing.map(([subject, n]) => `${subject} ${n}`).join(", ")}`);
  }
  return out.join("\n");
}

function main(): void {
  const usage = "usage: npm run score-devset -- <devset folder> [--lang fr|es] [--details] [--json] [--content DIR]";
  const fail = (message: string): never => {
    console.error(`✗ ${message}\n${usage}`);
    process.exit(2);
  };
  let parsed: { values: { lang?: string; details?: boolean; json?: boolean; content?: string }; positionals: string[] } = { values: {}, positionals: [] };
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { lang: { type: "string" }, details: { type: "boolean", default: false }, json: { type: "boolean", default: false }, content: { type: "string", default: "content" } },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) fail("which development set? Give its folder (it holds fr/ and es/)");
  const dir = positionals[0] as string;
  if (!existsSync(dir)) fail(`no such folder: ${dir}`);
  if (values.lang !== undefined && !isLang(values.lang)) fail(`--lang must be fr or es, not "${values.lang}"`);
  const { registry, problems } = loadRegistry(values.content ?? "content");
  if (problems.length > 0) {
    for (const p of problems) console.error(`✗ ${formatProblem(p)}`);
    fail("the registry has problems; fix them first (npm run check)");
  }
  let articles: DevArticle[] = [];
  try {
    articles = readDevset(dir, values.lang as Lang | undefined);
  } catch (error) {
    fail((error as Error).message);
  }
  if (articles.length === 0) fail(`${dir} holds no complete article (<lang>/<slug>/ with source.txt, meta.yaml and gold.yaml)`);
  const report = scoreDevset(articles, (a) => predict(a, registry));
  if (values.json) {
    const measures = Object.fromEntries(MEASURES.map((m) => [m, { ...report.tallies[m], precision: precision(report.tallies[m]), recall: recall(report.tallies[m]) }]));
    const { articles: count, byLang, nonPeople, topicsMissing, scores } = report;
    console.log(JSON.stringify({ articles: count, byLang, measures, nonPeople, topicsMissing, scores }, null, 2));
  } else {
    console.log(renderReport(report, values.details ?? false));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
