import { describe, expect, it } from "vitest";
import { curateFigures, curateQuotes, figureLabel, isFragment, normalizeUnit, quotesBySpeaker } from "../../src/analysis/aggregate.ts";
import { article } from "./aggregate-fixtures.ts";

describe("figures", () => {
  it("say what the number measures, in the sentence's words", () => {
    const label = (raw: string, unit: string, sentence: string) => figureLabel({ raw, unit }, sentence);
    expect(label("8 500 migrants", "migrants", "La patrouille a compté 8 500 migrants interceptés dans le désert.")).toBe("migrants interceptés");
    expect(label("4 000 agents", "agents", "Le gouvernement a déployé 4 000 agents de sécurité dans le sud.")).toBe("agents de sécurité");
    expect(label("75 toneladas", "t", "Se incautaron 75 toneladas de cocaína en el puerto.")).toBe("cocaína");
    expect(label("30 %", "percent", "Les mesures ont permis de réduire de 30 % le nombre d’enfants non accompagnés qui arrivent.")).toBe("nombre d’enfants non accompagnés");
    expect(label("60 pour cent", "percent", "Elle a cité une baisse de 60 pour cent des vols de carburant à la frontière.")).toBe("baisse des vols de carburant");
    expect(label("15 por ciento", "percent", "Hubo un aumento de 15 por ciento de las remesas en abril.")).toBe("aumento de las remesas");
    expect(label("31.800 migrantes", "migrants", "Llegaron 31.800 migrantes este año a la frontera.")).toBe("migrantes");
    expect(label("500 toneladas", "t", "Se decomisaron 500 toneladas de droga este año.")).toBe("droga");
    // The sentence does not say: no label rather than a wrong one.
    expect(label("900 kilomètres", "km", "La frontière, longue de 900 kilomètres.")).toBe("");
  });

  it("normalize unit synonyms", () => {
    expect(["km", "kilomètres", "kilómetros", "kilometre"].map(normalizeUnit)).toEqual(["km", "km", "km", "km"]);
    expect(["tonnes", "toneladas", "t"].map(normalizeUnit)).toEqual(["t", "t", "t"]);
    expect(["migrantes", "migrants"].map(normalizeUnit)).toEqual(["migrants", "migrants"]);
  });

  it("keep a sentence once for all the figures it holds, and each figure once across articles", () => {
    const many = "La coopération a produit une baisse de 60 pour cent des vols, la saisie de 75 tonnes de drogue et une hausse de 20 pour cent des extraditions.";
    const a = article("a", "2025-02-01", [
      { text: many, actors: ["ortega"], figures: [{ raw: "60 pour cent", value: 60, unit: "percent" }, { raw: "75 tonnes", value: 75, unit: "t" }, { raw: "20 pour cent", value: 20, unit: "percent" }] },
      { text: "Avec 900 km de frontière commune, les deux pays coopèrent.", figures: [{ raw: "900 km", value: 900, unit: "km" }] },
    ]);
    const b = article("b", "2025-01-15", [
      { text: "La frontière, longue de 900 kilomètres, est surveillée.", figures: [{ raw: "900 kilomètres", value: 900, unit: "kilomètres" }] },
      { text: "Un autre rapport parle d'une baisse de 60 pour cent des homicides.", figures: [{ raw: "60 pour cent", value: 60, unit: "percent" }] },
    ]);
    const groups = curateFigures([a, b]);
    const sentences = groups.map((g) => g.sentence);
    expect(new Set(sentences).size).toBe(sentences.length);
    const all = groups.flatMap((g) => g.figures);
    expect(all).toHaveLength(5);
    const km = all.filter((f) => f.unit === "km");
    expect(km).toHaveLength(1);
    expect(km[0]!.sources.map((s) => s.slug)).toEqual(["a", "b"]);
    expect(km[0]!.label).toBe("frontière commune");
    // 60 percent of thefts and 60 percent of homicides are two figures.
    expect(all.filter((f) => f.value === 60).map((f) => f.label).sort()).toEqual(["baisse des homicides", "baisse des vols"]);
    expect(groups.find((g) => g.sentence === many)!.figures.map((f) => f.raw)).toEqual(["60 pour cent", "75 tonnes", "20 pour cent"]);
  });

  it("count the same figure twice in one sentence once", () => {
    const a = article("a", "2025-02-01", [
      { text: "Les 500 migrants, puis encore 500 migrants.", figures: [{ raw: "500 migrants", value: 500, unit: "migrants" }, { raw: "500 migrants", value: 500, unit: "migrants" }] },
    ]);
    const groups = curateFigures([a]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.figures).toHaveLength(1);
  });
});

describe("quotes", () => {
  const statement = "Nous avons fait de grands progrès depuis la première réunion";
  it("list only attributed quotes, each once, with every source", () => {
    const a = article("a", "2024-01-20", [
      { text: `« ${statement} », a déclaré Lind.`, actors: ["lind"], quotes: [{ text: statement, speaker: "lind" }] },
      { text: "« Les menaces ne connaissent pas de frontières », a-t-il dit.", quotes: [{ text: "Les menaces ne connaissent pas de frontières", speaker: null }] },
      { text: "Et « les menaces ne connaissent pas de frontières ».", quotes: [{ text: "les menaces ne connaissent pas de frontières", speaker: null }] },
    ]);
    const b = article("b", "2024-01-21", [
      { text: `Lind dijo: « ${statement} depuis la première réunion à Mexico ».`, actors: ["lind"], quotes: [{ text: `${statement} à Mexico`, speaker: "lind", attribution: "before" }] },
      { text: `« ${statement} », a répété Lind.`, actors: ["lind"], quotes: [{ text: statement, speaker: "lind" }] },
    ]);
    const quotes = curateQuotes([a, b]);
    expect(quotes).toHaveLength(1);
    // The longer wording is kept; both articles are its sources.
    expect(quotes[0]!.text).toBe(`${statement} à Mexico`);
    expect(quotes[0]!.sources.map((s) => s.slug).sort()).toEqual(["a", "b", "b"]);
    expect(quotes[0]!.sources[0]!.slug).toBe(quotes[0]!.slug);
    expect(quotesBySpeaker(quotes).get("lind")).toHaveLength(1);
  });

  it("leave fragments out and rank whole statements of salient speakers first", () => {
    expect(isFragment("résultats très solides")).toBe(true);
    expect(isFragment("travaillaient en ce moment même")).toBe(true);
    expect(isFragment("ce dialogue est une occasion d'approfondir nos liens et nos objectifs")).toBe(false);
    const a = article("a", "2024-01-20", [
      { text: "Ortega, Ortega, Ortega.", actors: ["ortega", "ortega", "ortega"] },
      { text: "« La coopération fonctionne quand elle est fondée sur le respect mutuel », a dit Ortega.", actors: ["ortega"], quotes: [{ text: "La coopération fonctionne quand elle est fondée sur le respect mutuel", speaker: "ortega" }] },
      { text: "« Nous verrons bien demain », a dit Vidal.", actors: ["vidal"], quotes: [{ text: "Nous verrons bien demain", speaker: "vidal" }] },
      { text: "Ortega a salué des « résultats très solides ».", actors: ["ortega"], quotes: [{ text: "résultats très solides", speaker: "ortega", attribution: "before" }] },
    ]);
    const salience = new Map([["a", [{ actorId: "ortega", score: 1 }, { actorId: "vidal", score: 0.2 }]]]);
    expect(curateQuotes([a], salience).map((q) => q.speaker)).toEqual(["ortega", "vidal"]);
  });
});
