import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { analyzeText } from "../../src/analysis/analyze.ts";
import { CALENDARS, formatPublicationDate, monthLabel } from "../../src/calendar.ts";
import { LANGUAGES } from "../../src/languages.ts";
import { realRegistry } from "../analysis/support.ts";

const registry = realRegistry();
const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0"));

describe("one calendar for the pages and the analysis", () => {
  it("writes dates and months as the site always has", () => {
    // The labels used to come from Intl; they must not change now that they come from the tables.
    for (const lang of LANGUAGES) {
      for (const mm of months) {
        const dt = DateTime.fromISO(`2024-${mm}-19`, { zone: "utc" }).setLocale(lang);
        expect(formatPublicationDate({ iso: `2024-${mm}-19`, precision: "day" }, lang)).toBe(dt.toLocaleString({ day: "numeric", month: "long", year: "numeric" }));
        expect(monthLabel(`2024-${mm}`, lang)).toBe(dt.toLocaleString({ month: "long", year: "numeric" }));
        expect(monthLabel(`2024-${mm}`, lang, "short")).toBe(dt.toLocaleString({ month: "short", year: "numeric" }));
      }
    }
    expect(formatPublicationDate({ iso: "2021-06", precision: "month" }, "es")).toBe("junio de 2021");
    expect(monthLabel("2023-11", "fr", "short")).toBe("nov. 2023");
  });

  it("reads back every date the site writes, and never counts its day as a figure or its month as a name", () => {
    for (const lang of LANGUAGES) {
      CALENDARS[lang].months.forEach((_, i) => {
        const iso = `2024-${months[i]}-03`;
        const label = formatPublicationDate({ iso, precision: "day" }, lang);
        const text = lang === "fr" ? `La Commission Mixte se réunira le ${label} à Mexico.` : `La Comisión Mixta se reunirá el ${label} en Monterrey.`;
        const analysis = analyzeText({ text, lang, date: { iso: "2024-01-01", precision: "day" } }, registry);
        expect({ label, dates: analysis.dates.map((d) => d.date) }).toEqual({ label, dates: [iso] });
        expect({ label, figures: analysis.figures }).toEqual({ label, figures: [] });
        for (const c of analysis.candidates) expect(c.name.toLowerCase()).not.toContain(CALENDARS[lang].months[i]);
      });
    }
  });

  it("reads the Spanish variant setiembre and weekday names without their accents", () => {
    const es = analyzeText({ text: "La reunión fue el 9 de setiembre de 2024. El miercoles habló.", lang: "es", date: { iso: "2024-09-12", precision: "day" } }, registry);
    expect(es.dates.map((d) => d.date)).toEqual(["2024-09-09", "2024-09-11"]);
  });
});
