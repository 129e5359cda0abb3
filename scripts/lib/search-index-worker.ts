import { parentPort, workerData } from "node:worker_threads";
import * as pagefind from "pagefind";
import type { IndexRecord } from "../../src/search/index-record.ts";
import { type BundleFile, canonicalBundle } from "./pagefind-canonical.ts";
import { type Job, type ShardPlan, type ShardRecords, decodeRecords, languageIndex, pagefindRecord, readZippedChunks, writeZippedChunks } from "./pagefind-shards.ts";

/**
 * indexSite()'s work for one language (./search-index.ts) on a thread of its own, so that it goes on
 * at its own pace while the main thread renders the pages. Each language is indexed in shards (./pagefind-shards.ts):
 * those in the cache are read from it, the others indexed one after the other by one Pagefind
 * process, each index deleted once its bundle is taken so that its memory is given back, and the
 * process closed at the end. Posts back one bundle per language, in canonical form, or the first error.
 */

/**
 * Indexes each list of records in a Pagefind index of its own and hands over each bundle as it
 * comes. Pagefind 1.5 handles its messages one after the other, in the order they arrive, so
 * records sent without waiting for each answer are still numbered in order, and the next list is
 * sent before a bundle is handed over: Pagefind indexes it while this thread decodes the one
 * before. Every index is created first, since a list's records name their index. At most two
 * lists (two shards, 511 pages each at the most) are in flight.
 */
async function indexJobs(jobs: readonly Job[], each: (job: number, bundle: BundleFile[]) => void): Promise<void> {
  const created = await Promise.all(jobs.map(() => pagefind.createIndex({})));
  const indexes = created.map((answer) => answer.index ?? fail(`Pagefind could not start: ${answer.errors.join("; ")}`));
  // Each index is deleted once its bundle is taken, so that Pagefind gives its memory back; its
  // answer comes after the next list's bundle, so it is awaited only at the end.
  const deleted: Promise<unknown>[] = [];
  const submit = (job: number): Promise<BundleFile[]> => {
    const bundle = jobs[job]!().then((records) => indexRecords(indexes[job]!, records));
    const settled = bundle.finally(() => deleted.push(indexes[job]!.deleteIndex().then(() => null, (error: unknown) => error ?? "deleteIndex failed")));
    // A failure is thrown where the bundle is awaited; the copy made by finally() is not left rejected.
    settled.catch(() => {});
    return settled;
  };
  let pending = submit(0);
  for (let job = 0; job < jobs.length; job++) {
    const next = job + 1 < jobs.length ? submit(job + 1) : undefined;
    each(job, await pending);
    if (next) pending = next;
  }
  const failure = (await Promise.all(deleted)).find((error) => error !== null);
  if (failure !== undefined) throw failure;
}

/** Sends one list's records and asks for its bundle at once: the bundle comes once they are indexed. */
async function indexRecords(index: pagefind.PagefindIndex, records: readonly IndexRecord[]): Promise<BundleFile[]> {
  const added = Promise.all(
    records.map((record) =>
      index.addCustomRecord(pagefindRecord(record)).then((answer) => (answer.errors.length > 0 ? `Pagefind could not index ${record.url}: ${answer.errors.join("; ")}` : null)),
    ),
  );
  // The bundle is taken in memory: Pagefind's own writeFiles can answer before its writes reach
  // the disk (it drops its files unflushed).
  const [problems, bundle] = await Promise.all([added, index.getFiles()]);
  const problem = problems.find((found) => found !== null);
  if (problem) throw new Error(problem);
  if (bundle.errors.length > 0) throw new Error(`Pagefind could not build its bundle: ${bundle.errors.join("; ")}`);
  return bundle.files.map((file) => ({ path: file.path, content: file.content }));
}

function fail(message: string): never {
  throw new Error(message);
}

/**
 * A language to index, as indexSite() hands it over: its plan, whose records hold only their sort
 * keys, and the records of the shards the cache lacks, each encoded in a buffer of its own
 * (encodeRecords()), decoded only when Pagefind is about to index that shard.
 */
export interface LanguageWork {
  plan: ShardPlan;
  sent: Map<number, Uint8Array>;
  first?: Uint8Array;
}

/** What the thread asks indexSite() for: a shard it was not sent, whose file in the cache could not be read. */
export interface RecordsRequest {
  need: { lang: string; shard: number | "first" };
}

export interface RecordsAnswer {
  records: { lang: string; shard: number | "first"; bytes: Uint8Array };
}

async function indexLanguages(work: LanguageWork[], cacheDir: string | undefined): Promise<BundleFile[][]> {
  try {
    const bundles: BundleFile[][] = [];
    // Each language is put in canonical form here (canonicalBundle()), on this thread: its chunks
    // are cut and zipped while the main thread renders, those zipped by the last build taken from the cache.
    for (const language of work) {
      const zipped = cacheDir ? readZippedChunks(cacheDir, language.plan.lang) : undefined;
      bundles.push(canonicalBundle(await languageIndex(language.plan, indexJobs, cacheDir, recordsOf(language)), zipped));
      if (cacheDir && zipped) writeZippedChunks(cacheDir, language.plan.lang, zipped);
    }
    return bundles;
  } finally {
    // The indexer is a child process: closing it frees its memory and lets the thread end.
    await pagefind.close();
  }
}

/** Each shard's records once, from the buffer sent, let go of as they are decoded; any other asked of indexSite(). */
function recordsOf(language: LanguageWork): ShardRecords {
  return (shard) => {
    const bytes = shard === "first" ? language.first : language.sent.get(shard);
    if (shard === "first") delete language.first;
    else language.sent.delete(shard);
    return bytes ? Promise.resolve(decodeRecords(bytes)) : ask(language.plan.lang, shard);
  };
}

/** Shards asked for and not yet answered; the thread listens to its port only meanwhile, so that it can end. */
const asked = new Map<string, (bytes: Uint8Array) => void>();

function answered({ records }: RecordsAnswer): void {
  const key = `${records.lang} ${records.shard}`;
  asked.get(key)?.(records.bytes);
  asked.delete(key);
  if (asked.size === 0) parentPort?.off("message", answered);
}

function ask(lang: string, shard: number | "first"): Promise<IndexRecord[]> {
  return new Promise((resolve) => {
    if (asked.size === 0) parentPort?.on("message", answered);
    asked.set(`${lang} ${shard}`, (bytes) => resolve(decodeRecords(bytes)));
    parentPort?.postMessage({ need: { lang, shard } } satisfies RecordsRequest);
  });
}

// The work is taken out of workerData, so that its buffers are let go of as they are indexed.
const { cacheDir } = workerData as { cacheDir?: string };
indexLanguages(takeWork(), cacheDir).then(
  // Copied, not transferred: Pagefind's small files may share one pooled buffer.
  (bundles) => parentPort?.postMessage({ bundles }),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);

function takeWork(): LanguageWork[] {
  const data = workerData as { work?: LanguageWork[] };
  const work = data.work ?? [];
  delete data.work;
  return work;
}
