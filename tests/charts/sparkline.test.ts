import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { sparkline } from "../../src/charts/sparkline.ts";

describe("sparklines", () => {
  it("draw the same months for every entry, ending at the given month", () => {
    const a = sparkline({ points: [{ month: "2023-01", value: 9 }, { month: "2024-11", value: 2 }, { month: "2024-12", value: 4 }], lang: "fr", until: "2024-12" });
    const b = sparkline({ points: [{ month: "2024-03", value: 1 }], lang: "es", until: "2024-12", measure: "mentions" });
    const months = (svg: string) => load(svg, { xml: true })("rect").map((_, el) => el.attribs["data-month"]).get();
    expect(months(a.svg)).toHaveLength(12);
    expect(months(a.svg)).toEqual(months(b.svg));
    expect(months(a.svg)[0]).toBe("2024-01");
    // A month outside the window counts for nothing.
    expect(a.total).toBe(6);
    expect(a.label).toBe("De janvier 2024 à décembre 2024\u202f: 6 articles");
    expect(b.label).toBe("De enero de 2024 a diciembre de 2024: 1 mención");
  });

  it("scale bars to the entry's busiest month and keep quiet months visible", () => {
    const $ = load(sparkline({ points: [{ month: "2024-11", value: 2 }, { month: "2024-12", value: 4 }], lang: "fr", until: "2024-12" }).svg, { xml: true });
    const height = (m: string) => Number($(`rect[data-month="${m}"]`).attr("height"));
    expect(height("2024-12") / height("2024-11")).toBeCloseTo(2, 1);
    expect(height("2024-05")).toBe(1);
    expect($("svg").attr("role")).toBe("img");
    expect($("svg").attr("aria-label")).toContain("6 articles");
  });
});
