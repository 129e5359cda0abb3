import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { snapshot } from "./tree.ts";

/**
 * The files of a Pagefind 1.5 bundle whose bytes change from one run to the next for the same
 * pages: Pagefind writes the values of each filter, the list of filters and the list of languages
 * in the iteration order of hash maps seeded at random in each process. Their names carry a hash
 * of their bytes, so the names change too.
 */
export const HASH_MAP_ORDERED = [/^pagefind\/pagefind-entry\.json$/, /^pagefind\/pagefind\.[^/]+\.pf_meta$/, /^pagefind\/filter\/[^/]+\.pf_filter$/];

/**
 * Every file of a built site with a hash of its bytes, except the files of HASH_MAP_ORDERED,
 * which are decoded and given in one order (and without the hashes that name them), so that two
 * sites compare equal exactly when they hold the same pages, words, filters and metadata.
 */
export function canonicalSite(dir: string): Record<string, unknown> {
  const files = snapshot(dir);
  const canonical: Record<string, unknown> = {};
  for (const [file, hash] of Object.entries(files)) {
    const name = file.split(path.sep).join("/");
    if (!HASH_MAP_ORDERED.some((pattern) => pattern.test(name))) {
      canonical[name] = hash;
    } else if (name.endsWith("pagefind-entry.json")) {
      const entry = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
      const languages = Object.keys(entry.languages).sort().map((lang) => [lang, { ...entry.languages[lang], hash: undefined }]);
      canonical[name] = { ...entry, languages };
    } else if (name.endsWith(".pf_meta")) {
      // [version, pages, index chunks, filters as [name, file hash], sorts, meta fields]
      const meta = readBundleFile(path.join(dir, file)) as unknown[];
      const filters = (meta[3] as [string, string][]).map(([filter]) => filter).sort();
      const lang = /pagefind\.([^_]+)_/.exec(name)![1];
      canonical[`pagefind/pagefind.${lang}.pf_meta`] = [...meta.slice(0, 3), filters, ...meta.slice(4)];
    } else {
      // [filter, [[value, pages]]]
      const [filter, values] = readBundleFile(path.join(dir, file)) as [string, [string, number[]][]];
      const lang = /filter\/([^_]+)_/.exec(name)![1];
      canonical[`pagefind/filter/${lang}:${filter}`] = [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    }
  }
  return canonical;
}

/** A Pagefind index file: gzip, then the `pagefind_dcd` signature, then CBOR. */
export function readBundleFile(file: string): unknown {
  const bytes = gunzipSync(readFileSync(file));
  const signature = bytes.subarray(0, 12).toString("latin1");
  if (signature !== "pagefind_dcd") throw new Error(`${file}: not a Pagefind index file (${JSON.stringify(signature)})`);
  return decodeCbor(bytes.subarray(12));
}

/** The part of CBOR (RFC 8949) Pagefind writes: integers, strings, arrays, maps, booleans. */
function decodeCbor(bytes: Buffer): unknown {
  let at = 0;
  const argument = (info: number): number => {
    if (info < 24) return info;
    if (info > 27) throw new Error(`CBOR: indefinite lengths are not used by Pagefind (byte ${at})`);
    let value = 0;
    for (let i = 0; i < 1 << (info - 24); i++) value = value * 256 + bytes[at++]!;
    return value;
  };
  const item = (): unknown => {
    const initial = bytes[at++]!;
    const major = initial >> 5;
    const info = initial & 31;
    if (major === 7) {
      if (info === 20 || info === 21) return info === 21;
      if (info === 22) return null;
      throw new Error(`CBOR: unexpected simple value ${info} at byte ${at - 1}`);
    }
    const n = argument(info);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        return bytes.subarray(at, (at += n));
      case 3:
        return bytes.toString("utf8", at, (at += n));
      case 4:
        return Array.from({ length: n }, item);
      case 5:
        return Object.fromEntries(Array.from({ length: n }, () => [String(item()), item()]));
      default:
        throw new Error(`CBOR: tags are not used by Pagefind (byte ${at - 1})`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error(`CBOR: ${bytes.length - at} bytes after the value`);
  return value;
}
