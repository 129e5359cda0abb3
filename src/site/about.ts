import { dayLabel } from "../calendar.ts";
import { t } from "../i18n/index.ts";
import { LANGUAGES, type Lang } from "../languages.ts";
import { NUMBER_LOCALES } from "./facts.ts";
import { pageBase, type PageBase, type Titled } from "./page-base.ts";
import { routes } from "./routes.ts";

/**
 * The methodology page of each language: what the editors write, what the program extracts and
 * how, what can be wrong, and how well the extraction did when it was last measured.
 */
export interface AboutPage extends PageBase, Titled {
  kind: "about";
  sections: AboutSection[];
  measured: {
    heading: string;
    intro: string;
    definition: string;
    columns: { measure: string; precision: string; recall: string };
    rows: Array<{ measure: string; precision: string; recall: string }>;
    reproduce: string;
  };
}

export interface AboutSection {
  id: string;
  heading: string;
  paragraphs: string[];
  items: string[];
  after: string[];
}

/**
 * What the page reports: npm run score-devset on a held-out set of hand-annotated articles that no
 * rule had been written on (10 articles, outlets not in the development set), scored the first time
 * it was run, after the analysis of 2026-12-01. Update it, with its date, whenever the analysis
 * changes what it finds, on articles the rules have not seen. A speaker is scored as a share of the
 * quotes found, so it has one number.
 */
export const MEASURED = {
  date: "2026-12-01",
  articles: { fr: 5, es: 5 },
  rows: [
    { id: "quotes", precision: 1, recall: 0.85 },
    { id: "speakers", precision: 0.82 },
    { id: "figures", precision: 0.76, recall: 0.76 },
    { id: "dates", precision: 0.9, recall: 1 },
    { id: "topics", precision: 0.75, recall: 0.92 },
    { id: "people", precision: 0.87, recall: 1 },
  ],
} as const satisfies { date: string; articles: Record<Lang, number>; rows: ReadonlyArray<{ id: string; precision: number; recall?: number }> };

const SECTIONS = {
  editors: { items: [], after: false },
  computed: { items: ["actors", "quotes", "figures", "dates", "topics"], after: true },
  errors: { items: [], after: false },
  languages: { items: [], after: false },
} as const;

export function buildAboutPages(): AboutPage[] {
  return LANGUAGES.map((lang): AboutPage => {
    const percent = new Intl.NumberFormat(NUMBER_LOCALES[lang], { style: "percent" });
    const key = (k: string) => t(lang, `about.${k}`);
    return {
      kind: "about",
      ...pageBase(lang, routes.about, routes.about("fr")),
      title: key("title"),
      description: key("description"),
      sections: Object.entries(SECTIONS).map(([id, shape]) => ({
        id,
        heading: key(`${id}.heading`),
        paragraphs: [key(`${id}.text`)],
        items: shape.items.map((item) => key(`${id}.items.${item}`)),
        after: shape.after ? [key(`${id}.after`)] : [],
      })),
      measured: {
        heading: key("measured.heading"),
        intro: t(lang, "about.measured.intro", {
          date: dayLabel(MEASURED.date, lang),
          count: MEASURED.articles.fr + MEASURED.articles.es,
          fr: MEASURED.articles.fr,
          es: MEASURED.articles.es,
        }),
        definition: key("measured.definition"),
        columns: { measure: key("measured.columns.measure"), precision: key("measured.columns.precision"), recall: key("measured.columns.recall") },
        rows: MEASURED.rows.map((row) => ({
          measure: key(`measured.rows.${row.id}`),
          precision: percent.format(row.precision),
          recall: "recall" in row ? percent.format(row.recall) : "—",
        })),
        reproduce: key("measured.reproduce"),
      },
    };
  });
}
