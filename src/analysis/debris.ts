/**
 * Raw captures of publishers' pages carry things that are not the article: photo credits and
 * captions, gallery counters, share bullets, image slugs, link markers, bylines, an embedded
 * tweet's signature, a reader-contribution footer. Their names (photographers, coordinators) must
 * never become actors or candidates, so the analysis sees them blanked out. Blanking keeps every
 * other character where it was: offsets into the text stay valid.
 */

const DEBRIS_LINES: RegExp[] = [
  // Photo credits: "PHOTO CLIFF OWEN, ASSOCIATED PRESS", "REUTERS/JOSHUA ROBERTS - caption", "Foto: AFP".
  /^\s*(?:PHOTOS?|FOTOS?|CR[ÉE]DITS?|Photo|Foto|Crédit|Crédito)\b[\s:]/u,
  /^\s*[\p{Lu}.-]{2,}\s*\/\s*[\p{Lu}][\p{Lu} .'-]+(?:\s[-–—]\s.*)?$/u,
  // Gallery counters ("1/2") and share bullets, with or without a caption after them.
  /^\s*\d+\s*\/\s*\d+\s*$/,
  /^\s*[•·▪►]/,
  // Captions indented under a photo: article paragraphs are never indented in a capture.
  /^ {2,}\S/,
  // Image slugs: "marcelo-ebrard-ministro-exteriores-mexico".
  /^\s*[a-z0-9]+(?:[-_][a-z0-9]+){2,}\s*$/,
  // Link markers ("*en anglais") and an embedded tweet's signature ("— Vice President X (@VP) June 8, 2021").
  /^\s*\*\s*\p{L}[\p{L} ]*$/u,
  /^\s*[—–-]\s*.*\(@\w+\)\s*\p{L}+\.? \d{1,2}, \d{4}\s*$/u,
  // Bylines: "Par Jean Dupont", "Por Ana Pérez", "Coordinateur pour l'Amérique latine : José Antonio Sierra".
  /^\s*(?:Par|Por|By|Texte|Texto)\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}\s*$/u,
  /^\s*[^.!?:«»"“”]{2,60}\s:\s*\p{Lu}[\p{L}'’-]+(?:\s+(?:de\s+|del\s+|de la\s+)?\p{Lu}[\p{L}'’-]+){1,3}\s*$/u,
];

/** A footer that invites readers to write in: everything from it to the end is debris. */
const FOOTER = /^\s*(?:Envíanos tus noticias|Envoyez-nous vos informations|Si conoces o tienes alguna pista)/imu;

/** Inline debris: links and picture links of embedded posts. */
const INLINE = /https?:\/\/\S+|pic\.twitter\.com\/\S+/gu;

const blank = (s: string) => s.replace(/[^\n]/g, " ");

export function isDebrisLine(line: string): boolean {
  return DEBRIS_LINES.some((pattern) => pattern.test(line));
}

export function blankDebris(text: string): string {
  const footer = FOOTER.exec(text);
  const body = footer ? text.slice(0, footer.index) : text;
  const tail = footer ? blank(text.slice(footer.index)) : "";
  const lines = body.split("\n").map((line) => (isDebrisLine(line) ? blank(line) : line.replace(INLINE, blank)));
  return lines.join("\n") + tail;
}
