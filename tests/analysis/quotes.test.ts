import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { analyzeText } from "../../src/analysis/analyze.ts";
import { splitSentences } from "../../src/analysis/sentences.ts";
import { speechVerbs } from "../../src/analysis/speech-verbs.ts";
import type { Lang } from "../../src/languages.ts";
import { REPO, realRegistry, startsLike } from "./support.ts";

/**
 * Quotes and their speakers on made-up texts, one file per family of patterns
 * (tests/fixtures/analysis/quotes/<name>.txt with its gold <name>.yaml): every quote the gold lists
 * is found with its speaker, in order, and nothing else is.
 */
interface Gold {
  lang: Lang;
  date: string;
  quotes: { start: string; speaker?: string; speakerText?: string }[];
}

const registry = realRegistry();
const FIXTURES = path.join(REPO, "tests/fixtures/analysis/quotes");
const analyze = (text: string, lang: Lang, iso: string) => analyzeText({ text, lang, date: { iso, precision: "day" } }, registry);

describe("quotes on made-up texts", () => {
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith(".txt")).sort()) {
    it(file, () => {
      const gold = load(readFileSync(path.join(FIXTURES, file.replace(/\.txt$/u, ".yaml")), "utf8"), { schema: CORE_SCHEMA }) as Gold;
      const text = readFileSync(path.join(FIXTURES, file), "utf8");
      const found = analyze(text, gold.lang, gold.date).quotes.map((q) => ({ text: q.text, speaker: q.speaker, speakerText: q.speakerText }));
      expect(found.length, JSON.stringify(found, null, 1)).toBe(gold.quotes.length);
      gold.quotes.forEach((g, i) => {
        const q = found[i] as (typeof found)[number];
        expect(startsLike(q.text, g.start), `quote ${i + 1}: ${q.text}`).toBe(true);
        expect({ speaker: q.speaker, speakerText: g.speaker ? undefined : q.speakerText }).toEqual({ speaker: g.speaker ?? null, speakerText: g.speakerText });
      });
    });
  }
});

describe("speech verbs", () => {
  it("derive the tenses of each verb from one entry", () => {
    const fr = speechVerbs("fr");
    for (const form of ["déclare", "déclara", "annonça", "jugea", "répète", "rappelle", "avertit", "poursuit", "reconnaît", "fait savoir"]) expect(fr.finite.has(form), form).toBe(true);
    for (const form of ["ajouté", "réjouie", "félicités", "dit", "admis", "mis en garde", "répondu"]) expect(fr.participles.has(form), form).toBe(true);
    const es = speechVerbs("es");
    for (const form of ["subrayó", "precisó", "agregó", "dijo", "sostuvo", "advirtió", "pidió", "insiste", "dio a conocer", "congratuló"]) expect(es.finite.has(form), form).toBe(true);
    for (const form of ["congratulado", "dicho", "reiterado", "advertido"]) expect(es.participles.has(form), form).toBe(true);
    // The noun keeps its accent: "la crítica" is not the verb "critica".
    expect(es.finite.has("crítica")).toBe(false);
  });

  it("read a noun after a determiner as a noun: « le juge », “la demanda”", () => {
    const quotes = analyze("Selon le juge, « les preuves ne suffisent pas à condamner ». ", "fr", "2024-01-19").quotes;
    expect(quotes.map((q) => q.speakerText)).toEqual(["le juge"]);
  });
});

describe("sentences", () => {
  it("do not end at an honorific or a title", () => {
    const split = (text: string) => splitSentences(text).map((s) => s.text);
    expect(split("« Nous avançons », a dit M. Ebrard. Mme Bárcena a confirmé.")).toEqual(["« Nous avançons », a dit M. Ebrard.", "Mme Bárcena a confirmé."]);
    expect(split("El Lic. Ramírez y el Dr. Pérez llegaron. La Sra. Núñez habló con el Gral. Díaz.")).toEqual(["El Lic. Ramírez y el Dr. Pérez llegaron.", "La Sra. Núñez habló con el Gral. Díaz."]);
  });
});

describe("roles with a nationality", () => {
  it("« le président colombien » is not the U.S. president, « la présidente mexicaine » is Mexico's on the day", () => {
    const actors = (text: string, iso: string) => analyze(text, "fr", iso).actors.map((a) => a.actorId).sort();
    expect(actors("Joe Biden a appelé Bogota. Le président colombien Gustavo Petro a répondu, puis le président a raccroché.", "2024-01-19")).toEqual(["joe-biden"]);
    expect(actors("Joe Biden a parlé. Le président Gustavo Petro a répondu.", "2024-01-19")).toEqual(["joe-biden"]);
    expect(actors("La présidente mexicaine a répondu au président américain.", "2025-02-01")).toEqual(["claudia-sheinbaum", "donald-trump"]);
    expect(actors("La présidente mexicaine a répondu au président américain.", "2021-06-08")).toEqual(["joe-biden"]);
  });
});
