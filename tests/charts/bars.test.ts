import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { CHART_SIZE, chartSummary, monthlyChart, tickLabels } from "../../src/charts/monthly.ts";
import { CHART_WORDS } from "../../src/charts/labels.ts";

const bars = (svg: string) => {
  const $ = load(svg, { xml: true });
  return $("rect.bar")
    .map((_, el) => ({ month: $(el).attr("data-month"), x: Number($(el).attr("x")), width: Number($(el).attr("width")), height: Number($(el).attr("height")) }))
    .get();
};

describe("bar charts", () => {
  it("draw one month of data as one bar of sensible width, not a half-width block", () => {
    const chart = monthlyChart({ points: [{ month: "2021-06", value: 1 }], lang: "fr", id: "one", measure: "articles" });
    const drawn = bars(chart.svg);
    expect(drawn).toHaveLength(1);
    expect(drawn[0]!.width).toBeLessThanOrEqual(CHART_SIZE.maxBar);
    expect(drawn[0]!.width).toBeGreaterThan(8);
    expect(drawn[0]!.height).toBeGreaterThan(0);
    // Nothing else fills the plot.
    expect(chart.svg).not.toMatch(/<path/);
  });

  it("draw every non-zero month as a bar as tall as its value, quiet months as gaps", () => {
    const chart = monthlyChart({ points: [{ month: "2024-01", value: 2 }, { month: "2024-03", value: 4 }], lang: "es", id: "two", measure: "mentions" });
    const drawn = bars(chart.svg);
    expect(drawn.map((b) => b.month)).toEqual(["2024-01", "2024-03"]);
    expect(drawn[1]!.height / drawn[0]!.height).toBeCloseTo(2, 1);
    expect(drawn[1]!.x - drawn[0]!.x).toBeGreaterThan(drawn[0]!.width * 1.5);
  });

  it("show a title and an axis label in the SVG, and return them as text in the page's language", () => {
    for (const lang of ["fr", "es"] as const) {
      const chart = monthlyChart({ points: [{ month: "2024-01", value: 2 }], lang, id: `t-${lang}`, measure: "mentions", title: lang === "fr" ? "Ortega : mentions par mois" : "Ortega: menciones por mes" });
      const $ = load(chart.svg, { xml: true });
      expect($("text.chart-title").text()).toBe(chart.title);
      expect($("title").text()).toBe(chart.title);
      expect($("text.axis-label").text()).toBe(chart.axisLabel);
      expect(chart.axisLabel).toBe(CHART_WORDS[lang].axis.mentions);
    }
    expect(monthlyChart({ points: [], lang: "es", id: "d" }).title).toBe("Artículos por mes");
  });

  it("label the first tick with the month it stands under, and the year only when it changes", () => {
    expect(tickLabels(["2021-06", "2021-07", "2021-08", "2021-09", "2021-10", "2021-11", "2021-12", "2022-01", "2022-02", "2022-03"], "fr").map((t) => t.label)).toEqual([
      "juin 2021",
      "sept.",
      "déc.",
      "mars 2022",
    ]);
    const long = Array.from({ length: 30 }, (_, i) => `${2021 + Math.floor((i + 5) / 12)}-${String(((i + 5) % 12) + 1).padStart(2, "0")}`);
    expect(tickLabels(long, "es").map((t) => t.label)).toEqual(["jun 2021", "2022", "2023"]);
    const $ = load(monthlyChart({ points: [{ month: "2021-06", value: 1 }, { month: "2023-02", value: 1 }], lang: "fr", id: "l" }).svg, { xml: true });
    expect($(".x-labels text").first().text()).toBe("juin 2021");
    expect($(".x-labels text").first().attr("data-month")).toBe("2021-06");
  });

  it("name the busiest month only when one month is", () => {
    expect(chartSummary([{ month: "2021-06", value: 1 }, { month: "2021-08", value: 1 }], "fr")).toBe(
      "De juin 2021 à août 2021\u202f: 2 articles en tout\u202f; au plus 1 par mois, atteint en 2 mois.",
    );
    expect(chartSummary([{ month: "2021-06", value: 1 }, { month: "2021-07", value: 1 }], "es", "mentions")).toBe(
      "De junio de 2021 a julio de 2021: 2 menciones en total; 1 mención cada mes.",
    );
    expect(chartSummary([{ month: "2021-06", value: 1 }, { month: "2021-07", value: 3 }], "fr")).toContain("le mois le plus chargé est juillet 2021 (3)");
    expect(chartSummary([{ month: "2021-06", value: 1 }], "fr")).toBe("En juin 2021\u202f: 1 article.");
    expect(chartSummary([], "es")).toBe("Sin datos.");
    expect(monthlyChart({ points: [{ month: "2021-06", value: 1 }, { month: "2021-07", value: 1 }], lang: "fr", id: "s" }).summary).not.toMatch(/plus chargé/);
  });
});

describe("chart words", () => {
  it("exist in both languages and never repeat the title as the axis label", () => {
    for (const lang of ["fr", "es"] as const) {
      for (const measure of ["articles", "mentions"] as const) {
        expect(CHART_WORDS[lang].axis[measure]).not.toBe(CHART_WORDS[lang].title[measure]);
      }
    }
    expect(CHART_WORDS.fr.axis.articles).not.toBe(CHART_WORDS.es.axis.articles);
  });
});
