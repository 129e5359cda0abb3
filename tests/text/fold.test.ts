import { describe, expect, it } from "vitest";
import { analyzeText } from "../../src/analysis/analyze.ts";
import { shingles } from "../../src/importer/duplicates.ts";
import { articleSlug } from "../../src/importer/new-article.ts";
import { fold, foldInPlace, slugify } from "../../src/text/fold.ts";
import { realRegistry } from "../analysis/support.ts";

describe("accent folding", () => {
  it("lowers case, drops accents and spells ligatures out", () => {
    expect(fold("LÓPEZ Obrador")).toBe("lopez obrador");
    expect(fold("Œuvre, cœur, Æther, Straße")).toBe("oeuvre, coeur, aether, strasse");
    expect(fold("Piñera, façade, Ñandú")).toBe("pinera, facade, nandu");
  });

  it("gives slugs that keep every letter", () => {
    expect(slugify("Œuvre commune : le cœur du problème")).toBe("oeuvre-commune-le-coeur-du-probleme");
    expect(slugify("¿Qué pasó en la frontera?")).toBe("que-paso-en-la-frontera");
    expect(slugify("Große Straße")).toBe("grosse-strasse");
    expect(articleSlug({ iso: "2024-01-19", precision: "day" }, "Œuvre commune : le cœur du problème")).toBe("2024-01-19-oeuvre-commune-coeur-probleme");
  });

  it("keeps one character for one where offsets matter", () => {
    for (const text of ["Le cœur du sommet, le 19 février", "Straße, Æsop et l’œil", "e\u0301te\u0301 (decomposed)", "emoji 🇲🇽 and İstanbul"]) {
      const folded = foldInPlace(text);
      expect(folded).toHaveLength(text.length);
    }
    expect(foldInPlace("Le cœur, le 19 Février")).toBe("le cour, le 19 fevrier");
  });

  it("one folding for every comparison: a fixed ligature changes nothing", () => {
    expect(shingles("Le cœur du problème est la frontière.")).toEqual(shingles("le coeur du probleme est la frontiere"));
  });

  it("leaves the offsets of date phrases after a ligature where they are", () => {
    const text = "Au cœur des œuvres communes, la réunion du 19 janvier a duré deux heures.";
    const { dates } = analyzeText({ text, lang: "fr", date: { iso: "2024-01-22", precision: "day" } }, realRegistry());
    expect(dates.map((d) => [d.phrase, text.slice(d.start, d.end), d.date])).toEqual([["19 janvier", "19 janvier", "2024-01-19"]]);
  });
});
