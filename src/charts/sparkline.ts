import { monthLabel } from "../calendar.ts";
import type { Lang } from "../languages.ts";
import { CHART_WORDS, type Measure } from "./labels.ts";
import { fillMonths, numberFormat, type MonthlyPoint } from "./monthly.ts";

/**
 * A trend mark beside an actor or a topic in the indexes: one thin bar per month over the same
 * months for every entry (ending at the digest's newest month), so that marks side by side
 * compare. Its words (`label`) say the span and the total; the SVG carries them as its name.
 */
export interface Sparkline {
  svg: string;
  label: string;
  total: number;
}

export interface SparklineInput {
  points: MonthlyPoint[];
  lang: Lang;
  /** "YYYY-MM": the last month drawn, the same for every mark of a page. */
  until: string;
  months?: number;
  measure?: Measure;
}

export const SPARKLINE = { months: 12, width: 72, height: 18 } as const;

export function sparkline(input: SparklineInput): Sparkline {
  const count = input.months ?? SPARKLINE.months;
  const first = shift(input.until, -(count - 1));
  const within = input.points.filter((p) => p.month >= first && p.month <= input.until);
  const months = fillMonths([...within, { month: first, value: 0 }, { month: input.until, value: 0 }]);
  const total = months.reduce((sum, p) => sum + p.value, 0);
  const max = Math.max(1, ...months.map((p) => p.value));
  const { width, height } = SPARKLINE;
  const step = width / months.length;
  const words = CHART_WORDS[input.lang];
  const label = words.sparkline(
    monthLabel(first, input.lang),
    monthLabel(input.until, input.lang),
    words.count(numberFormat(input.lang).format(total), total, input.measure ?? "articles"),
  );
  const bars = months
    .map((p, i) => {
      // A quiet month is a flat tick, so the months stay countable.
      const h = p.value === 0 ? 1 : Math.max(2, (p.value / max) * (height - 1));
      return `<rect x="${(i * step + step * 0.15).toFixed(1)}" y="${(height - h).toFixed(1)}" width="${(step * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${p.value === 0 ? "#c3c8cf" : "#2b6cb0"}" data-month="${p.month}" data-value="${p.value}"/>`;
    })
    .join("");
  const svg = `<svg class="sparkline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeAttribute(label)}">${bars}</svg>`;
  return { svg, label, total };
}

function shift(month: string, delta: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

const escapeAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
