import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { analyzeText } from "../../src/analysis/analyze.ts";
import { formatPublicationDate } from "../../src/calendar.ts";
import type { PublicationDate } from "../../src/content/schemas.ts";
import type { Lang } from "../../src/languages.ts";
import { REPO, realRegistry, score } from "./support.ts";

/**
 * Made-up articles, one per pattern real coverage uses (tests/fixtures/analysis/dates/*.yaml),
 * with the dates a reader finds in them: each phrase, the day, month or year it means against the
 * publication date, and whether it was still ahead then.
 */
interface Fixture {
  file: string;
  lang: Lang;
  date: string;
  text: string;
  dates: { phrase: string; date: string; until?: string; planned?: boolean }[];
}

const registry = realRegistry();
const DIR = path.join(REPO, "tests/fixtures/analysis/dates");
const fixtures: Fixture[] = readdirSync(DIR)
  .filter((f) => f.endsWith(".yaml"))
  .map((file) => ({ file, ...(load(readFileSync(path.join(DIR, file), "utf8"), { schema: CORE_SCHEMA }) as Omit<Fixture, "file">) }));

const published = (iso: string): PublicationDate => ({ iso, precision: iso.length === 7 ? "month" : "day" });
const found = (f: Pick<Fixture, "text" | "lang" | "date">) => analyzeText({ text: f.text, lang: f.lang, date: published(f.date) }, registry).dates;
const expected = (d: Fixture["dates"][number]) => ({ phrase: d.phrase, date: d.date, until: d.until ?? null, planned: d.planned ?? false });

describe("dates in made-up articles of each pattern", () => {
  it("cover both languages", () => {
    expect(new Set(fixtures.map((f) => f.lang))).toEqual(new Set(["fr", "es"]));
  });

  for (const fixture of fixtures) {
    it(fixture.file, () => {
      const dates = found(fixture).map((d) => ({ phrase: d.phrase, date: d.date, until: d.until ?? null, planned: d.planned }));
      expect(dates).toEqual(fixture.dates.map(expected));
    });
  }

  it("reach the issue's targets over all of them (precision ≥ 0.9, recall ≥ 0.85)", () => {
    const predicted = fixtures.flatMap((f) => found(f).map((d) => `${f.file}|${d.date}`));
    const gold = fixtures.flatMap((f) => f.dates.map((d) => `${f.file}|${d.date}`));
    const s = score(predicted, gold, (p, g) => p === g);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.85);
  });
});

describe("how a date is read", () => {
  const one = (text: string, lang: Lang, date: string) => found({ text, lang, date }).map((d) => [d.phrase, d.date, d.precision]);

  it("places a month alone by its verb, and by the nearest month when there is none", () => {
    expect(one("La cumbre se celebrará en enero.", "es", "2025-12-10")).toEqual([["enero", "2026-01", "month"]]);
    expect(one("La cumbre se celebró en enero.", "es", "2025-12-10")).toEqual([["enero", "2025-01", "month"]]);
    expect(one("Les chiffres de novembre et la hausse de janvier.", "fr", "2025-12-10")).toEqual([
      ["novembre", "2025-11", "month"],
      ["janvier", "2026-01", "month"],
    ]);
  });

  it("reads a far day and month on the side its verb says, a near one in the nearest year", () => {
    expect(one("Los cancilleres se reunirán el 20 de julio.", "es", "2025-01-10")).toEqual([["20 de julio", "2025-07-20", "day"]]);
    expect(one("Los cancilleres se reunieron el 20 de julio.", "es", "2025-01-10")).toEqual([["20 de julio", "2024-07-20", "day"]]);
    expect(one("Il a annoncé que la réunion aurait lieu le 20 janvier.", "fr", "2025-01-10")).toEqual([["20 janvier", "2025-01-20", "day"]]);
  });

  it("takes Spanish endings for Spanish words only: “frontera” is no future", () => {
    expect(one("El descenso en la frontera entre enero y febrero es resultado del despliegue.", "es", "2025-03-06")).toEqual([["entre enero y febrero", "2025-01", "month"]]);
  });

  it("merges a pointing word with the day it names, and never reports chrono's casual words twice", () => {
    expect(one("Ayer lunes, el gabinete se reunió.", "es", "2025-05-13")).toEqual([["Ayer lunes", "2025-05-12", "day"]]);
  });

  it("writes a year alone as its number on the pages", () => {
    expect(formatPublicationDate({ iso: "2024", precision: "year" }, "fr")).toBe("2024");
    expect(formatPublicationDate({ iso: "2024", precision: "year" }, "es")).toBe("2024");
  });
});
