import { scaleBand, scaleLinear } from "d3-scale";
import { monthLabel } from "../calendar.ts";
import type { Lang } from "../languages.ts";
import { CHART_WORDS, type Measure } from "./labels.ts";

/**
 * A count per month (articles on a topic, mentions of an actor) drawn at build time as inline SVG
 * bars: readable without JavaScript, with a visible title and axis label (also returned as text
 * for the page's own heading), a title and description for assistive technology, and the same
 * numbers returned as rows for a table beside it.
 *
 * Sizes: the viewBox is 400 wide and its text 14 units high, so that on a 390 px phone (about
 * 358 px of column) the labels render at 12.5 px; a bar is never wider than 36 units, so one month
 * of data is one bar, not a filled block.
 */

export interface MonthlyPoint {
  /** "2024-01" */
  month: string;
  value: number;
}

export interface MonthlyChart {
  svg: string;
  /** Months with a non-zero value, oldest first: the table under the chart. */
  rows: Array<{ month: string; label: string; value: number; valueLabel: string }>;
  total: number;
  /** The visible title, as drawn in the SVG: a page may print it as its heading instead. */
  title: string;
  /** What the bars count ("Articles par mois"), drawn beside the axis. */
  axisLabel: string;
  /** The text alternative: span, total and the busiest month only when one month is. */
  summary: string;
}

export interface MonthlyChartInput {
  points: MonthlyPoint[];
  lang: Lang;
  /** Unique within the page: the SVG's title and description are referenced by id. */
  id: string;
  /** What the bars count: gives the axis label and the summary's words. Default "articles". */
  measure?: Measure;
  /** Default: the axis label. */
  title?: string;
  /** Default: the summary. */
  description?: string;
}

export const CHART_SIZE = { width: 400, height: 230, font: 14, titleFont: 15, maxBar: 36 } as const;
const MARGIN = { top: 52, right: 8, bottom: 30, left: 34 };

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Months as integers (year × 12 + month): no date library needed to count them. */
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;

/** Every month from the first to the last, so quiet months show as zero instead of vanishing. */
export function fillMonths(points: MonthlyPoint[]): MonthlyPoint[] {
  if (points.length === 0) return [];
  const byMonth = new Map<string, number>();
  for (const p of points) byMonth.set(p.month, (byMonth.get(p.month) ?? 0) + p.value);
  const months = [...byMonth.keys()].sort();
  const filled: MonthlyPoint[] = [];
  for (let i = monthIndex(months[0]!); i <= monthIndex(months[months.length - 1]!); i++) {
    filled.push({ month: monthOf(i), value: byMonth.get(monthOf(i)) ?? 0 });
  }
  return filled;
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();
export function numberFormat(lang: Lang): Intl.NumberFormat {
  let number = numberFormats.get(lang);
  if (!number) numberFormats.set(lang, (number = new Intl.NumberFormat(lang)));
  return number;
}

/**
 * What the chart shows, in words: its span, its total, and its busiest month only when a single
 * month holds the highest value; when several tie, it says so instead of naming one.
 */
export function chartSummary(points: MonthlyPoint[], lang: Lang, measure: Measure = "articles"): string {
  const words = CHART_WORDS[lang];
  const months = fillMonths(points);
  if (months.length === 0) return words.empty;
  const number = numberFormat(lang);
  const total = months.reduce((sum, p) => sum + p.value, 0);
  const totalText = words.count(number.format(total), total, measure);
  const label = (m: string) => monthLabel(m, lang);
  if (months.length === 1) return words.single(label(months[0]!.month), totalText);
  const max = Math.max(...months.map((p) => p.value));
  const peaks = months.filter((p) => p.value === max);
  const head = words.span(label(months[0]!.month), label(months[months.length - 1]!.month), totalText);
  if (peaks.length === months.length) return head + words.flat(words.count(number.format(max), max, measure));
  if (peaks.length > 1) return head + words.tie(number.format(max), peaks.length);
  return head + words.peak(label(peaks[0]!.month), number.format(max));
}

/**
 * Tick months: every quarter over a short span, every January over a long one, and always the
 * first month. Each reads the month it stands under ("juin 2021"), the year only when it changes
 * ("sept.", "déc.", "mars 2022"); on a long span a January reads as its year.
 */
export function tickLabels(months: string[], lang: Lang): { month: string; label: string }[] {
  const yearly = months.length > 18;
  const short = (m: string) => monthLabel(m, lang, "short");
  const chosen = months.filter((m, i) => i === 0 || (yearly ? m.endsWith("-01") : i % 3 === 0));
  let shownYear = "";
  return chosen.map((month, i) => {
    const year = month.slice(0, 4);
    const label = i === 0 ? short(month) : yearly ? year : year === shownYear ? short(month).replace(/\s+\d{4}$/u, "") : short(month);
    shownYear = year;
    return { month, label };
  });
}

export function monthlyChart(input: MonthlyChartInput): MonthlyChart {
  const measure = input.measure ?? "articles";
  const words = CHART_WORDS[input.lang];
  const months = fillMonths(input.points);
  const number = numberFormat(input.lang);
  const rows = months
    .filter((p) => p.value !== 0)
    .map((p) => ({ month: p.month, label: monthLabel(p.month, input.lang), value: p.value, valueLabel: number.format(p.value) }));
  const total = months.reduce((sum, p) => sum + p.value, 0);
  const axisLabel = words.axis[measure];
  const title = input.title ?? words.title[measure];
  const summary = chartSummary(input.points, input.lang, measure);
  const { width: W, height: H, font, titleFont, maxBar } = CHART_SIZE;

  const x = scaleBand<string>().domain(months.map((p) => p.month)).range([MARGIN.left, W - MARGIN.right]).paddingInner(0.2).paddingOuter(0.1);
  const barWidth = Math.min(x.bandwidth(), maxBar);
  const max = Math.max(1, ...months.map((p) => p.value));
  const y = scaleLinear().domain([0, max]).nice().range([H - MARGIN.bottom, MARGIN.top]);
  const center = (month: string) => (x(month) ?? MARGIN.left) + x.bandwidth() / 2;

  const yTicks = y.ticks(Math.min(4, max)).filter(Number.isInteger);
  const grid = yTicks
    .map((tick) => {
      const ty = y(tick).toFixed(1);
      return `<g class="tick"><line x1="${MARGIN.left}" x2="${W - MARGIN.right}" y1="${ty}" y2="${ty}" stroke="#d0d4da"/><text x="${MARGIN.left - 6}" y="${ty}" dy="0.32em" text-anchor="end" font-size="${font}">${number.format(tick)}</text></g>`;
    })
    .join("");

  // Labels that would overlap their neighbour are left out (the table has every month).
  const charWidth = font * 0.62;
  let lastEnd = -Infinity;
  const xLabels = tickLabels(
    months.map((p) => p.month),
    input.lang,
  )
    .map((tick) => {
      const half = (tick.label.length * charWidth) / 2;
      // The first label starts at its bar rather than centring on it, so it never runs off the left edge.
      const cx = Math.min(Math.max(center(tick.month), MARGIN.left - 20 + half), W - half - 2);
      if (cx - half < lastEnd + 6) return "";
      lastEnd = cx + half;
      return `<text x="${cx.toFixed(1)}" y="${H - 9}" text-anchor="middle" font-size="${font}" data-month="${tick.month}">${escapeXml(tick.label)}</text>`;
    })
    .join("");

  const bars = months
    .filter((p) => p.value !== 0)
    .map((p) => {
      const top = y(p.value);
      return `<rect class="bar" x="${(center(p.month) - barWidth / 2).toFixed(1)}" y="${top.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(y(0) - top).toFixed(1)}" fill="#2b6cb0" data-month="${p.month}" data-value="${p.value}"/>`;
    })
    .join("");

  const titleId = `${input.id}-title`;
  const descId = `${input.id}-desc`;
  const svg =
    `<svg class="chart" id="${input.id}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${titleId} ${descId}" font-family="inherit">` +
    `<title id="${titleId}">${escapeXml(title)}</title>` +
    `<desc id="${descId}">${escapeXml(input.description ?? summary)}</desc>` +
    `<text class="chart-title" x="0" y="${titleFont + 2}" font-size="${titleFont}" font-weight="700">${escapeXml(title)}</text>` +
    `<text class="axis-label" x="0" y="${MARGIN.top - 14}" font-size="${font}">${escapeXml(axisLabel)}</text>` +
    `<g class="grid">${grid}</g>` +
    `<line class="baseline" x1="${MARGIN.left}" x2="${W - MARGIN.right}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}" stroke="#6b7280"/>` +
    `<g class="bars">${bars}</g>` +
    `<g class="x-labels">${xLabels}</g>` +
    `</svg>`;
  return { svg, rows, total, title, axisLabel, summary };
}
