import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { type BundleFile, type CborValue, decodeBundleFile } from "../../scripts/lib/pagefind-canonical.ts";
import { BUNDLE_DIR } from "../../scripts/lib/search-index.ts";

/** The search bundle of a built site, as Pagefind hands it to the build: paths inside `pagefind/`. */
export function readBundle(siteDir: string): BundleFile[] {
  const dir = path.join(siteDir, BUNDLE_DIR);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .map((file) => ({ path: path.relative(dir, file).split(path.sep).join("/"), content: readFileSync(file) }));
}

/** One index file of a built site, decoded with the build's own decoder. */
export function readBundleFile(siteDir: string, file: string): CborValue {
  return decodeBundleFile(file, readFileSync(path.join(siteDir, BUNDLE_DIR, file)));
}
