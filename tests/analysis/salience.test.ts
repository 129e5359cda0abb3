import { describe, expect, it } from "vitest";
import type { Mention } from "../../src/analysis/mentions.ts";
import { articleSalience, corpusSalience, latestPeriods, rankPeriod, trendOf, type Headline } from "../../src/analysis/salience.ts";
import { article } from "./aggregate-fixtures.ts";

const headline = (slug: string, title: string, summaryTitle = "", lede = ""): Headline => ({
  slug,
  title,
  summaries: { fr: { title: summaryTitle, lede }, es: { title: "", lede: "" } },
});

/** A mention in a summary, at an offset of its summaryText (title, blank line, lede). */
const summaryMention = (actorId: string, start: number): Mention => ({ actorId, text: actorId, start, end: start + actorId.length, sentence: 0, via: "name" });

describe("salience within an article", () => {
  it("puts the actor of the title and lede before places named more often later on", () => {
    const a = article("visite", "2024-01-19", [
      { text: "Intro.", actors: ["mexico"] },
      { text: "La ministre Ortega a reçu son homologue.", actors: ["ortega"] },
      { text: "Elle a parlé du Guatemala, du Honduras et du Mexique.", actors: ["guatemala", "honduras", "mexico"] },
      { text: "Le Guatemala et le Honduras.", actors: ["guatemala", "honduras"] },
      { text: "Encore le Guatemala.", actors: ["guatemala"] },
    ]);
    const summaryTitle = "Ortega à Washington";
    a.summaries.fr.mentions = [summaryMention("ortega", 0)];
    const ranked = articleSalience(a, headline("visite", "Immigration : Ortega reçue à Washington", summaryTitle, "La ministre a été reçue."));
    expect(ranked[0]).toMatchObject({ actorId: "ortega", inTitle: true, score: 1, main: true });
    expect(ranked.map((s) => s.actorId).indexOf("guatemala")).toBeGreaterThan(0);
    // Without the titles, the actor named three times comes first.
    expect(articleSalience(a)[0]!.actorId).toBe("guatemala");
  });

  it("counts a lede mention, an early first mention and the number of mentions", () => {
    const a = article("x", "2024-01-19", [
      { text: "Vidal parle.", actors: ["vidal"] },
      { text: "Rosas écoute.", actors: ["rosas"] },
      { text: "Vidal et Rosas.", actors: ["vidal", "rosas"] },
      { text: "Lind arrive.", actors: ["lind"] },
    ]);
    const ranked = articleSalience(a);
    expect(ranked.map((s) => s.actorId)).toEqual(["vidal", "rosas", "lind"]);
    const title = "Un titre";
    a.summaries.fr.mentions = [summaryMention("lind", title.length + 2)];
    const withLede = articleSalience(a, headline("x", "Autre chose", title, "lind arrive enfin"));
    expect(withLede.find((s) => s.actorId === "lind")).toMatchObject({ inLede: true, inTitle: false });
    expect(withLede.find((s) => s.actorId === "lind")!.score).toBeGreaterThan(ranked.find((s) => s.actorId === "lind")!.score);
  });

  it("damps actors that every article names", () => {
    const mk = (slug: string, extra: string) =>
      article(slug, "2024-01-19", [
        { text: "Mexique, Mexique.", actors: ["mexico", "mexico"] },
        { text: `${extra}.`, actors: [extra] },
      ]);
    const salience = corpusSalience([mk("a", "ortega"), mk("b", "vidal"), mk("c", "lind")], new Map());
    expect(salience.get("a")![0]!.actorId).toBe("ortega");
    expect(articleSalience(mk("a", "ortega"))[0]!.actorId).toBe("mexico");
  });
});

describe("salience over a period", () => {
  const articles = [
    article("new-1", "2024-06-30", [{ text: "Ortega.", actors: ["ortega"] }], ["migration"]),
    article("new-2", "2024-05-10", [{ text: "Ortega et Vidal.", actors: ["ortega", "vidal"] }], ["migration"]),
    article("new-3", "2024-04-02", [{ text: "Ortega.", actors: ["ortega"] }], ["security"]),
    article("old-1", "2024-03-20", [{ text: "Vidal.", actors: ["vidal"] }], ["security"]),
    article("old-2", "2024-02-01", [{ text: "Vidal.", actors: ["vidal"] }], ["security"]),
    article("old-3", "2024-01-15", [{ text: "Vidal et Ortega.", actors: ["vidal", "ortega"] }], ["security"]),
    article("older", "2023-01-15", [{ text: "Lind.", actors: ["lind"] }], ["trade"]),
  ];

  it("is a real window ending at the newest article, labelled with the dates its articles span", () => {
    const { period, previous } = latestPeriods(articles, 90);
    expect(period).toMatchObject({ start: "2024-04-02", end: "2024-06-30", days: 90, articles: ["new-1", "new-2", "new-3"] });
    expect(period.first).toEqual({ iso: "2024-04-02", precision: "day" });
    expect(period.last).toEqual({ iso: "2024-06-30", precision: "day" });
    expect(previous).toMatchObject({ start: "2024-01-03", end: "2024-04-01", articles: ["old-1", "old-2", "old-3"] });
    // A month-only date counts at its 15th.
    const monthly = latestPeriods([article("m", "2024-06", []), article("d", "2024-03-10", [])], 90);
    expect(monthly.period.articles).toEqual(["m"]);
    expect(monthly.period.end).toBe("2024-06-15");
  });

  it("ranks the period's actors and topics with their trend against the period before", () => {
    const ranking = rankPeriod(articles, corpusSalience(articles, new Map()), 90);
    expect(ranking.actors.map((a) => [a.id, a.articles, a.previous, a.trend])).toEqual([
      ["ortega", 3, 1, "up"],
      ["vidal", 1, 3, "down"],
    ]);
    expect(ranking.topics.map((t) => [t.id, t.articles, t.trend])).toEqual([
      ["migration", 2, "new"],
      ["security", 1, "down"],
    ]);
    expect(ranking.actors.some((a) => a.id === "lind")).toBe(false);
  });

  it("calls one article more or less steady", () => {
    expect(trendOf(5, 4)).toBe("steady");
    expect(trendOf(8, 4)).toBe("up");
    expect(trendOf(2, 0)).toBe("new");
    expect(trendOf(0, 6)).toBe("down");
  });
});
