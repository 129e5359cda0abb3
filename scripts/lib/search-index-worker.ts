import { parentPort, workerData } from "node:worker_threads";
import * as pagefind from "pagefind";
import type { IndexRecord } from "../../src/search/index-record.ts";
import { type BundleFile, canonicalBundle } from "./pagefind-canonical.ts";
import { type ShardPlan, languageIndex, pagefindRecord, readZippedChunks, writeZippedChunks } from "./pagefind-shards.ts";

/**
 * indexSite()'s work for one language (./search-index.ts) on a thread of its own, so that it goes on
 * at its own pace while the main thread renders the pages. Each language is indexed in shards (./pagefind-shards.ts):
 * those in the cache are read from it, the others indexed one after the other by one Pagefind
 * process, each index deleted once its bundle is taken so that its memory is given back, and the
 * process closed at the end. Posts back one bundle per language, in canonical form, or the first error.
 */

/** Records sent to Pagefind before the answer to the first of them is awaited. */
const IN_FLIGHT = 64;

async function indexRecords(records: readonly IndexRecord[]): Promise<BundleFile[]> {
  const created = await pagefind.createIndex({});
  if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
  const index = created.index;
  try {
    // Pagefind 1.5 handles its messages one after the other, in the order they arrive, so records
    // sent without waiting for each answer are still numbered in order; a window of them in
    // flight keeps memory bounded.
    const inFlight: Promise<void>[] = [];
    // Failures are kept, not thrown from the promises in flight: none is left rejected unawaited.
    let failure: unknown = null;
    for (const record of records) {
      inFlight.push(
        index.addCustomRecord(pagefindRecord(record)).then(
          (added) => {
            if (added.errors.length > 0) failure ??= new Error(`Pagefind could not index ${record.url}: ${added.errors.join("; ")}`);
          },
          (error) => {
            failure ??= error;
          },
        ),
      );
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
      if (failure) throw failure;
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
    // The bundle is taken in memory: Pagefind's own writeFiles can answer before its writes reach
    // the disk (it drops its files unflushed).
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) throw new Error(`Pagefind could not build its bundle: ${bundle.errors.join("; ")}`);
    return bundle.files.map((file) => ({ path: file.path, content: file.content }));
  } finally {
    await index.deleteIndex();
  }
}

async function indexLanguages(plans: readonly ShardPlan[], cacheDir: string | undefined): Promise<BundleFile[][]> {
  try {
    const bundles: BundleFile[][] = [];
    const indexer = async (jobs: readonly (readonly IndexRecord[])[]) => {
      const bundles: BundleFile[][] = [];
      for (const records of jobs) bundles.push(await indexRecords(records));
      return bundles;
    };
    // Each language is put in canonical form here (canonicalBundle()), on this thread: its chunks
    // are cut and zipped while the main thread renders, those zipped by the last build taken from the cache.
    for (const plan of plans) {
      const zipped = cacheDir ? readZippedChunks(cacheDir, plan.lang) : undefined;
      bundles.push(canonicalBundle(await languageIndex(plan, indexer, cacheDir), zipped));
      if (cacheDir && zipped) writeZippedChunks(cacheDir, plan.lang, zipped);
    }
    return bundles;
  } finally {
    // The indexer is a child process: closing it frees its memory and lets the thread end.
    await pagefind.close();
  }
}

const { plans, cacheDir } = workerData as { plans: ShardPlan[]; cacheDir?: string };
indexLanguages(plans, cacheDir).then(
  // Copied, not transferred: Pagefind's small files may share one pooled buffer.
  (bundles) => parentPort?.postMessage({ bundles }),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
