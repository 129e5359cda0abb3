import { type Digest, prepareDigest } from "../../src/digest.ts";

/**
 * The digest of a content folder, made by the same function as the production build: read,
 * validated (a ContentError when the content is invalid), analyzed. The one place tests make a
 * digest, so a change to how the build makes it is a change to this line.
 */
export function digestOf(contentDir: string, options: { includeDrafts: boolean } = { includeDrafts: false }): Promise<Digest> {
  return prepareDigest(contentDir, options);
}
