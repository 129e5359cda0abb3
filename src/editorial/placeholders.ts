import type { LoadedSummary } from "../content/corpus.ts";

/**
 * The marks `npm run new` leaves in a draft summary (src/importer/drafts.ts) for the editor to
 * replace: the untranslated-title and unwritten-lede prefixes, and the heading of the to-do block.
 * A summary that still holds one is unfinished, whatever its draft flag says.
 * tests/editorial/placeholders.test.ts checks this list against the importer's real output.
 */
export const PLACEHOLDERS = [
  "[À traduire]",
  "[Por traducir]",
  "[À écrire]",
  "[Por escribir]",
  "À faire avant publication",
  "Pendiente antes de publicar",
] as const;

export type SummaryPart = "title" | "lede" | "body";

export interface PlaceholderFound {
  field: SummaryPart;
  placeholder: string;
}

export function placeholdersIn(summary: Pick<LoadedSummary, "title" | "lede" | "markdown">): PlaceholderFound[] {
  const parts: Record<SummaryPart, string> = { title: summary.title, lede: summary.lede, body: summary.markdown };
  const found: PlaceholderFound[] = [];
  for (const field of Object.keys(parts) as SummaryPart[]) {
    // Compared in NFC: an editor's tool may have saved "À" as "A" plus a combining accent.
    const text = parts[field].normalize("NFC");
    for (const placeholder of PLACEHOLDERS) if (text.includes(placeholder)) found.push({ field, placeholder });
  }
  return found;
}
