/**
 * npm run bench-analysis -- DIR [--devset] [--repeat N] [--dump FILE] [--content DIR]
 *
 * For engineers: how long the text analysis takes, on one thread, with no cache. DIR is a content
 * folder (content/, or one written by `npm run generate-corpus`): every article goes through
 * analyzeArticle, the function the build's workers run. With --devset, DIR is a development set
 * (docs/devset-format.md): every source goes through analyzeText with the registry of --content
 * (default content/), as `npm run score-devset` runs it.
 *
 * Prints milliseconds per article (processor time, which other work on the machine moves less, and
 * wall time) and in all, then the processor time of each step of a source's analysis
 * (each step timed alone, on passes of their own). --dump FILE writes every analysis as canonical JSON
 * (keys sorted), so that two versions of the code can be compared with diff.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { analyzeArticle, analyzeText, loadRegistry, type Registry, type TextInput } from "../src/analysis/index.ts";
import { findCandidates } from "../src/analysis/candidates.ts";
import { findDates } from "../src/analysis/dates.ts";
import { findFigures } from "../src/analysis/figures.ts";
import { lexiconFor } from "../src/analysis/lexicon.ts";
import { findMentions } from "../src/analysis/mentions.ts";
import { findQuotes } from "../src/analysis/quotes.ts";
import { splitSentences } from "../src/analysis/sentences.ts";
import { roleDay } from "../src/analysis/tenure.ts";
import { tokenize } from "../src/analysis/tokens.ts";
import { matchTopics } from "../src/analysis/topics.ts";
import { readCorpus } from "../src/content/corpus.ts";
import { blankDebris } from "../src/text/debris.ts";
import { readDevset } from "./score-devset.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    devset: { type: "boolean", default: false },
    repeat: { type: "string", default: "1" },
    dump: { type: "string" },
    content: { type: "string", default: "content" },
  },
});
if (positionals.length !== 1) {
  console.error("usage: npm run bench-analysis -- DIR [--devset] [--repeat N] [--dump FILE] [--content DIR]");
  process.exit(2);
}
const dir = positionals[0] as string;
const repeat = Math.max(1, Number(values.repeat));

interface Job {
  slug: string;
  source: TextInput;
  analyze: () => unknown;
}

function jobs(): { registry: Registry; jobs: Job[] } {
  if (values.devset) {
    const { registry } = loadRegistry(values.content);
    return {
      registry,
      jobs: readDevset(dir).map((a) => {
        const source: TextInput = { text: a.text, lang: a.lang, date: { iso: a.date, precision: "day" }, title: a.title };
        return { slug: `${a.lang}/${a.slug}`, source, analyze: () => analyzeText(source, registry) };
      }),
    };
  }
  const { registry } = loadRegistry(dir);
  const { articles } = readCorpus(dir);
  return {
    registry,
    jobs: articles.map((a) => ({
      slug: a.slug,
      source: { text: a.source.text, lang: a.lang, date: a.date, title: a.title },
      analyze: () => analyzeArticle(a, registry),
    })),
  };
}

/** JSON with every object's keys sorted: the same analysis always gives the same bytes. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * Processor time of this thread alone, in ms (Linux: /proc, in clock ticks of 10 ms), without the
 * collector's and the compiler's helper threads that process.cpuUsage() adds in; null elsewhere.
 */
const THREAD_STAT = `/proc/self/task/${process.pid}/stat`;
function threadCpuMs(): number | null {
  if (!existsSync(THREAD_STAT)) return null;
  const fields = readFileSync(THREAD_STAT, "utf8").split(") ")[1]?.split(" ") ?? [];
  // utime and stime are the 14th and 15th fields, the 12th and 13th after the command's name.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const { registry, jobs: work } = jobs();
const results: unknown[] = [];
const runs: number[] = [];
const cpuRuns: number[] = [];
const threadRuns: number[] = [];
for (let r = 0; r < repeat; r++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const thread = threadCpuMs();
  for (const job of work) {
    const analysis = job.analyze();
    if (r === 0) results.push({ slug: job.slug, analysis });
  }
  runs.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  cpuRuns.push((used.user + used.system) / 1000);
  if (thread !== null) threadRuns.push((threadCpuMs() as number) - thread);
}

// Each step of a source's analysis, in the order analyzeText runs them, timed alone; with
// --repeat, the fastest pass of each step.
const steps: Record<string, number> = {};
for (let r = 0; r < repeat; r++) {
  const pass: Record<string, number> = {};
  // Processor time (of the process, to the microsecond): other work on the machine moves it much less than wall time.
  const time = <T>(step: string, run: () => T): T => {
    const started = process.cpuUsage();
    const result = run();
    const used = process.cpuUsage(started);
    pass[step] = (pass[step] ?? 0) + (used.user + used.system) / 1000;
    return result;
  };
  for (const { source: input } of work) {
    const text = time("debris", () => blankDebris(input.text, input.lang));
    const lexicon = time("lexicon", () => lexiconFor(registry, input.lang));
    const tokens = time("tokens", () => tokenize(text));
    const sentences = time("sentences", () => splitSentences(text));
    const scan = time("mentions", () => findMentions(text, tokens, sentences, lexicon, roleDay(input.date), new Set()));
    time("figures", () => findFigures(text, sentences, input.lang));
    const candidates = time("candidates", () => findCandidates(text, tokens, sentences, scan.covered));
    time("topics", () => matchTopics({ text, tokens, lang: input.lang, title: input.title }, registry));
    time("quotes", () => findQuotes(text, sentences, scan.mentions, registry, { lang: input.lang, candidates, tokens }));
    time("dates", () => findDates(text, sentences, input.lang, input.date));
  }
  for (const [step, ms] of Object.entries(pass)) steps[step] = Math.min(steps[step] ?? Infinity, ms);
}

const best = Math.min(...runs);
const bestCpu = Math.min(...cpuRuns);
const n = work.length;
const round = (ms: number) => Math.round(ms * 1000) / 1000;
console.log(
  JSON.stringify(
    {
      articles: n,
      what: values.devset ? "analyzeText (source)" : "analyzeArticle (source and both summaries)",
      // Processor time moves much less than wall time when other work shares the machine.
      threadCpuMsPerArticle: threadRuns.length > 0 ? round(Math.min(...threadRuns) / n) : null,
      cpuMsPerArticle: round(bestCpu / n),
      msPerArticle: round(best / n),
      totalMs: Math.round(best),
      runsMs: runs.map(Math.round),
      cpuRunsMs: cpuRuns.map(Math.round),
      sourceStepsCpuMsPerArticle: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, round(v / n)])),
    },
    null,
    2,
  ),
);
if (values.dump) writeFileSync(values.dump, results.map((r) => JSON.stringify(canonical(r))).join("\n") + "\n");
