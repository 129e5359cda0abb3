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

describe("foldInPlace", () => {
  /** What foldInPlace was before it read Latin text from a table: the definition it must keep. */
  const SPELLED: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ĳ: "ij", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };
  const special = /[œæßĳøłđðþı]/gu;
  function byNormalizing(text: string): string {
    if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
    const lower = text.toLowerCase();
    if (lower.length === text.length) {
      const bare = lower.normalize("NFD").replace(/\p{M}/gu, "");
      if (bare.length === text.length) return bare.replace(special, (letter) => (SPELLED[letter] ?? letter).slice(0, letter.length));
    }
    let out = "";
    for (const char of text) {
      const full = fold(char);
      out += full.length >= char.length ? full.slice(0, char.length) : char.toLowerCase().length === char.length ? char.toLowerCase() : char;
    }
    return out;
  }

  it("folds every text as normalizing it would, one code unit for one", () => {
    const differences: string[] = [];
    const check = (text: string) => {
      if (foldInPlace(text) !== byNormalizing(text)) differences.push(text);
    };
    for (let unit = 0; unit < 0x10000; unit++) {
      const char = String.fromCharCode(unit);
      check(`${char}é`);
      check(`É${char}Σ`);
    }
    const pieces = ["a", "É", "é", "e\u0301", "\u0301", "œ", "Œ", "ß", "İ", "Σ", "ΑΣ", "ǅ", "ﬁ", "\u202f", "’", "«", " ", "\n", "\0", "😀", "\ud800", "Ñ", "Ø", "ı", "Ắ", "ʰ", "€", "中"];
    let state = 7;
    const next = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let n = 0; n < 3000; n++) check(Array.from({ length: 1 + (n % 50) }, () => pieces[Math.floor(next() * pieces.length)]).join(""));
    expect(differences).toEqual([]);
  });
});
