import { Worker } from "node:worker_threads";
import type { IndexRecord } from "../src/search/index-record.ts";

const TSX_API = import.meta.resolve("tsx/esm/api");
const WORKER = new URL("./dev-search-worker.ts", import.meta.url).href;

/**
 * A production build indexes search in a phase of its own (scripts/build.ts); the development
 * server indexes it again after each rebuild, without delaying the browser's reload, on a thread
 * of its own: preparing Pagefind's records and writing its bundle take about a second of
 * processor at 1,000 articles, which would otherwise hold up the next save's rebuild. Search
 * catches up a few seconds later. Saves that come while it runs are indexed once, after it.
 *
 * Each language is indexed in shards kept in `cacheDir` (scripts/lib/pagefind-shards.ts), so a
 * save indexes again only the shards whose records changed. It is a folder of the server's own:
 * the shards of a site with drafts would otherwise take the place of the production build's.
 *
 *   const index = searchIndexer(".cache/analysis/dev-search", (reason) => console.error(reason));
 *   index(outputDir, indexRecords(pages));
 */
export function searchIndexer(cacheDir: string, failed: (reason: string) => void): (output: string, records: IndexRecord[]) => void {
  let worker: Worker | null = null;
  let running = false;
  let again: { output: string; records: IndexRecord[] } | null = null;
  const start = (output: string, records: IndexRecord[]): void => {
    running = true;
    worker ??= searchThread((error, stopped) => {
      if (error) failed(error);
      if (stopped) worker = null;
      running = false;
      if (again) {
        const latest = again;
        again = null;
        start(latest.output, latest.records);
      }
    });
    worker.postMessage({ output, records, cacheDir });
  };
  return (output, records) => {
    if (running) again = { output, records };
    else start(output, records);
  };
}

function searchThread(answered: (error: string | null, stopped: boolean) => void): Worker {
  // Loader hooks are per thread: the thread registers tsx before loading the TypeScript module.
  const bootstrap = `import(${JSON.stringify(TSX_API)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); })`;
  const worker = new Worker(bootstrap, { eval: true });
  worker.on("message", ({ error }: { error: string | null }) => answered(error, false));
  // A thread that failed is gone: the next rebuild starts another.
  worker.on("error", (error) => answered(error.message, true));
  // The server stops when asked, indexing or not.
  worker.unref();
  return worker;
}
