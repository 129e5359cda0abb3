import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { fillMonths, monthlyChart } from "../../src/charts/monthly.ts";

describe("monthly charts", () => {
  const chart = monthlyChart({
    points: [
      { month: "2023-11", value: 2 },
      { month: "2024-02", value: 5 },
      { month: "2023-11", value: 1 },
    ],
    lang: "fr",
    id: "c1",
    title: "Articles par mois",
    description: "De novembre 2023 à février 2024",
  });

  it("fills quiet months with zero", () => {
    expect(fillMonths([{ month: "2023-11", value: 1 }, { month: "2024-02", value: 1 }]).map((p) => p.month)).toEqual([
      "2023-11", "2023-12", "2024-01", "2024-02",
    ]);
  });

  it("draws one bar per non-zero month carrying the same numbers as its table", () => {
    const $ = load(chart.svg, { xml: true });
    const marks = $("rect.bar").map((_, el) => `${$(el).attr("data-month")}=${$(el).attr("data-value")}`).get();
    expect(marks).toEqual(["2023-11=3", "2024-02=5"]);
    expect(chart.rows.map((r) => `${r.month}=${r.value}`)).toEqual(marks);
    expect(chart.total).toBe(8);
  });

  it("is labelled for assistive technology and localized", () => {
    const $ = load(chart.svg, { xml: true });
    expect($("svg").attr("role")).toBe("img");
    expect($("svg").attr("aria-labelledby")).toBe("c1-title c1-desc");
    expect($("title#c1-title").text()).toBe("Articles par mois");
    expect(chart.rows[0]?.label).toBe("novembre 2023");
    const es = monthlyChart({ points: [{ month: "2024-02", value: 1200 }], lang: "es", id: "c2", title: "t", description: "d" });
    expect(es.rows[0]).toMatchObject({ label: "febrero de 2024", valueLabel: "1200" });
    expect(monthlyChart({ points: [{ month: "2024-02", value: 12000 }], lang: "fr", id: "c3", title: "t", description: "d" }).rows[0]?.valueLabel).toBe("12\u202f000");
  });

  it("escapes text and draws an empty chart for no data", () => {
    const c = monthlyChart({ points: [], lang: "es", id: "c4", title: "A & <B>", description: "d" });
    expect(c.svg).toContain("A &amp; &lt;B&gt;");
    expect(c.rows).toEqual([]);
  });
});
