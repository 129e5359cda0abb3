import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthlyChart, type MonthlyPoint } from "../../src/charts/monthly.ts";
import { sparkline } from "../../src/charts/sparkline.ts";
import { launchChromium } from "../helpers/chromium.ts";

/**
 * The charts as a reader's phone draws them: Chromium at 390 px, the SVG filling the column as the
 * site's stylesheet makes it (width 100 %, 16 px margins). Screenshots go to /tmp/shots-brief/
 * for a person to look at; they are never committed.
 */
const SHOTS = "/tmp/shots-brief";

const spans: Record<string, MonthlyPoint[]> = {
  "one-month": [{ month: "2021-06", value: 1 }],
  quarter: [{ month: "2024-01", value: 3 }, { month: "2024-02", value: 1 }, { month: "2024-04", value: 6 }],
  "five-years": Array.from({ length: 56 }, (_, i) => ({ month: `${2021 + Math.floor((i + 5) / 12)}-${String(((i + 5) % 12) + 1).padStart(2, "0")}`, value: (i * 7) % 5 })),
};

function page(svg: string, column: number): string {
  return `<!doctype html><html><head><meta name="viewport" content="width=device-width"><style>
    body { margin: 16px; font-family: system-ui, sans-serif; color: #1f2933; }
    main { max-width: ${column}px; }
    .chart { width: 100%; height: auto; display: block; }
    .chart text { fill: #52606d; }
  </style></head><body><main>${svg}</main></body></html>`;
}

let browser: Browser;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("charts in Chromium", () => {
  for (const lang of ["fr", "es"] as const) {
    for (const [name, points] of Object.entries(spans)) {
      it(`keep every label at 12 px or more at 390 px, without overlaps (${lang}, ${name})`, async () => {
        const chart = monthlyChart({ points, lang, id: `c-${name}`, measure: name === "quarter" ? "mentions" : "articles" });
        const tab = await browser.newPage({ viewport: { width: 390, height: 700 } });
        try {
          await tab.setContent(page(chart.svg, 2000));
          const texts = await tab.$$eval("svg text", (nodes) =>
            nodes.map((node) => {
              const el = node as SVGTextElement;
              const rect = el.getBoundingClientRect();
              const scale = el.ownerSVGElement!.getScreenCTM()!.a;
              return { text: el.textContent, left: rect.left, right: rect.right, height: rect.height, size: parseFloat(getComputedStyle(el).fontSize) * scale, label: el.closest(".x-labels") !== null };
            }),
          );
          const svgBox = await tab.$eval("svg", (el) => el.getBoundingClientRect().toJSON() as DOMRect);
          expect(texts.length).toBeGreaterThan(3);
          for (const t of texts) {
            expect(t.size, `"${t.text}" renders at ${t.size.toFixed(1)} px`).toBeGreaterThanOrEqual(12);
            expect(t.height, `"${t.text}" is ${t.height.toFixed(1)} px tall`).toBeGreaterThanOrEqual(12);
            expect(t.left, `"${t.text}" starts inside the chart`).toBeGreaterThanOrEqual(svgBox.left - 0.5);
            expect(t.right, `"${t.text}" ends inside the chart`).toBeLessThanOrEqual(svgBox.right + 0.5);
          }
          const ticks = texts.filter((t) => t.label).sort((a, b) => a.left - b.left);
          for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.left, `"${ticks[i]!.text}" overlaps "${ticks[i - 1]!.text}"`).toBeGreaterThan(ticks[i - 1]!.right);
          await tab.screenshot({ path: `${SHOTS}/chart-${lang}-${name}-390.png`, fullPage: true });
          await tab.setViewportSize({ width: 1280, height: 800 });
          await tab.setContent(page(chart.svg, 560));
          await tab.screenshot({ path: `${SHOTS}/chart-${lang}-${name}-1280.png`, fullPage: true });
        } finally {
          await tab.close();
        }
      });
    }
  }

  it("draw sparklines at their own small size beside a name, whatever the column", async () => {
    const tab = await browser.newPage({ viewport: { width: 390, height: 300 } });
    try {
      const rows = ["Ortega", "Vidal", "Lind"].map((name, i) => {
        const mark = sparkline({ points: spans["five-years"]!.map((p) => ({ ...p, value: (p.value + i) % 4 })), lang: "fr", until: "2025-12" });
        return `<li>${name} ${mark.svg}</li>`;
      });
      await tab.setContent(page(`<ul>${rows.join("")}</ul>`, 2000));
      const boxes = await tab.$$eval("svg.sparkline", (nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as DOMRect));
      expect(boxes).toHaveLength(3);
      for (const box of boxes) expect([Math.round(box.width), Math.round(box.height)]).toEqual([72, 18]);
      await tab.screenshot({ path: `${SHOTS}/sparklines-fr-390.png` });
    } finally {
      await tab.close();
    }
  });
});
