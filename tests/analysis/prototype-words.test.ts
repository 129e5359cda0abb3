import { describe, expect, it } from "vitest";
import { normalizeUnit } from "../../src/analysis/aggregate.ts";
import { analyzeText } from "../../src/analysis/analyze.ts";
import type { Lang } from "../../src/languages.ts";
import { realRegistry } from "./support.ts";

/**
 * A word of the text that Object.prototype also has ("constructor", a Spanish and English noun)
 * is read like any other noun of its kind: word lists are looked up by the word, and a plain
 * object would answer with its prototype's function (a unit, a gender, an honorific).
 */
const registry = realRegistry();
const read = (text: string, lang: Lang) => {
  const analysis = analyzeText({ text, lang, date: { iso: "2025-03-12", precision: "day" } }, registry);
  return {
    quotes: analysis.quotes.map((q) => ({ speaker: q.speaker, speakerText: q.speakerText ?? null, attribution: q.attribution })),
    figures: analysis.figures.map((f) => ({ value: f.value, unit: f.unit })),
  };
};

/** Made-up sentences where "constructor" stands where any noun of the same ending could: "conductor", "instructor". */
const SENTENCES: [string, Lang][] = [
  ["El constructor dijo: “Vamos a terminar la obra antes de marzo y sin retrasos”.", "es"],
  ["“Vamos a terminar la obra antes de marzo y sin retrasos”, dijo el constructor.", "es"],
  ["Según constructor, “la obra estará lista antes de marzo y sin retrasos”.", "es"],
  ["Constructor Ramírez afirmó: “Vamos a terminar la obra antes de marzo y sin retrasos”.", "es"],
  ["La empresa contrató a 300 constructores en Sonora.", "es"],
  ["« Nous finirons le chantier avant mars sans aucun retard », a déclaré le constructor de l’ouvrage.", "fr"],
];

describe("a word Object.prototype has", () => {
  for (const [sentence, lang] of SENTENCES) {
    it(`reads like any other noun: ${sentence}`, () => {
      const found = read(sentence, lang);
      for (const noun of ["conductor", "instructor"]) {
        const other = sentence.replace(/constructor/gu, noun).replace(/Constructor/gu, noun[0]!.toUpperCase() + noun.slice(1));
        const expected = JSON.parse(JSON.stringify(read(other, lang)).replace(new RegExp(noun, "giu"), (m) => (m[0] === m[0]!.toUpperCase() ? "Constructor" : "constructor")));
        expect(found).toEqual(expected);
      }
    });
  }

  it("counted after a number is the figure's unit, a word", () => {
    expect(read("La empresa contrató a 300 constructores en Sonora.", "es").figures).toEqual([{ value: 300, unit: "constructor" }]);
    expect(normalizeUnit("constructor")).toBe("constructor");
    expect(normalizeUnit("constructores")).toBe("constructores");
  });
});
