import type { Lang } from "../languages.ts";
import { guessLanguage } from "./language.ts";

/**
 * Page debris: what a copy of a publisher's page carries that is not the article. Each kind is one
 * named rule, so the importer can say what it removed ("2 photo credits, 1 gallery counter") and
 * an editor can check it did not take real text.
 *
 * A rule looks at the text at one or more of three levels, and debris.ts applies them in that
 * order: whole lines of the raw page, fragments inside the lines that remain, and paragraphs of
 * the joined article (for debris that is only recognisable by its place: a footer, a repeat).
 * Line rules are deliberately narrow: a line is debris only when it is nothing else, so "AFP" in
 * a sentence or a quote that opens with "—" stays.
 *
 * The importer takes what these rules find out of a page; the analysis of a raw capture blanks
 * the same things in place. One rule set, so the two never disagree on a line.
 */
export interface DebrisRule {
  name: string;
  /** For the report: singular and plural. */
  label: readonly [string, string];
  /** Whole lines (trimmed) that are this debris. */
  line?: (line: string, context: LineContext) => boolean;
  /** Fragments of lines that are this debris: a global pattern, or null when it does not apply to this page. */
  inline?: (lines: readonly string[]) => RegExp | null;
  /** A cheap test every inline match passes: lines without it are not searched (most lines are text). */
  inlineHint?: { test(line: string): boolean };
  /** Paragraphs that are this debris, by index. */
  paragraphs?: (paragraphs: readonly string[], lang: Lang) => number[];
}

export interface LineContext {
  /** Every line of the raw page, trimmed; blank lines are "". Never changed by earlier rules. */
  lines: readonly string[];
  index: number;
}

function neighbour(context: LineContext, step: 1 | -1): string | undefined {
  for (let i = context.index + step; i >= 0 && i < context.lines.length; i += step) {
    const line = context.lines[i];
    if (line) return line;
  }
  return undefined;
}

const AGENCIES =
  "AFP|Agence France[- ]Presse|AP|Associated Press|Reuters|EFE|Agencia EFE|Europa Press|Getty Images|Cuartoscuro|Notimex|Xinhua|Bloomberg|La Presse canadienne|Presse canadienne|Archives|Archivo";

/** A capitalised name of one to four words, with the particles names carry. */
const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|del|de la|la|le|da|van|von|y|e)\s+)?\p{Lu}[\p{L}'’.-]*){0,3}`;
/** The same, of two words at least: a photographer's first name and surname. */
const NAME_TWO_OR_MORE = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:de|del|de la|la|le|da|van|von|y|e)\s+)?\p{Lu}[\p{L}'’.-]*){1,3}`;

// --- photo credits ---------------------------------------------------------------------------

const CREDIT_BARE: readonly RegExp[] = [
  // "PHOTO CLIFF OWEN, ASSOCIATED PRESS", "PHOTO LUIS ACOSTA, ARCHIVES AGENCE FRANCE-PRESSE"
  /^(?:PHOTOS?|FOTOS?|CRÉDITS?|CRÉDITOS?)\s*:?\s+[\p{Lu}\p{N} .,'’\/&()-]+$/u,
  // "Photo : Jean Dupont / AFP", "(Foto: Cuartoscuro)", "Crédit photo : Reuters"
  /^\(?(?:photos?|fotos?|crédits?(?:\s+photos?)?|créditos?|credits?|fotografía|imagen|image|illustration|ilustración|infographie|infografía)(?:\s+(?:ilustrativa|d'illustration|d’illustration|de archivo|d'archives|d’archives|archivo|especial))?\s*[:：]\s*[^.:]{1,80}\)?$/iu,
  // "Crédit photo Jean Dupont", "Photo AFP", "Crédit Reuters" (not "Crédit Agricole": only agencies)
  /^\(?crédits?\s+photos?\s+[^.:]{1,80}\)?$/iu,
  new RegExp(String.raw`^\(?(?:photos?|fotos?|crédits?|créditos?)\s+(?:${AGENCIES})\b[^.]{0,60}\)?$`, "iu"),
  // "REUTERS/JOSHUA ROBERTS", "Alfredo Estrella/AFP", "APS/VNA/CVN"
  /^[\p{Lu}][\p{Lu}\p{N} .&'’-]{1,40}(?:\/\s?[\p{Lu}][\p{Lu} .'’-]{1,40}){1,3}$/u,
  new RegExp(String.raw`^[\p{L} .'’-]{2,40}\s?\/\s?(?:${AGENCIES})$`, "iu"),
  // "EFE/ Isaac Doe", "AFP / Jane Roe": the agency, then its photographer.
  new RegExp(String.raw`^(?:${AGENCIES})\s?\/\s?${NAME}$`, "u"),
  // "Imagen generada por IA con fines informativos…": a picture's disclaimer.
  /^(?:imagen|image|foto|photo|ilustración|illustration)\s+(?:generada|générée|creada|créée|hecha|réalisée)\s+(?:por|par|con|avec)\s+(?:la\s+|l['’])?(?:IA|inteligencia artificial|intelligence artificielle)\b.{0,200}$/iu,
  // "EFE Latam Videos", "AFP TV", "Reuters Fotos": an agency's picture or video desk.
  new RegExp(String.raw`^(?:${AGENCIES})\s+(?:Latam\s+)?(?:v[ií]deos?|fotos?|photos?|images?|tv|télé|televisión)$`, "iu"),
];

const CREDIT_WITH_CAPTION: readonly RegExp[] = [
  // "REUTERS/JOSHUA ROBERTS - Anthony Blinken, secrétaire d'État américain"
  /^[\p{Lu}][\p{Lu}\p{N} .&'’-]{1,40}\/\s?[\p{Lu}][\p{Lu} .'’-]{1,40}\s[-–—|]\s.+$/u,
  // "Le président à Mexico (Photo : AFP)", "El canciller en la reunión. Foto: EFE"
  /^.{1,300}\((?:photos?|fotos?|crédits?(?:\s+photos?)?|créditos?|fotografía|imagen)\b[^)]{0,80}\)$/iu,
  /^.{1,300}[.|–—-]\s*(?:photos?|fotos?|crédits?(?:\s+photos?)?|créditos?|fotografía|imagen)\s*[:：]\s*[^.]{1,60}$/iu,
  // "Photo d'illustration : le président à un meeting… (JANE DOE / AFP)": a caption that says it is one.
  /^(?:photos?|fotos?)(?:\s+(?:d['’]illustration|ilustrativa|de archivo|d['’]archives))?\s*[:：]\s*.{1,400}$/iu,
  // "…lors d'un rassemblement. (JANE DOE / ANADOLU AGENCY / AFP)": a caption ending on its credit.
  new RegExp(String.raw`^.{1,400}\(\s*(?:[\p{Lu}][\p{Lu} .'’-]{1,40}\s?\/\s?){1,3}(?:${AGENCIES})\s*\)$`, "u"),
];

/** Every credit after a caption names itself: lines without one of these words are not tried (the patterns backtrack on long paragraphs). */
const CREDIT_WORD = /photo|foto|crédit|crédito|imagen|\//iu;

/**
 * A photographer's name glued to the end of a caption, as a copied page joins them:
 * "Des migrants traversent le fleuve à Ojinaga (Chihuahua).Firstname Lastname", "…en Tijuana.Juan
 * Pérez/EFE", "…à Mexico.KEYSTONE/EPA/Firstname Lastname". No space after the full stop or the parenthesis, then a name of two to four words
 * (or an agency) and nothing else: a sentence never ends that way.
 */
const GLUED_CREDIT = new RegExp(
  String.raw`(?:(?<=[\p{Ll}\p{N}»”"')]\.)|(?<=\)))(?:${NAME_TWO_OR_MORE}(?:\s?\/\s?[\p{L} .'’-]{2,40})?|(?:${AGENCIES}|\p{Lu}[\p{Lu}&-]+)(?:\s?\/\s?[\p{L} .'’-]{2,40})+|(?:${AGENCIES}))\s*$`,
  "u",
);
/**
 * Where a glued credit starts: a capital right after the full stop or the parenthesis (every
 * agency's name opens on one). GLUED_CREDIT opens on a look-behind, so it is tried at every
 * character; a line without this is not searched.
 */
const GLUED_AT = /[.)]\p{Lu}/u;
/** A caption carrying a glued credit is one short sentence: a longer line is text, only its credit goes. */
const GLUED_CAPTION_MAX = 300;

/** "[Pp]hotos?|[Ff]otos?": the inline patterns join GLUED_CREDIT's capitals, so they cannot ignore case. */
const eitherCase = (words: string) => words.split("|").map((w) => `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1)}`).join("|");
const CREDIT_WORDS = eitherCase(String.raw`photos?|fotos?|crédits?(?:\s+photos?)?|créditos?|fotografía|imagen`);
const WITH_AGENCY = eitherCase(String.raw`avec|con|with|con información de|avec des informations de|d'après|d’après|information from`);

/**
 * Credits set inside a line of text: "(Photo : Jean Dupont / AFP)", "Foto: Ana Ruiz/Cuartoscuro"
 * (an agency ends it), and at the end of a paragraph "(avec AFP)", ". Con información de EFE"
 * (after a sentence or in parentheses only: "en entrevista con Reuters" is text).
 */
const INLINE_CREDITS = [
  String.raw`\s*\((?:${CREDIT_WORDS})\s*[:：]?\s*[^()]{1,80}\)`,
  String.raw`\s*(?<!\p{L})(?:${CREDIT_WORDS})\s*[:：]\s*(?:${NAME}\s?\/\s?)?(?:${AGENCIES})(?!\p{L})`,
  String.raw`\s*\(\s*(?:${WITH_AGENCY})\s+(?:${AGENCIES}|agences|agencias)(?:\s*(?:,|et|y|and)\s*(?:${AGENCIES}))*\s*\)\.?\s*$`,
  String.raw`(?<=[.!?»”"])\s*[—–-]?\s*(?:${WITH_AGENCY})\s+(?:${AGENCIES}|agences|agencias)(?:\s*(?:,|et|y|and)\s*(?:${AGENCIES}))*\.?\s*$`,
];

/** "bare" credits stand on their own line and are followed by their caption; the others carry it. */
export function photoCredit(line: string): "bare" | "with-caption" | null {
  // A line is judged as a credit for itself and again as each neighbour's (captionRule): once.
  let credit = credits.get(line);
  if (credit === undefined) {
    if (credits.size >= 10_000) credits.clear();
    credits.set(line, (credit = readCredit(line)));
  }
  return credit;
}

const credits = new Map<string, "bare" | "with-caption" | null>();

function readCredit(line: string): "bare" | "with-caption" | null {
  if (CREDIT_BARE.some((p) => p.test(line))) return "bare";
  const [agencyFirst, ...named] = CREDIT_WITH_CAPTION;
  if (agencyFirst!.test(line) || (CREDIT_WORD.test(line) && named.some((p) => p.test(line)))) return "with-caption";
  if (line.length <= GLUED_CAPTION_MAX && GLUED_AT.test(line) && GLUED_CREDIT.test(line) && !SENTENCE_BREAK.test(line.replace(GLUED_CREDIT, ""))) return "with-caption";
  return null;
}

// Patterns built once: findDebris only searches with them (search, matchAll), which leave them as they are.
const INLINE_CREDIT = new RegExp(`${INLINE_CREDITS.join("|")}|${GLUED_CREDIT.source}`, "gu");
/**
 * What every inline credit holds, as the patterns above are written (case kept): a parenthesis
 * (the first and third), a credit word (the second), an agency ending the line (the fourth), a
 * capital right after a full stop or a parenthesis (a glued credit). Most lines of text have none
 * of them; "con" and "avec" are in most, so they cannot be the test.
 */
const INLINE_CREDIT_HINT = {
  test: (line: string) => INLINE_CREDIT_OPENING.test(line) || AGENCY_AT_END.test(line.trimEnd().slice(-AGENCY_TAIL)),
};
const INLINE_CREDIT_OPENING = /\(|[Pp]hoto|[Ff]oto|[Cc]rédit|[Ii]magen|[.)]\p{Lu}/u;
// An agency ending the line is looked for in the line's last characters, not tried at each of them;
// trimEnd takes off what \s* would.
const AGENCY_AT_END = new RegExp(String.raw`(?:${AGENCIES}|agences|agencias)\.?$`, "u");
/** Longer than any agency's name and its full stop. */
const AGENCY_TAIL = Math.max(...`${AGENCIES}|agences|agencias`.split("|").map((name) => name.replace(/\[[^\]]*\]/gu, "-").length)) + 2;

const photoCreditRule: DebrisRule = {
  name: "photo-credit",
  label: ["photo credit", "photo credits"],
  line: (line) => photoCredit(line) !== null,
  inlineHint: INLINE_CREDIT_HINT,
  inline: () => INLINE_CREDIT,
};

// --- captions ----------------------------------------------------------------------------------

const BULLET = /^[•·▪◦●]\s*/u;
const QUOTE_MARKS = /[«»“”"]/u;
/** A second sentence starts after a full stop; captions have one. */
const SENTENCE_BREAK = /[.!?…]\s+\p{Lu}/u;

/**
 * Captions are recognised only next to a photo credit: a bulleted line just before one (a gallery
 * slide's caption), or a short single sentence just after a credit that stands alone (the
 * caption under the photo). A paragraph before a credit is never a caption unless bulleted: it is
 * the article, running on above the photo.
 */
const captionRule: DebrisRule = {
  name: "caption",
  label: ["caption", "captions"],
  line: (line, context) => {
    const before = neighbour(context, -1);
    const after = neighbour(context, 1);
    if (BULLET.test(line) && line.replace(BULLET, "") !== "" && after !== undefined && photoCredit(after) !== null) {
      return true;
    }
    return (
      before !== undefined &&
      photoCredit(before) === "bare" &&
      photoCredit(line) === null &&
      line.length <= 250 &&
      !QUOTE_MARKS.test(line) &&
      !SENTENCE_BREAK.test(line)
    );
  },
};

// --- gallery counters, share bullets -----------------------------------------------------------

const galleryCounterRule: DebrisRule = {
  name: "gallery-counter",
  label: ["gallery counter", "gallery counters"],
  line: (line) => {
    const match =
      /^(?:\d{1,3})\s*\/\s*(?:\d{1,3})$/.exec(line) ??
      /^(?:photos?|fotos?|images?|imagen|diapositiva|diapositive)?\s*\d{1,3}\s+(?:sur|de|of)\s+\d{1,3}$/iu.exec(line);
    if (!match) return false;
    const [shown, total] = (line.match(/\d+/g) ?? []).map(Number);
    return shown !== undefined && total !== undefined && shown >= 1 && shown <= total && total >= 2;
  },
};

const SHARE_VERBS = new Set([
  "partager", "partagez", "compartir", "comparte", "share", "tweet", "tweeter", "imprimer", "imprimir",
  "envoyer", "enviar", "courriel", "e-mail", "email", "correo",
]);
const NETWORKS = new Set(["facebook", "twitter", "x", "whatsapp", "linkedin", "telegram", "messenger", "reddit", "pinterest", "bluesky", "threads"]);
const SHARE_LINKS = new Set(["sur", "en", "on", "par", "por", "via", "le", "el", "lien", "enlace", "copier", "copiar", "link"]);

const shareBulletRule: DebrisRule = {
  name: "share-bullet",
  label: ["empty share bullet or button", "empty share bullets or buttons"],
  line: (line) => {
    if (/^[•·▪◦●○■□*+\-–—\s]+$/u.test(line)) return true;
    // Eight share words at the most: a longer line is text.
    if (line.length > 200) return false;
    const words = line.toLowerCase().replace(/[•·|/:]/gu, " ").split(/\s+/).filter(Boolean);
    if (words.length === 0 || words.length > 8) return false;
    if (!words.every((w) => SHARE_VERBS.has(w) || NETWORKS.has(w) || SHARE_LINKS.has(w))) return false;
    return words.some((w) => SHARE_VERBS.has(w)) || words.filter((w) => NETWORKS.has(w)).length >= 2;
  },
};

// --- link markers, related links ------------------------------------------------------------

/** The legend that explains the asterisks: "*en anglais" at the foot of a ShareAmerica page. */
const LINK_LEGEND =
  /^\*\s*(?:(?:lien|liens|enlace|enlaces|site|sitio)\s+)?(?:en anglais|en inglés|in english|en espagnol|en español|en français|en francés)\.?$/iu;
/** "tweet*": a link's asterisk glued to the word it was on. */
const ASTERISK_MARKER = String.raw`(?<=[\p{L}\p{N}])\*(?=[\s.,;:!?»”)]|$)`;
const LANGUAGE_MARKER = String.raw`\s*\((?:(?:lien|enlace|PDF|site|sitio),?\s+)?(?:en anglais|en inglés|in english|en espagnol|en español|en français|en francés)\)`;
const BRACKET_MARKER = String.raw`\s*\[(?:lien|liens|enlace|enlaces|link)\]`;
const TRAILING_ARROW = String.raw`\s*[→►▶]$`;

const LINK_MARKERS = new RegExp([LANGUAGE_MARKER, BRACKET_MARKER, TRAILING_ARROW].join("|"), "giu");
const LINK_MARKERS_WITH_ASTERISK = new RegExp([ASTERISK_MARKER, LANGUAGE_MARKER, BRACKET_MARKER, TRAILING_ARROW].join("|"), "giu");

const linkMarkerRule: DebrisRule = {
  name: "link-marker",
  label: ["link marker", "link markers"],
  line: (line) => LINK_LEGEND.test(line) || /^[→►▶]$/u.test(line),
  inlineHint: /[(\[→►▶*]/u,
  // Without the legend an asterisk may be a footnote or emphasis: leave it to the editor.
  inline: (lines) => (lines.some((l) => LINK_LEGEND.test(l)) ? LINK_MARKERS_WITH_ASTERISK : LINK_MARKERS),
};

const relatedLinkRule: DebrisRule = {
  name: "related-link",
  label: ["related-article link", "related-article links"],
  line: (line) =>
    line.length <= 200 &&
    (/^[→►▶]\s*\S/u.test(line) ||
      /^(?:[-–—•·]\s*)?(?:à lire aussi|a lire aussi|lire aussi|lire également|voir aussi|à voir aussi|sur le même sujet|nous vous recommandons|lee también|lea también|leer también|también te puede interesar|te puede interesar|le puede interesar|te recomendamos|quizás te interese|noticias relacionadas|nota relacionada)\b/iu.test(
        line,
      )),
};

// --- embedded posts ------------------------------------------------------------------------

const POST_SIGNATURE =
  /\s*(?:https?:\/\/t\.co\/\S+|pic\.twitter\.com\/\S+)|\s*[—–]\s*[^—–\n]{1,80}\(@\w{1,30}\)\s*(?:\p{L}+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+(?:de\s+)?\p{L}+\.?\s+(?:de\s+)?\d{4})?\s*$/giu;

const embeddedPostRule: DebrisRule = {
  name: "embedded-post",
  label: ["piece of embedded-post chrome", "pieces of embedded-post chrome"],
  line: (line) =>
    // "— Vice President Kamala Harris (@VP) June 8, 2021": a tweet's signature, not a quote.
    /^[—–-]\s*[^\n]{0,100}\(@\w{1,30}\)/u.test(line) ||
    /^(?:voir|ver|view|afficher|charger|cargar|mostrar)\s+(?:(?:sur|en|on|le|la|el|this|ce|cette|esta|este)\s+)*(?:tweet|tuit|post|publication|publicación|x|twitter|instagram|facebook|youtube|tiktok)\b.{0,40}$/iu.test(
      line,
    ) ||
    /^(?:une publication partagée par|una publicación compartida por|a post shared by)\b/iu.test(line),
  // The tweet's own words stay (the article quotes them); its links go.
  inlineHint: /t\.co\/|pic\.twitter\.com\/|\(@\w/u,
  // Its signature, glued after its words: "… — Relaciones Exteriores (@SRE_mx) December 16, 2025".
  inline: () => POST_SIGNATURE,
};

// --- image slugs ---------------------------------------------------------------------------

const imageSlugRule: DebrisRule = {
  name: "image-slug",
  label: ["image file name", "image file names"],
  line: (line) =>
    /^[\w.-]+\.(?:jpe?g|png|gif|webp|avif|svg|tiff?|heic)$/iu.test(line) ||
    // "alejandro-mayorkas-departamento-seguridad": no article sentence looks like this.
    /^[a-z0-9]+(?:[-_][a-z0-9]+){2,}$/.test(line),
};

// --- bylines -----------------------------------------------------------------------------

/**
 * A byline without "Par" or "Por": the authors' names alone on their line, beside the outlet's
 * name alone on its own ("James Doe, Ana Ruiz et Luc Roy" over "The Daily Herald"). Each of the two
 * lines is a byline only next to the other.
 */
const NAMES_ONLY = new RegExp(String.raw`^${NAME}(?:\s*(?:,|et|y|e|and)\s+${NAME})*$`, "u");
const OUTLET_WORD = String.raw`(?:Times|Post|Journal|News|Press|Presse|Tribune|Herald|Heraldo|Gazette|Gaceta|Courrier|Correo|Crónica|Monde|Mundo|Figaro|Parisien|Croix|Libération|Devoir|Échos|Express|Observateur|Dépêche|Nouvelliste|Voix|Voz|País|Universal|Jornada|Milenio|Reforma|Proceso|Excélsior|Financiero|Economista|Expreso|Sol|Nación|Tiempo|Temps|Infobae|Telediario|Informador|Diario|Noticias|${AGENCIES})`;
/** An outlet's name: "The Daily Herald", "El Heraldo del Norte", "Le Courrier du Sud", "AFP". */
const OUTLET = String.raw`(?:(?:The|Le|La|Les|El|Los|Las|L['’])\s*)?(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}${OUTLET_WORD}(?:\s+(?:(?:de|del|du|des|de la|of)\s+)?\p{Lu}[\p{L}.'’-]*){0,3}`;
const OUTLET_ONLY = new RegExp(String.raw`^${OUTLET}$`, "u");
const STAFF = String.raw`correspondante?|corresponsal|envoyée? spéciale?|envoyés spéciaux|enviad[oa]s? especial(?:es)?|journaliste|periodista|reporter[oa]?|rédact(?:eur|rice)|redactor(?:a)?`;

const BYLINES: readonly RegExp[] = [
  // "Par Jean Dupont", "Por: Ana López y Luis Pérez, enviado especial"; "Par ailleurs" is not a name.
  new RegExp(String.raw`^(?:Par|Por|By)\s*:?\s+${NAME}(?:\s*(?:,|et|y|and)\s+${NAME})*(?:\s*[,|–—-]\s*[^.]{1,60})?$`, "u"),
  // An agency or a desk alone on its line: "AFP", "(con EFE)", "Redacción AN / JMS", "Archivo Cuartoscuro".
  new RegExp(String.raw`^[(—–-]?\s*(?:avec|con|with)?\s*(?:${AGENCIES}|Rédaction|La Rédaction|Redacción)\s*\)?\.?$`, "iu"),
  /^(?:Rédaction|Redacción)(?:\s+[\p{Lu}\p{N}]{1,6}(?:\s*\/\s*[\p{Lu}\p{N}]{1,6})*)?$/u,
  new RegExp(String.raw`^(?:Archivo|Archives|Foto de archivo|Photo d'archives)\s*(?:[:/]\s*)?(?:${AGENCIES})$`, "iu"),
  /^(?:con información de|avec des informations de|d'après|selon)\s+(?:AFP|EFE|Reuters|AP|agences|agencias)\.?$/iu,
  // "Coordinateur pour l'Amérique latine : José Antonio Sierra": a staff credit.
  new RegExp(
    String.raw`^(?:Coordinat(?:eur|rice)|Coordinador(?:a)?|Rédact(?:eur|rice)|Redactor(?:a)?|Édit(?:eur|rice)|Editor(?:a)?|Correspondant(?:e)?|Corresponsal|Envoyée? spéciale?|Enviad[oa] especial|Journaliste|Periodista|Aut(?:eur|rice)|Autor(?:a)?|Texte|Texto|Reportage|Reportaje)\b[^:\n]{0,60}:\s*${NAME}$`,
    "u",
  ),
  // "Jean Dupont, correspondant à Mexico", "Ana Ruiz, enviada especial".
  new RegExp(
    String.raw`^${NAME}(?:\s*(?:,|et|y|and)\s+${NAME})*\s*,\s*(?:${STAFF})(?![\p{L}])(?:\s+(?:à|en|a|de|du|del|para|pour|desde|depuis)\s+(?:l['’]|la\s+|le\s+|el\s+)?${NAME}){0,2}\.?$`,
    "u",
  ),
  // "Ana Ruiz el 27/02/2026 03:57 PM.": the author and the time of publication.
  new RegExp(String.raw`^${NAME}\s+(?:el|le|on)?\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:\s+(?:à\s+|a las\s+)?\d{1,2}[:h]\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?)?\.?$`, "u"),
  // "Ana Ruiz, La Gaceta del Norte, 27 mars 2019": the author, the outlet, the day.
  new RegExp(String.raw`^${NAME}\s*,\s*${OUTLET}(?:\s*,\s*(?:le\s+|el\s+)?\d{1,2}(?:er)?\s+(?:de\s+)?\p{L}+\.?\s+(?:de\s+)?\d{4})?$`, "u"),
  // A wire's credits in parentheses: "(Jane Roe; John Doe pour le service français)", "(Rédigé par…, édité par…)".
  new RegExp(String.raw`^\(\s*${NAME}(?:\s*[;,]\s*${NAME})+(?:\s+(?:pour le service français|pour la version française|para el servicio en español))?\s*\)\.?$`, "u"),
  /^\([^()]{0,40}(?:version française|service français|rédigé par|édité par|avec la contribution de|servicio en español|editado por|reporte de|con reporte de|redacción de)[^()]{0,100}\)\.?$/iu,
  // "Ana Ruiz | 21.01.2026 - Mise à jour : 22.01.2026": the author and the page's time stamps.
  new RegExp(String.raw`^${NAME}\s*[|–—]\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:\s*[-–—|]?\s*[\p{L}\s]{0,20}:?\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})?(?:\s+\d{1,2}[:h]\d{2})?\.?$`, "u"),
  // "AA / Mexique / Ana Ruiz", "EFE / Washington / Ana Ruiz": an agency's desk, its place, its author.
  new RegExp(String.raw`^(?:${AGENCIES}|\p{Lu}{2,5})\s*\/\s*\p{Lu}[\p{L}'’ -]{1,30}\s*\/\s*${NAME}$`, "u"),
  // "© Copyright La Gazette 2025", "Copyright © 2025 El Heraldo", "Tous droits réservés", "Todos los derechos reservados".
  /^(?:©|\(c\)|copyright\b)[^.\n]{0,80}$/iu,
  /^(?:tous droits réservés|todos los derechos reservados)\b[^\n]{0,60}$/iu,
  // "Ana Ruiz | El Universal", "Le Monde avec AFP".
  new RegExp(String.raw`^${NAME}\s*[|/–—]\s*${OUTLET}$`, "u"),
  new RegExp(String.raw`^${OUTLET}\s+(?:avec|con|y|et|and)\s+(?:${AGENCIES})$`, "u"),
];

const bylineRule: DebrisRule = {
  name: "byline",
  label: ["byline", "bylines"],
  line: (line, context) => {
    if (line.length > 120) return false;
    if (BYLINES.some((p) => p.test(line))) return true;
    const beside = [neighbour(context, -1), neighbour(context, 1)].filter((l): l is string => l !== undefined && l.length <= 120);
    if (OUTLET_ONLY.test(line)) return beside.some((l) => NAMES_ONLY.test(l) && !OUTLET_ONLY.test(l));
    return NAMES_ONLY.test(line) && beside.some((l) => OUTLET_ONLY.test(l));
  },
};

const STAMP_VERB = "publié|publiée|mis à jour|mise à jour|modifié|modifiée|publicado|publicada|actualizado|actualizada";
const STAMP_DATE = String.raw`(?:(?:\p{L}+\s+)?\d{1,2}(?:er)?\s+(?:de\s+)?\p{L}+\.?\s+(?:de\s+)?\d{4}|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4})`;
const STAMP_TIME = String.raw`(?:[,\s]+(?:à|a las)?\s*\d{1,2}\s*(?:h|:)\s*\d{0,2}(?:\s*(?:h|hrs?))?)?`;
const PUBLICATION_STAMP = new RegExp(String.raw`^(?:${STAMP_VERB})\s*(?:le|el|:)?\s*${STAMP_DATE}${STAMP_TIME}\.?$`, "iu");

const publicationStampRule: DebrisRule = {
  name: "publication-stamp",
  label: ["publication time stamp", "publication time stamps"],
  // "Publié le 19 janvier 2024 à 14 h 31", "Actualizado el 3 de marzo de 2025, 10:42": a date and nothing more.
  line: (line) => PUBLICATION_STAMP.test(line),
};

// --- paywalls ----------------------------------------------------------------------------

const PAYWALL: readonly RegExp[] = [
  /^(?:abonnez-vous|je m'abonne|s'abonner|déjà abonné|suscr[íi]bete|suscr[íi]base|hazte suscriptor|¿ya eres suscriptor|inicia sesión|lee sin límites)/iu,
  /réservée? aux abonnés|il vous reste \d+\s?% de cet article|la suite (?:de cet article )?est réservée|pour lire la suite|offre d'abonnement/iu,
  /contenido exclusivo|exclusivo para suscriptores|solo para suscriptores|para seguir leyendo|para continuar leyendo/iu,
  // "Únete al canal de … en WhatsApp", "Suivez-nous sur Telegram": a prompt to follow the outlet.
  /^(?:únete|unite|súmate|sigue(?:nos)?|síguenos|suivez(?:-nous)?|rejoignez(?:-nous)?|abonnez-vous)\b.{0,60}\b(?:canal|chaîne|whatsapp|telegram|google news|redes sociales|réseaux sociaux|newsletter|boletín)\b.{0,30}$/iu,
];

const paywallRule: DebrisRule = {
  name: "paywall",
  label: ["paywall prompt", "paywall prompts"],
  line: (line) => line.length <= 160 && PAYWALL.some((p) => p.test(line)),
};

// --- paragraph-level: foreign footers, repeats ------------------------------------------------

const FOOTER_HEADING_WORDS = 6;

/**
 * Reader-contribution boxes and newsletter footers in another language than the article
 * ("Envíanos tus noticias" under a French article). Read upwards from the end: paragraphs in
 * another language go, short ones whose language cannot be told ride along (the footer's heading),
 * and the first paragraph in the article's own language stops the search. The first paragraph, and
 * half of the article or more, are never taken.
 */
const foreignFooterRule: DebrisRule = {
  name: "foreign-footer",
  label: ["foreign-language footer paragraph", "foreign-language footer paragraphs"],
  paragraphs: (paragraphs, lang) => {
    let top = -1;
    for (let i = paragraphs.length - 1; i >= 1; i--) {
      const text = paragraphs[i] ?? "";
      const language = guessLanguage(text);
      if (language === lang) break;
      if (language === null) {
        if (text.split(/\s+/).length <= FOOTER_HEADING_WORDS) continue;
        break;
      }
      top = i;
    }
    if (top < 0 || paragraphs.length - top >= paragraphs.length / 2) return [];
    return paragraphs.map((_, i) => i).filter((i) => i >= top);
  },
};

const DUPLICATE_MIN_WORDS = 4;

function paragraphKey(text: string): string {
  const key = text.toLowerCase().replace(/\s+/gu, " ");
  // Trailing spaces, dots and ellipses trimmed by hand: an end-anchored pattern would try every position.
  let end = key.length;
  while (end > 0 && /[\s.…]/u.test(key[end - 1]!)) end--;
  return key.slice(0, end);
}

/** At least `DUPLICATE_MIN_WORDS` (4) words, without splitting the whole paragraph. */
const ENOUGH_WORDS = /\S+\s+\S+\s+\S+\s+\S/u;

/** Paywalls and galleries repeat paragraphs; the first occurrence is the article's. */
const duplicateParagraphRule: DebrisRule = {
  name: "duplicate-paragraph",
  label: ["repeated paragraph", "repeated paragraphs"],
  paragraphs: (paragraphs) => {
    const seen = new Set<string>();
    const repeats: number[] = [];
    paragraphs.forEach((text, i) => {
      if (!ENOUGH_WORDS.test(text.trim())) return;
      const key = paragraphKey(text);
      if (seen.has(key)) repeats.push(i);
      else seen.add(key);
    });
    return repeats;
  },
};

/** In the order they are tried: the first line rule that matches a line names it. */
export const DEBRIS_RULES: readonly DebrisRule[] = [
  photoCreditRule,
  galleryCounterRule,
  shareBulletRule,
  linkMarkerRule,
  relatedLinkRule,
  embeddedPostRule,
  imageSlugRule,
  bylineRule,
  publicationStampRule,
  paywallRule,
  // Last of the line rules: a line after a credit is a caption only if it is no other debris.
  captionRule,
  foreignFooterRule,
  duplicateParagraphRule,
];
