import type { PublicationDate } from "../content/schemas.ts";
import type { Lang } from "../languages.ts";

/**
 * What the importer needs from the text analysis (src/analysis): enough to prefill the topics,
 * show the editor who the article is about, and list names the registry does not know yet. The
 * importer depends on this shape only; analysis.ts adapts the real analysis to it.
 */
export interface Suggestions {
  /** Topic ids, most relevant first. */
  topics: string[];
  /** Registry actors named in the text, most mentioned first; names in both languages for the two summaries. */
  actors: { id: string; names: Record<Lang, string>; count: number }[];
  /** Names that look like actors but are not in the registry. */
  candidates: string[];
  quotes: number;
  /** Figures as they read in the text ("520 000 migrants"). */
  figures: string[];
  /** Dates as they read in the text, resolved where the analysis could ("2023-12-27"). */
  dates: string[];
}

export type Suggest = (text: string, lang: Lang, date: PublicationDate) => Suggestions;
