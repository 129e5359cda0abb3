/**
 * npm run generate-corpus -- --articles N --out DIR [--seed S]
 *
 * Writes a synthetic corpus of N articles in the real content format, for benchmarks: a mix of
 * French (about two thirds) and Spanish sources, realistic lengths (a 350–900-word source, summaries
 * of 150–220 words), some dates known only to the month. The text is made up from word pools, so
 * it reads like the domain (names, places, figures, quotes, dates) without copying any article.
 * The shipped registries (content/actors, content/topics) are copied beside the articles, so the
 * analysis runs on a generated corpus as on the real one.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { CALENDARS } from "../src/calendar.ts";
import type { Lang } from "../src/languages.ts";

type Rand = () => number;

function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

const POOLS = {
  fr: {
    subjects: [
      "Le gouvernement mexicain", "La Maison-Blanche", "Le département d’État", "La présidente Claudia Sheinbaum",
      "Le secrétaire d’État américain", "Les autorités frontalières", "Une délégation américaine", "Le ministère des Affaires étrangères",
      "Les responsables des deux pays", "Le président Joe Biden", "Marcelo Ebrard", "La police des frontières américaine", "Le Congrès américain",
      "Les gouverneurs des États du Nord", "Un haut responsable américain", "Les organisations humanitaires",
    ],
    verbs: [
      "a annoncé", "a présenté", "a défendu", "a critiqué", "examine", "prépare", "a renforcé", "souhaite relancer",
      "a proposé", "a rejeté", "a salué", "envisage", "a confirmé", "a dénoncé",
    ],
    objects: [
      "un nouveau plan de coopération", "les contrôles à la frontière", "la lutte contre le trafic de fentanyl",
      "un accord sur la migration", "les saisies d’armes", "le dialogue de sécurité", "les programmes de développement",
      "la protection des migrants", "les opérations contre les cartels", "les investissements dans le sud du pays",
      "les échanges d’informations", "la politique d’asile", "le contrôle des exportations d’armes",
    ],
    complements: [
      "à Washington", "à Mexico", "lors d’une conférence de presse", "dans un communiqué", "après plusieurs semaines de négociations",
      "devant les journalistes", "en marge du sommet", "à la frontière nord", "dans l’État de Chihuahua", "à Tijuana",
      "au cours de l’année", "malgré les critiques de l’opposition",
    ],
    units: ["migrants", "agents", "tonnes de drogue", "armes", "kilomètres", "millions de dollars", "soldats"],
    quoteVerbs: ["a déclaré", "a souligné", "a affirmé", "a indiqué"],
    months: CALENDARS.fr.months,
    datePhrase: (day: number, month: string) => `le ${day} ${month}`,
    figurePhrase: (n: string, unit: string) => `Selon les chiffres officiels, ${n} ${unit} ont été recensés cette année.`,
    quoteMarks: (q: string) => `« ${q} »`,
    quotes: [
      "Nous avons fait des progrès importants et nous devons continuer à travailler ensemble",
      "La coopération fonctionne quand elle repose sur le respect mutuel",
      "Aucun pays ne peut résoudre seul ce problème",
      "Nous attendons des résultats concrets dans les prochains mois",
    ],
    titleParts: ["Relation bilatérale", "Frontière", "Migration", "Sécurité", "Fentanyl", "Trafic d’armes", "Dialogue bilatéral"],
    titleTails: ["un nouvel accord en vue", "les discussions reprennent", "tensions entre les deux pays", "des résultats contestés", "la coopération s’intensifie"],
  },
  es: {
    subjects: [
      "El gobierno mexicano", "La Casa Blanca", "El Departamento de Estado", "La presidenta Claudia Sheinbaum",
      "El secretario de Estado estadounidense", "Las autoridades fronterizas", "Una delegación estadounidense", "La Cancillería",
      "Los responsables de ambos países", "El presidente Joe Biden", "Marcelo Ebrard", "La Patrulla Fronteriza", "El Congreso estadounidense",
      "Los gobernadores de los estados del norte", "Un alto funcionario estadounidense", "Las organizaciones humanitarias",
    ],
    verbs: [
      "anunció", "presentó", "defendió", "criticó", "examina", "prepara", "reforzó", "busca reactivar",
      "propuso", "rechazó", "celebró", "contempla", "confirmó", "denunció",
    ],
    objects: [
      "un nuevo plan de cooperación", "los controles en la frontera", "la lucha contra el tráfico de fentanilo",
      "un acuerdo migratorio", "los decomisos de armas", "el diálogo de seguridad", "los programas de desarrollo",
      "la protección de los migrantes", "las operaciones contra los cárteles", "las inversiones en el sur del país",
      "el intercambio de información", "la política de asilo", "el control de las exportaciones de armas",
    ],
    complements: [
      "en Washington", "en la capital mexicana", "en una conferencia de prensa", "en un comunicado", "tras varias semanas de negociaciones",
      "ante los periodistas", "al margen de la cumbre", "en la frontera norte", "en Chihuahua", "en Tijuana",
      "durante el año", "pese a las críticas de la oposición",
    ],
    units: ["migrantes", "agentes", "toneladas de droga", "armas", "kilómetros", "millones de dólares", "soldados"],
    quoteVerbs: ["declaró", "subrayó", "afirmó", "señaló"],
    months: CALENDARS.es.months,
    datePhrase: (day: number, month: string) => `el ${day} de ${month}`,
    figurePhrase: (n: string, unit: string) => `Según cifras oficiales, se registraron ${n} ${unit} este año.`,
    quoteMarks: (q: string) => `“${q}”`,
    quotes: [
      "Hemos logrado avances importantes y debemos seguir trabajando juntos",
      "La cooperación funciona cuando se basa en el respeto mutuo",
      "Ningún país puede resolver solo este problema",
      "Esperamos resultados concretos en los próximos meses",
    ],
    titleParts: ["Relación bilateral", "Frontera", "Migración", "Seguridad", "Fentanilo", "Tráfico de armas", "Diálogo bilateral"],
    titleTails: ["un nuevo acuerdo a la vista", "se reanudan las conversaciones", "tensiones entre ambos países", "resultados cuestionados", "se intensifica la cooperación"],
  },
} as const;

function formatNumber(n: number, lang: Lang): string {
  // French groups thousands with a space, Spanish with a dot: both notations must be exercised.
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "fr" ? " " : ".");
}

/**
 * A sentence as choices from the pools, which are aligned across languages (subjects[i], units[i]…
 * say the same thing in French and in Spanish): the source is rendered in its language, and each
 * summary renders a selection of the source's sentences in its own, as an editor's summary
 * restates its source. A generated corpus then passes `npm run check` like a real one.
 */
type Sentence =
  | { kind: "figure"; value: number; unit: number }
  | { kind: "quote"; quote: number; verb: number; subject: number }
  | { kind: "fact"; subject: number; verb: number; object: number; complement: number; date?: { day: number; month: number } };

const index = (rand: Rand, items: readonly unknown[]) => Math.floor(rand() * items.length);

function sentence(rand: Rand): Sentence {
  const pool = POOLS.fr;
  const roll = rand();
  if (roll < 0.12) return { kind: "figure", value: Math.floor(rand() * 500) * 100 + 100, unit: index(rand, pool.units) };
  if (roll < 0.22) return { kind: "quote", quote: index(rand, pool.quotes), verb: index(rand, pool.quoteVerbs), subject: index(rand, pool.subjects) };
  const date = rand() < 0.2 ? { day: 1 + Math.floor(rand() * 28), month: index(rand, pool.months) } : undefined;
  return { kind: "fact", subject: index(rand, pool.subjects), verb: index(rand, pool.verbs), object: index(rand, pool.objects), complement: index(rand, pool.complements), date };
}

function render(s: Sentence, lang: Lang): string {
  const pool = POOLS[lang];
  if (s.kind === "figure") return pool.figurePhrase(formatNumber(s.value, lang), pool.units[s.unit] as string);
  if (s.kind === "quote") return `${pool.quoteMarks(pool.quotes[s.quote] as string)}, ${pool.quoteVerbs[s.verb]} ${(pool.subjects[s.subject] as string).toLowerCase()}.`;
  const date = s.date ? ` ${pool.datePhrase(s.date.day, pool.months[s.date.month] as string)}` : "";
  return `${pool.subjects[s.subject]} ${pool.verbs[s.verb]} ${pool.objects[s.object]} ${pool.complements[s.complement]}${date}.`;
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Paragraphs of about minWords to maxWords, in `lang`, of sentences made by `next`; `written` collects those used. */
function paragraphsOf(rand: Rand, lang: Lang, minWords: number, maxWords: number, next: () => Sentence, written: Sentence[] = []): string[] {
  const target = minWords + Math.floor(rand() * (maxWords - minWords));
  const paragraphs: string[] = [];
  let count = 0;
  while (count < target) {
    const size = 2 + Math.floor(rand() * 3);
    const sentences: string[] = [];
    for (let i = 0; i < size && count < target; i++) {
      const chosen = next();
      const s = render(chosen, lang);
      if (count + words(s) > maxWords) break;
      written.push(chosen);
      sentences.push(s);
      count += words(s);
    }
    if (sentences.length === 0) break;
    paragraphs.push(sentences.join(" "));
  }
  return paragraphs;
}

/** A title as choices from the aligned pools: the summaries' titles say what the source's says. */
function title(rand: Rand): { part: number; tail: number } {
  return { part: index(rand, POOLS.fr.titleParts), tail: index(rand, POOLS.fr.titleTails) };
}

function renderTitle({ part, tail }: { part: number; tail: number }, lang: Lang): string {
  return `${POOLS[lang].titleParts[part]}${lang === "es" ? ":" : " :"} ${POOLS[lang].titleTails[tail]}`;
}

const quoteYaml = (s: string) => JSON.stringify(s);

/** The shipped registries: the analysis needs actors, roles and topics beside the articles. */
const REGISTRY_FOLDERS = ["actors", "topics"] as const;
const SHIPPED_CONTENT = path.resolve(import.meta.dirname, "../content");

export function generateCorpus(dir: string, count: number, seed = 42): void {
  const rand = mulberry32(seed);
  rmSync(dir, { recursive: true, force: true });
  for (const folder of REGISTRY_FOLDERS) {
    cpSync(path.join(SHIPPED_CONTENT, folder), path.join(dir, folder), { recursive: true });
  }
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2026, 9, 31) - start;
  for (let i = 0; i < count; i++) {
    const lang: Lang = rand() < 0.65 ? "fr" : "es";
    const day = new Date(start + Math.floor(rand() * span)).toISOString().slice(0, 10);
    const date = rand() < 0.1 ? day.slice(0, 7) : day;
    const slug = `${date}-synthetique-${String(i).padStart(6, "0")}`;
    const heading = title(rand);
    const folder = path.join(dir, "articles", date.slice(0, 4), slug);
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      path.join(folder, "article.yaml"),
      `lang: ${lang}\ndate: ${date}\noutlet: ${quoteYaml(lang === "fr" ? "Agence synthétique" : "Agencia sintética")}\n` +
        `url: https://example.org/${lang}/${slug}\ntitle: ${quoteYaml(renderTitle(heading, lang))}\n`,
    );
    const said: Sentence[] = [];
    const source = paragraphsOf(rand, lang, 350, 900, () => sentence(rand), said);
    writeFileSync(path.join(folder, "source.txt"), `${source.join("\n\n")}\n`);
    const restate = () => pick(rand, said);
    for (const summaryLang of ["fr", "es"] as const) {
      const body = paragraphsOf(rand, summaryLang, 150, 220, restate).join("\n\n");
      const lede = render(restate(), summaryLang);
      writeFileSync(
        path.join(folder, `summary.${summaryLang}.md`),
        `---\ntitle: ${quoteYaml(renderTitle(heading, summaryLang))}\nlede: ${quoteYaml(lede)}\n---\n${body}\n`,
      );
    }
  }
}

/** Left in the folders this command writes, so that it may empty them again. */
const MARKER = ".generated-corpus";

const USAGE = "npm run generate-corpus -- --articles N --out DIR [--seed S]   (defaults: 1000, .bench/corpus, 42)";

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        articles: { type: "string", default: "1000" },
        out: { type: "string", default: ".bench/corpus" },
        seed: { type: "string", default: "42" },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(1);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  for (const name of ["articles", "seed"] as const) {
    if (!/^\d+$/.test(values[name])) {
      console.error(`--${name} takes a whole number; found "${values[name]}"\n\n${USAGE}`);
      process.exit(1);
    }
  }
  // generateCorpus empties its folder first: a folder this command did not write is never emptied.
  const marker = path.join(values.out, MARKER);
  if (existsSync(values.out) && readdirSync(values.out).length > 0 && !existsSync(marker)) {
    console.error(`${values.out} already holds files that generate-corpus did not write, and writing a corpus there would delete them: choose another --out, or empty that folder first.`);
    process.exit(1);
  }
  generateCorpus(values.out, Number(values.articles), Number(values.seed));
  writeFileSync(marker, "A corpus written by npm run generate-corpus, which may delete and write this folder again.\n");
  console.log(`Wrote ${values.articles} articles to ${values.out}`);
}
