/**
 * The development server's search thread (_config/dev-search.ts): indexes the records it is sent
 * into the site it is told, one request at a time, and answers each with what went wrong, if anything.
 */
import { parentPort } from "node:worker_threads";
import { indexSite } from "../scripts/lib/search-index.ts";
import type { IndexRecord } from "../src/search/index-record.ts";

parentPort?.on("message", async ({ output, records, cacheDir }: { output: string; records: IndexRecord[]; cacheDir: string }) => {
  try {
    // Shards kept in cacheDir: a save indexes again only the shards whose records changed.
    await indexSite(output, records, undefined, cacheDir);
    parentPort?.postMessage({ error: null });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
