import { buildDigest } from "../../src/build-digest.ts";
import type { Digest } from "../../src/digest.ts";

/**
 * The digest of a content folder, made by the same function as the production build: read,
 * validated (a ContentError when the content is invalid), analyzed. The one place tests make a
 * digest; no analysis cache is written.
 */
export async function digestOf(contentDir: string, options: { includeDrafts: boolean } = { includeDrafts: false }): Promise<Digest> {
  return (await buildDigest(contentDir, { ...options, cacheDir: null })).digest;
}
