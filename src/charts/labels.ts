import type { Lang } from "../languages.ts";

/**
 * The words of the charts, in both languages: the visible title's default, the axis label and the
 * text alternative that says what the chart shows. French puts a narrow no-break space before
 * « : » and « ; ».
 */
export type Measure = "articles" | "mentions";

const NNBSP = "\u202f";

interface ChartWords {
  axis: Record<Measure, string>;
  title: Record<Measure, string>;
  /** "3 articles", "1 mention". */
  count: (n: string, value: number, measure: Measure) => string;
  single: (month: string, total: string) => string;
  span: (from: string, to: string, total: string) => string;
  peak: (month: string, value: string) => string;
  /** Several months share the highest value: no month is "the busiest". */
  tie: (value: string, months: number) => string;
  /** Every month has the same value. */
  flat: (value: string) => string;
  empty: string;
  sparkline: (from: string, to: string, total: string) => string;
}

const plural = (value: number, one: string, other: string) => (value === 1 ? one : other);

export const CHART_WORDS: Record<Lang, ChartWords> = {
  fr: {
    axis: { articles: "Nombre d’articles", mentions: "Nombre de mentions" },
    title: { articles: "Articles par mois", mentions: "Mentions par mois" },
    count: (n, value, measure) => `${n} ${measure === "articles" ? plural(value, "article", "articles") : plural(value, "mention", "mentions")}`,
    single: (month, total) => `En ${month}${NNBSP}: ${total}.`,
    span: (from, to, total) => `De ${from} à ${to}${NNBSP}: ${total} en tout`,
    peak: (month, value) => `${NNBSP}; le mois le plus chargé est ${month} (${value}).`,
    tie: (value, months) => `${NNBSP}; au plus ${value} par mois, atteint en ${months} mois.`,
    flat: (value) => `${NNBSP}; ${value} chaque mois.`,
    empty: "Aucune donnée.",
    sparkline: (from, to, total) => `De ${from} à ${to}${NNBSP}: ${total}`,
  },
  es: {
    axis: { articles: "Número de artículos", mentions: "Número de menciones" },
    title: { articles: "Artículos por mes", mentions: "Menciones por mes" },
    count: (n, value, measure) => `${n} ${measure === "articles" ? plural(value, "artículo", "artículos") : plural(value, "mención", "menciones")}`,
    single: (month, total) => `En ${month}: ${total}.`,
    span: (from, to, total) => `De ${from} a ${to}: ${total} en total`,
    peak: (month, value) => `; el mes con más es ${month} (${value}).`,
    tie: (value, months) => `; como máximo ${value} al mes, en ${months} meses.`,
    flat: (value) => `; ${value} cada mes.`,
    empty: "Sin datos.",
    sparkline: (from, to, total) => `De ${from} a ${to}: ${total}`,
  },
};
