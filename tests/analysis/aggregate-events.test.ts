import { describe, expect, it } from "vitest";
import { curateEvents, isAfter, isNonEvent, keyEvents, nearlySame } from "../../src/analysis/aggregate.ts";
import { article } from "./aggregate-fixtures.ts";

describe("events", () => {
  it("merge the sentences and articles that report the same date about the same actors into one event with its sources", () => {
    const a = article("2024-03-05-sommet-a", "2024-03-05", [
      { text: "Le ministre Ortega a rencontré la secrétaire Lind le 4 mars à Monterrey.", actors: ["ortega", "lind"], dates: [{ date: "2024-03-04", phrase: "4 mars" }] },
    ]);
    const b = article("2024-03-06-sommet-b", "2024-03-06", [
      { text: "La reunión del 4 de marzo entre Ortega y Lind terminó sin acuerdo.", actors: ["ortega", "lind", "mexico"], dates: [{ date: "2024-03-04", phrase: "4 de marzo" }] },
      { text: "Otra reunión con Vidal se celebró el 4 de marzo en Tijuana.", actors: ["vidal"], dates: [{ date: "2024-03-04", phrase: "4 de marzo" }] },
    ]);
    const events = curateEvents([a, b]);
    // Article b's two sentences are on the same day: one article telling one day, so one event.
    expect(events).toHaveLength(1);
    expect(events[0]!.sources.map((s) => s.slug).sort()).toEqual(["2024-03-05-sommet-a", "2024-03-06-sommet-b", "2024-03-06-sommet-b"]);
    expect(events[0]!.actors).toEqual(expect.arrayContaining(["ortega", "lind", "vidal"]));
  });

  it("keep apart events of the same date whose actors differ, and the same actors at another precision", () => {
    const a = article("a", "2024-03-10", [{ text: "Ortega viajó a Roma el 4 de marzo.", actors: ["ortega"], dates: [{ date: "2024-03-04", phrase: "4 de marzo" }] }]);
    const b = article("b", "2024-03-11", [
      { text: "Vidal inauguró el puente el 4 de marzo.", actors: ["vidal"], dates: [{ date: "2024-03-04", phrase: "4 de marzo" }] },
      { text: "En marzo, Ortega volvió a Roma.", actors: ["ortega"], dates: [{ date: "2024-03", phrase: "marzo" }] },
    ]);
    const events = curateEvents([a, b]);
    expect(events.map((e) => `${e.date}:${e.actors.join("+")}`).sort()).toEqual(["2024-03-04:ortega", "2024-03-04:vidal", "2024-03:ortega"].sort());
    expect(events[0]!.date).toBe("2024-03");
    expect(events.filter((e) => e.date === "2024-03-04")).toHaveLength(2);
  });

  it("merge near-identical sentences even with no actor named", () => {
    const text = "Le pont international a rouvert le 2 février après trois semaines de fermeture.";
    const a = article("a", "2024-02-03", [{ text, dates: [{ date: "2024-02-02", phrase: "2 février" }] }]);
    const b = article("b", "2024-02-04", [{ text: `${text.slice(0, -1)}, selon la douane.`, dates: [{ date: "2024-02-02", phrase: "2 février" }] }]);
    expect(nearlySame(text, `${text.slice(0, -1)} selon la douane.`)).toBe(true);
    expect(curateEvents([a, b])).toHaveLength(1);
  });

  it("show a sentence once, under its best-supported date", () => {
    const sentence = "Mardi, la Maison-Blanche a annoncé que Joe Biden se rendra au Mexique en janvier.";
    const a = article("a", "2022-12-27", [
      { text: sentence, actors: ["biden"], dates: [{ date: "2022-12-27", phrase: "Mardi" }, { date: "2023-01", phrase: "janvier", uncertain: true }] },
    ]);
    // The same wire sentence in another article, read with another date: still once.
    const b = article("b", "2022-12-28", [{ text: sentence, actors: ["biden"], dates: [{ date: "2023-01", phrase: "janvier" }] }]);
    const events = curateEvents([a, b]);
    expect(events.filter((e) => e.sentence === sentence)).toHaveLength(1);
    expect(events[0]).toMatchObject({ date: "2022-12-27", precision: "day", planned: false });
  });

  it("mark dates after the article's publication as planned", () => {
    const a = article("a", "2024-01-19", [
      { text: "Le président joue sa réélection en novembre.", actors: ["biden"], dates: [{ date: "2024-11", phrase: "novembre", uncertain: true }] },
      { text: "Le groupe s'est réuni le 12 janvier.", actors: ["groupe"], dates: [{ date: "2024-01-12", phrase: "12 janvier" }] },
    ]);
    const events = curateEvents([a]);
    expect(events.map((e) => [e.date, e.planned])).toEqual([["2024-01-12", false], ["2024-11", true]]);
    expect(isAfter("2024-01", { iso: "2024-01-19", precision: "day" })).toBe(false);
    expect(isAfter("2024-01-20", { iso: "2024-01", precision: "month" })).toBe(false);
    expect(isAfter("2024-02-01", { iso: "2024-01", precision: "month" })).toBe(true);
    // The date analysis may say it itself: its word wins.
    const told = article("b", "2024-01-19", [{ text: "La cumbre se celebrará el 3 de marzo.", dates: [{ date: "2024-03-03", phrase: "3 de marzo", planned: false } as never] }]);
    expect(curateEvents([told])[0]!.planned).toBe(false);
  });

  it("keep a span as one event and never show its start on its own", () => {
    const a = article("a", "2021-06-08", [
      { text: "En deux mois seulement (de mars à mai), les arrivées ont baissé de 25 %.", dates: [{ date: "2021-03", phrase: "mars" }, { date: "2021-05", phrase: "mai" }] },
      { text: "Entre octobre 2022 et septembre 2023, 2,4 millions de migrants ont franchi la frontière.", dates: [{ date: "2022-10", phrase: "octobre 2022" }, { date: "2023-09", phrase: "septembre 2023" }] },
      { text: "Le sommet aura lieu les 9 et 10 juin.", actors: ["sommet"], dates: [{ date: "2021-06-09", until: "2021-06-10", phrase: "9 et 10 juin" }] },
      { text: "Dès le 9 juin, les délégations arriveront.", actors: ["delegations"], dates: [{ date: "2021-06-09", phrase: "9 juin" }] },
    ]);
    const events = curateEvents([a]);
    expect(events.map((e) => `${e.date}…${e.until ?? ""}`)).toEqual(["2021-03…2021-05", "2021-06-09…2021-06-10", "2022-10…2023-09"]);
    // "mars et mai" is a list, not a span.
    const list = article("b", "2021-06-08", [{ text: "Il est venu en mars et en mai.", dates: [{ date: "2021-03", phrase: "mars" }, { date: "2021-05", phrase: "mai" }] }]);
    expect(curateEvents([list]).map((e) => e.until)).toEqual([undefined]);
  });

  it("drop negations and expectations of nothing", () => {
    for (const sentence of [
      "Aucune annonce n’est attendue vendredi de la réunion de travail.",
      "Aucun accord n'est prévu lors de la rencontre de lundi.",
      "Un accord n'est pas attendu avant le 3 mars.",
      "No se espera ningún anuncio el lunes.",
      "No está prevista una reunión en febrero.",
      "Ningún acuerdo está previsto para el 3 de marzo.",
    ]) {
      expect(isNonEvent(sentence), sentence).toBe(true);
    }
    for (const sentence of ["Une annonce est attendue vendredi.", "El canciller anunció el lunes un acuerdo.", "Le Mexique n'a pas accepté la proposition, a déclaré mardi le ministre."]) {
      expect(isNonEvent(sentence), sentence).toBe(false);
    }
    const a = article("a", "2024-01-19", [{ text: "Aucune annonce n’est attendue vendredi de la réunion.", dates: [{ date: "2024-01-19", phrase: "vendredi" }] }]);
    expect(curateEvents([a])).toEqual([]);
  });

  it("rank by the actors involved and the number of sources", () => {
    const one = article("one", "2024-05-02", [{ text: "Un incident a eu lieu le 1er mai.", dates: [{ date: "2024-05-01", phrase: "1er mai" }] }]);
    const two = article("two", "2024-05-03", [{ text: "Ortega y Lind firmaron el acuerdo el 2 de mayo.", actors: ["ortega", "lind"], dates: [{ date: "2024-05-02", phrase: "2 de mayo" }] }]);
    const three = article("three", "2024-05-03", [{ text: "Ortega et Lind ont signé l'accord le 2 mai.", actors: ["ortega", "lind"], dates: [{ date: "2024-05-02", phrase: "2 mai" }] }]);
    const events = curateEvents([one, two, three]);
    const ranked = keyEvents(events, "2024-05-01", "2024-05-31");
    expect(ranked.map((e) => e.date)).toEqual(["2024-05-02", "2024-05-01"]);
    expect(ranked[0]!.sources).toHaveLength(2);
    expect(ranked[0]!.importance).toBeGreaterThan(ranked[1]!.importance);
    // A month-precision event is in a period that covers part of its month; nothing outside is.
    const monthly = curateEvents([article("m", "2024-05-20", [{ text: "En mai, les arrivées ont baissé.", dates: [{ date: "2024-05", phrase: "mai" }] }])]);
    expect(keyEvents(monthly, "2024-05-15", "2024-08-12")).toHaveLength(1);
    expect(keyEvents(monthly, "2024-06-01", "2024-08-12")).toHaveLength(0);
  });
});

describe("events of one date, many articles", () => {
  /** A small deterministic generator (mulberry32), so a failure can be replayed. */
  function random(seed: number): () => number {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /**
   * The definition, pair by pair: one event when one article reports the same day in both
   * sentences, when half the actors of the one with fewer are shared, or when four words in five
   * are. Events are the chains of such pairs.
   */
  function clustersByPairs(candidates: Array<{ id: string; slug: string; day: boolean; actors: string[]; words: string[] }>): string[][] {
    const parent = candidates.map((_, i) => i);
    const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
    const same = (a: (typeof candidates)[number], b: (typeof candidates)[number]) => {
      if (a.slug === b.slug && a.day) return true;
      const shared = a.actors.filter((x) => b.actors.includes(x)).length;
      if (shared > 0 && shared / Math.min(a.actors.length, b.actors.length) >= 0.5) return true;
      const x = new Set(a.words);
      const y = new Set(b.words);
      const words = [...x].filter((w) => y.has(w)).length;
      return words / (x.size + y.size - words) >= 0.8;
    };
    for (let i = 0; i < candidates.length; i++) for (let j = 0; j < i; j++) if (same(candidates[i]!, candidates[j]!)) parent[root(i)] = root(j);
    const clusters = new Map<number, string[]>();
    candidates.forEach((c, i) => clusters.set(root(i), [...(clusters.get(root(i)) ?? []), c.id]));
    return [...clusters.values()].map((ids) => ids.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
  }

  it("are the chains of same-event pairs, however the comparisons are cut short", () => {
    const next = random(16);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
    const vocabulary = Array.from({ length: 60 }, (_, i) => `mot${i}`);
    const actors = Array.from({ length: 40 }, (_, i) => `acteur-${i}`);
    const bases = Array.from({ length: 25 }, () => Array.from({ length: 8 + Math.floor(next() * 8) }, () => pick(vocabulary)));
    const expected: Array<{ id: string; slug: string; day: boolean; actors: string[]; words: string[] }> = [];
    const analyses = Array.from({ length: 120 }, (_, n) => {
      const slug = `article-${String(n).padStart(3, "0")}`;
      const sentences = Array.from({ length: 4 }, (_, s) => {
        // A base sentence retold: a word or two replaced, one dropped or added, or a new one.
        const words = [...pick(bases)];
        for (let k = Math.floor(next() * 3); k >= 0; k--) words[Math.floor(next() * words.length)] = pick(vocabulary);
        if (next() < 0.3) words.pop();
        if (next() < 0.3) words.push(pick(vocabulary));
        words.push(`${slug}-${s}`.replaceAll("-", ""));
        const named = [...new Set(Array.from({ length: pick([0, 0, 0, 1, 1, 3, 4]) }, () => pick(actors)))];
        const day = next() < 0.4;
        const date = day ? "2024-03-15" : "2024-03";
        expected.push({ id: `${slug}#${s}`, slug, day, actors: named, words });
        return { text: `${words.join(" ")}.`, actors: named, dates: [{ date, phrase: words[0]! }] };
      });
      return article(slug, "2024-04-02", sentences);
    });
    const events = curateEvents(analyses);
    const found = events
      .map((e) => e.sources.map((s) => `${s.slug}#${s.sentenceIndex}`).sort())
      .sort((a, b) => a[0]!.localeCompare(b[0]!));
    const byDate = (day: boolean) => clustersByPairs(expected.filter((c) => c.day === day));
    const wanted = [...byDate(true), ...byDate(false)].sort((a, b) => a[0]!.localeCompare(b[0]!));
    expect(found).toEqual(wanted);
    // Neither all apart nor all one: the three ways of being the same event are exercised.
    expect(wanted.length).toBeGreaterThan(20);
    expect(wanted.some((c) => c.length > 3)).toBe(true);
  });
});
