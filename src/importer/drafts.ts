import type { ArticleMeta } from "../content/schemas.ts";
import { writeYaml } from "../content/yaml.ts";
import type { Lang } from "../languages.ts";
import type { Suggestions } from "./suggest.ts";

/**
 * The files of a new article as the editor will find them: metadata marked draft, and two
 * summaries in draft whose front matter is valid but visibly unfinished, with the analysis'
 * findings in a to-do block the editor reads and then deletes.
 */

export interface ArticleMetaInput {
  lang: Lang;
  /** As the editor gave it: YYYY-MM-DD, or YYYY-MM when only the month is known. */
  date: string;
  outlet: string;
  url?: string;
  title: string;
  topics: string[];
}

/** Keys in the order editors know from the existing articles. */
export function articleYaml(meta: ArticleMetaInput): string {
  const ordered: Record<keyof ArticleMeta, unknown> = {
    lang: meta.lang,
    date: meta.date,
    outlet: meta.outlet,
    url: meta.url,
    title: meta.title,
    topics: meta.topics,
    draft: true,
  };
  const present = Object.fromEntries(Object.entries(ordered).filter(([, v]) => v !== undefined));
  return writeYaml(present);
}

interface Wording {
  untranslated: string;
  lede: string;
  todo: string;
  remove: string;
  /** French puts a space before a colon, Spanish none. */
  colon: string;
  titleTask: { source: string; translation: string };
  ledeTask: string;
  bodyTask: string;
  topics: string;
  noTopics: string;
  actors: string;
  noActors: string;
  mentions: (n: number) => string;
  candidates: string;
  noAnalysis: string;
}

const WORDING: Record<Lang, Wording> = {
  fr: {
    untranslated: "[À traduire]",
    lede: "[À écrire] Le chapeau : une phrase qui dit qui, quoi, quand.",
    todo: "À faire avant publication",
    remove: "supprimer ce bloc une fois le résumé écrit, puis retirer draft: true ici et dans article.yaml",
    colon: " :",
    titleTask: {
      source: "Titre : celui de la source, à reprendre ou à raccourcir.",
      translation: "Titre : traduire le titre de la source (retirer « [À traduire] »).",
    },
    ledeTask: "Chapeau : remplacer le texte « [À écrire] » par une phrase.",
    bodyTask: "Résumé : 120 à 250 mots, en français, à partir de source.txt.",
    topics: "Thèmes suggérés par l’analyse (déjà dans article.yaml, à confirmer)",
    noTopics: "Thèmes : l’analyse n’en a suggéré aucun ; en choisir dans content/topics/.",
    actors: "Acteurs trouvés dans la source",
    noActors: "Acteurs : aucun acteur du registre trouvé dans la source.",
    mentions: (n) => `${n} mention${n > 1 ? "s" : ""}`,
    candidates: "Noms absents du registre (à vérifier)",
    noAnalysis: "L’analyse n’a pas tourné : choisir les thèmes et repérer les acteurs à la main.",
  },
  es: {
    untranslated: "[Por traducir]",
    lede: "[Por escribir] La entradilla: una frase que diga quién, qué y cuándo.",
    todo: "Pendiente antes de publicar",
    remove: "borrar este bloque cuando el resumen esté escrito y quitar draft: true aquí y en article.yaml",
    colon: ":",
    titleTask: {
      source: "Título: el de la fuente, para conservar o acortar.",
      translation: "Título: traducir el título de la fuente (quitar «[Por traducir]»).",
    },
    ledeTask: "Entradilla: sustituir el texto «[Por escribir]» por una frase.",
    bodyTask: "Resumen: de 120 a 250 palabras, en español, a partir de source.txt.",
    topics: "Temas sugeridos por el análisis (ya en article.yaml, por confirmar)",
    noTopics: "Temas: el análisis no sugirió ninguno; elegirlos en content/topics/.",
    actors: "Actores encontrados en la fuente",
    noActors: "Actores: no se encontró ningún actor del registro en la fuente.",
    mentions: (n) => `${n} ${n > 1 ? "menciones" : "mención"}`,
    candidates: "Nombres que no están en el registro (por verificar)",
    noAnalysis: "El análisis no se ejecutó: elegir los temas y señalar los actores a mano.",
  },
};

/** The summary schema's limit; the prefix must not push a long title over it. */
const SUMMARY_TITLE_MAX = 200;

function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function summaryMarkdown(
  summaryLang: Lang,
  source: { lang: Lang; title: string },
  suggestions: Suggestions | null,
): string {
  const w = WORDING[summaryLang];
  const isSource = summaryLang === source.lang;
  const title = isSource ? fit(source.title, SUMMARY_TITLE_MAX) : fit(`${w.untranslated} ${source.title}`, SUMMARY_TITLE_MAX);
  const frontMatter = writeYaml({ title, lede: w.lede, draft: true });

  const tasks = [isSource ? w.titleTask.source : w.titleTask.translation, w.ledeTask, w.bodyTask];
  if (suggestions === null) {
    tasks.push(w.noAnalysis);
  } else {
    tasks.push(suggestions.topics.length > 0 ? `${w.topics}${w.colon} ${suggestions.topics.join(", ")}` : w.noTopics);
    tasks.push(
      suggestions.actors.length > 0
        ? `${w.actors}${w.colon} ${suggestions.actors.map((a) => `${a.names[summaryLang]} (${w.mentions(a.count)})`).join(", ")}`
        : w.noActors,
    );
    if (suggestions.candidates.length > 0) tasks.push(`${w.candidates}${w.colon} ${suggestions.candidates.join(", ")}`);
  }
  const list = tasks.map((t) => `- ${t}`).join("\n");
  return `---\n${frontMatter}---\n**${w.todo}** (${w.remove})${w.colon}\n\n${list}\n`;
}
