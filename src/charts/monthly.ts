import { scaleBand, scaleLinear } from "d3-scale";
import { area, curveStepAfter, line } from "d3-shape";
import { monthLabel } from "../calendar.ts";
import type { Lang } from "../languages.ts";

/**
 * A count per month (articles on a topic, mentions of an actor) drawn at build time as inline SVG:
 * readable without JavaScript, with a title and description for assistive technology, and the same
 * numbers returned as rows for a table beside it.
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
}

export interface MonthlyChartInput {
  points: MonthlyPoint[];
  lang: Lang;
  /** Unique within the page: the SVG's title and description are referenced by id. */
  id: string;
  title: string;
  description: string;
}

const WIDTH = 640;
const HEIGHT = 200;
const MARGIN = { top: 12, right: 12, bottom: 28, left: 36 };

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Every month from the first to the last, so quiet months show as zero instead of vanishing. */
export function fillMonths(points: MonthlyPoint[]): MonthlyPoint[] {
  if (points.length === 0) return [];
  const byMonth = new Map<string, number>();
  for (const p of points) byMonth.set(p.month, (byMonth.get(p.month) ?? 0) + p.value);
  const months = [...byMonth.keys()].sort();
  // Months as integers (year × 12 + month): no date library needed to count them.
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const filled: MonthlyPoint[] = [];
  for (let i = index(months[0]!); i <= index(months[months.length - 1]!); i++) {
    const month = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
    filled.push({ month, value: byMonth.get(month) ?? 0 });
  }
  return filled;
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

export function monthlyChart(input: MonthlyChartInput): MonthlyChart {
  const months = fillMonths(input.points);
  let number = numberFormats.get(input.lang);
  if (!number) numberFormats.set(input.lang, (number = new Intl.NumberFormat(input.lang)));
  const rows = months
    .filter((p) => p.value !== 0)
    .map((p) => ({ month: p.month, label: monthLabel(p.month, input.lang), value: p.value, valueLabel: number.format(p.value) }));
  const total = months.reduce((sum, p) => sum + p.value, 0);

  // One more band than there are months, so the last step has a width.
  const domain = [...months.map((p) => p.month), "end"];
  const x = scaleBand<string>().domain(domain).range([MARGIN.left, WIDTH - MARGIN.right]).padding(0);
  const max = Math.max(1, ...months.map((p) => p.value));
  const y = scaleLinear().domain([0, max]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);

  const stepped = [...months, { month: "end", value: months[months.length - 1]?.value ?? 0 }];
  const xOf = (p: MonthlyPoint) => x(p.month) ?? MARGIN.left;
  const areaPath = area<MonthlyPoint>().x(xOf).y0(y(0)).y1((p) => y(p.value)).curve(curveStepAfter)(stepped) ?? "";
  const linePath = line<MonthlyPoint>().x(xOf).y((p) => y(p.value)).curve(curveStepAfter)(stepped) ?? "";

  const yTicks = y.ticks(Math.min(4, max)).filter(Number.isInteger);
  const grid = yTicks
    .map((tick) => {
      const ty = y(tick).toFixed(1);
      return `<g class="tick"><line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${ty}" y2="${ty}"/><text x="${MARGIN.left - 6}" y="${ty}" dy="0.32em" text-anchor="end">${number.format(tick)}</text></g>`;
    })
    .join("");

  // A label per year (January, or the first month shown), or per quarter when the span is short.
  const every = months.length <= 18 ? 3 : 12;
  const xLabels = months
    .filter((p, i) => i === 0 || (every === 12 ? p.month.endsWith("-01") : i % every === 0))
    .filter((p, i, shown) => i === 0 || (x(p.month) ?? 0) - (x(shown[i - 1]!.month) ?? 0) > 40)
    .map((p) => {
      const label = every === 12 ? p.month.slice(0, 4) : monthLabel(p.month, input.lang, "short");
      return `<text x="${(x(p.month) ?? 0).toFixed(1)}" y="${HEIGHT - 8}">${escapeXml(label)}</text>`;
    })
    .join("");

  const marks = months
    .filter((p) => p.value !== 0)
    .map((p) => `<circle cx="${(xOf(p) + x.bandwidth() / 2).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="2.5" data-month="${p.month}" data-value="${p.value}"/>`)
    .join("");

  const titleId = `${input.id}-title`;
  const descId = `${input.id}-desc`;
  const svg =
    `<svg class="chart" id="${input.id}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${titleId} ${descId}">` +
    `<title id="${titleId}">${escapeXml(input.title)}</title>` +
    `<desc id="${descId}">${escapeXml(input.description)}</desc>` +
    `<g class="grid">${grid}</g>` +
    `<path class="area" d="${areaPath}"/><path class="line" d="${linePath}"/>` +
    `<g class="marks">${marks}</g>` +
    `<g class="x-labels">${xLabels}</g>` +
    `</svg>`;
  return { svg, rows, total };
}
