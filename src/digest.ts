import type { DigestAnalysis, Registry } from "./analysis/index.ts";
import type { Article } from "./content/corpus.ts";

/**
 * The whole digest as the site shows it: the articles (newest first), the registries and what the
 * analysis computed across them. src/build-digest.ts makes it; the site model (src/site/) and the
 * feeds (src/feeds/) are derived from it.
 */
export interface Digest {
  contentDir: string;
  articles: Article[];
  registry: Registry;
  analysis: DigestAnalysis;
}
