import { readFileSync } from "node:fs";
import path from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { analyzeText } from "../../src/analysis/analyze.ts";
import type { CandidateKind } from "../../src/analysis/candidates.ts";
import { suggestWith } from "../../src/importer/analysis.ts";
import type { Lang } from "../../src/languages.ts";
import { REPO, realRegistry } from "./support.ts";

/**
 * Names the registry lacks, each with what it names, on made-up texts that reproduce what real
 * coverage holds: people after a role or with their apposition, airports and towns named after
 * people, states in parentheses, ministries, cartels, programmes, summits, platforms, and the
 * page debris (bylines, glued photo credits) that must never become a name.
 */
const registry = realRegistry();
const day = (iso: string) => ({ iso, precision: "day" as const });
const FIXTURES = path.join(REPO, "tests/fixtures/analysis/candidates");

interface Gold {
  names: { name: string; kind: CandidateKind }[];
  never: string[];
}

function candidates(text: string, lang: Lang) {
  return analyzeText({ text, lang, date: day("2025-10-14") }, registry).candidates;
}

describe.each([
  ["fr-frontiere", "fr"],
  ["es-frontera", "es"],
] as const)("the made-up article %s", (file, lang) => {
  const text = readFileSync(path.join(FIXTURES, `${file}.txt`), "utf8");
  const gold = load(readFileSync(path.join(FIXTURES, `${file}.yaml`), "utf8"), { schema: CORE_SCHEMA }) as Gold;
  const found = candidates(text, lang);

  it("finds every name with its kind, and nothing else", () => {
    const distinct = [...new Map(found.map((c) => [c.name, { name: c.name, kind: c.kind }])).values()];
    expect(distinct).toEqual(gold.names);
  });

  it("never reports a byline, a photo credit, a title or a sentence's first word", () => {
    const names = found.map((c) => c.name);
    for (const debris of gold.never) expect(names.filter((n) => n.includes(debris)), debris).toEqual([]);
  });

  it("offers the editors people and organizations only", () => {
    const offered = suggestWith(registry)(text, lang, day("2025-10-14")).candidates;
    const actors = gold.names.filter((n) => n.kind === "person" || n.kind === "organization").map((n) => n.name);
    expect(offered).toEqual([...new Set(actors)]);
  });
});

describe("what tells a name's kind", () => {
  const kindOf = (text: string, lang: Lang, name: string) => candidates(text, lang).find((c) => c.name === name)?.kind ?? null;

  it("a place named after a person is a place when a place noun stands before it", () => {
    expect(kindOf("L'avion s'est posé à l'aéroport international Benito Juárez.", "fr", "Benito Juárez")).toBe("place");
    expect(kindOf("El avión aterrizó en el aeropuerto Felipe Ángeles.", "es", "Felipe Ángeles")).toBe("place");
    expect(kindOf("Benito Juárez fue presidente.", "es", "Benito Juárez")).toBe("person");
  });

  it("a town followed by its state in parentheses is a place, in every mention", () => {
    const found = candidates("Los migrantes llegaron a Villa Ahumada (Chihuahua). Villa Ahumada tiene un albergue.", "es");
    expect(found.map((c) => [c.name, c.kind])).toEqual([
      ["Villa Ahumada", "place"],
      ["Villa Ahumada", "place"],
    ]);
    expect(kindOf("Ils sont arrivés à Palo Quemado (Sonora).", "fr", "Palo Quemado")).toBe("place");
  });

  it("a role before a name makes a person, over nationality adjectives and a ministry's portfolio", () => {
    expect(kindOf("Il a rencontré le président colombien Teodoro Valverde.", "fr", "Teodoro Valverde")).toBe("person");
    expect(kindOf("Le ministre de la Défense Anselme Coutard a parlé.", "fr", "Anselme Coutard")).toBe("person");
    expect(kindOf("Habló el capo Eleuterio Zambrano.", "es", "Eleuterio Zambrano")).toBe("person");
  });

  it("an apposition, an age or a verb of saying after a name makes a person", () => {
    expect(kindOf("Ludovic Ferrant, porte-parole du ministère, a répondu.", "fr", "Ludovic Ferrant")).toBe("person");
    expect(kindOf("Se trata de Anacleto Morones, de 45 años.", "es", "Anacleto Morones")).toBe("person");
    expect(kindOf("Por la tarde, Anacleto Morones dijo que no.", "es", "Anacleto Morones")).toBe("person");
  });

  it("a surname used alone makes the full name a person's", () => {
    expect(kindOf("Hier, Zacharie Vénier est arrivé en avance. Vénier ne s'est pas exprimé.", "fr", "Zacharie Vénier")).toBe("person");
  });

  it("a preposition of place before an unknown name makes a place; « à » and « a » tell nothing", () => {
    expect(kindOf("Los agentes patrullan en Loma Bonita.", "es", "Loma Bonita")).toBe("place");
    expect(kindOf("La fiscal recibió a Eulalia Godínez.", "es", "Eulalia Godínez")).toBe("person");
  });

  it("the name's own head word wins over everything: ministries, cartels, programmes, events, platforms", () => {
    expect(kindOf("Desde la Secretaría de Gobernación se informó.", "es", "Secretaría de Gobernación")).toBe("organization");
    expect(kindOf("Le Cartel del Noreste a riposté.", "fr", "Cartel del Noreste")).toBe("organization");
    expect(kindOf("El Acuerdo Bicentenario sigue vigente.", "es", "Acuerdo Bicentenario")).toBe("programme");
    expect(kindOf("Lors du Sommet de Lima, rien n'a changé.", "fr", "Sommet de Lima")).toBe("event");
    expect(kindOf("Il l'a écrit sur Truth Social.", "fr", "Truth Social")).toBe("platform");
  });

  it("after an office and « de », the name is the office's domain, not a person", () => {
    expect(kindOf("Habló el subsecretario de Asuntos Multilaterales, Efrén Quiroga.", "es", "Asuntos Multilaterales")).toBe("organization");
    expect(kindOf("Habló el subsecretario de Asuntos Multilaterales, Efrén Quiroga.", "es", "Efrén Quiroga")).toBe("person");
    expect(kindOf("Selon la directrice de Sécurité Intérieure, rien n'a changé.", "fr", "Sécurité Intérieure")).toBe("organization");
    expect(kindOf("Llegó la esposa de Anacleto Morones.", "es", "Anacleto Morones")).toBe("person");
    expect(kindOf("L'avocat de Wenceslas Moreau a fait appel.", "fr", "Wenceslas Moreau")).toBe("person");
    expect(kindOf("Los agentes de Protección Fronteriza llegaron.", "es", "Protección Fronteriza")).toBe("organization");
  });

  it("a list shares the noun before it; a comma after a role's domain opens an apposition", () => {
    expect(kindOf("Abarcó municipios como Guasave, Ramón Corona (Tepic) y Ahome.", "es", "Ramón Corona")).toBe("place");
    expect(kindOf("Habló con los diputados Eulalia Montoya y Sergio Tovar.", "es", "Sergio Tovar")).toBe("person");
    expect(kindOf("Llegó el comisionado del Instituto Nacional de Migración, Efrén Garduza.", "es", "Efrén Garduza")).toBe("person");
    expect(kindOf("Llegó el embajador de México en Estados Unidos, Eustaquio Barragán.", "es", "Eustaquio Barragán")).toBe("person");
  });

  it("nouns before a name count in the plural; a nationality before a name, as French writes it, is not part of it", () => {
    expect(kindOf("Ils visent les cartels Lindero Bravo.", "fr", "Lindero Bravo")).toBe("organization");
    expect(candidates("Le Hondurien Wilmer Pastrana a témoigné.", "fr").map((c) => [c.name, c.kind])).toEqual([["Wilmer Pastrana", "person"]]);
  });

  it("words of an institution's name make an unknown name an organization, not a person", () => {
    expect(kindOf("Participaron Control Migratorio y la policía.", "es", "Control Migratorio")).toBe("organization");
    expect(kindOf("Los agentes de Protección Fronteriza llegaron.", "es", "Protección Fronteriza")).toBe("organization");
    expect(kindOf("La Nueva Familia Michoacana opera en la zona.", "es", "Nueva Familia Michoacana")).toBe("organization");
  });

  it("an ordinal leaves the head to the next word; plural heads count", () => {
    expect(kindOf("Se celebró la Tercera Reunión Plenaria.", "es", "Tercera Reunión Plenaria")).toBe("event");
    expect(kindOf("Un mes después de la Cuarta Mesa Redonda sobre el tráfico de armas, nada cambió.", "es", "Cuarta Mesa Redonda")).toBe("event");
    expect(kindOf("La Table Ronde de Montréal a réuni les ministres.", "fr", "Table Ronde de Montréal")).toBe("event");
    expect(kindOf("Los Acuerdos de Bucareli siguen vigentes.", "es", "Acuerdos de Bucareli")).toBe("programme");
  });

  it("the towns of a list before their state are places", () => {
    const found = candidates("Habrá centros en Nuevo Laredo, Villa Mainero y Ciudad Mante (Tamaulipas).", "es");
    expect(found.map((c) => [c.name, c.kind])).toEqual([
      ["Nuevo Laredo", "place"],
      ["Villa Mainero", "place"],
      ["Ciudad Mante", "place"],
    ]);
    expect(kindOf("Llegaron a Reynosa Díaz y Matamoros (Tamaulipas).", "es", "Reynosa Díaz")).toBe("place");
  });

  it("an institution's name keeps its « y » and its « sobre », two names joined by « y la » are two", () => {
    expect(candidates("Habló la Secretaría de Agricultura y Desarrollo Rural.", "es").map((c) => c.name)).toEqual(["Secretaría de Agricultura y Desarrollo Rural"]);
    expect(candidates("Revisaron el Programa de Cooperación sobre Seguridad Fronteriza.", "es").map((c) => c.name)).toEqual([
      "Programa de Cooperación sobre Seguridad Fronteriza",
    ]);
  });

  it("a place's or an institution's name may hold a person's; a person's name then « de » and a place is two names", () => {
    const names = (text: string) => candidates(text, "es").map((c) => [c.name, c.kind]);
    expect(names("Aterrizó en el Aeropuerto Internacional Felipe Ángeles.")).toEqual([["Aeropuerto Internacional Felipe Ángeles", "place"]]);
    expect(names("Donó la Fundación Carlos Slim.")).toEqual([["Fundación Carlos Slim", "organization"]]);
    expect(names("Habló Anselmo Quiroga de Ciudad Juárez.")).toEqual([
      ["Anselmo Quiroga", "person"],
      ["Ciudad Juárez", "place"],
    ]);
    expect(names("Crecerá el programa Pensión para Adultos Mayores.")).toEqual([["Pensión para Adultos Mayores", "programme"]]);
  });

  it("a summit's place is not part of its name; a place's name may open on an article", () => {
    expect(candidates("Il a snobé le Sommet des Amériques à Los Angeles.", "fr").map((c) => [c.name, c.kind])).toEqual([
      ["Sommet des Amériques", "event"],
      ["Los Angeles", "place"],
    ]);
  });

  it("a cue does not cross a sentence's end, but an abbreviation's full stop", () => {
    const names = (text: string) => candidates(text, "es").map((c) => [c.name, c.kind]);
    expect(names("Llegaron al albergue. Anacleto Morones habló.")).toEqual([["Anacleto Morones", "person"]]);
    expect(names("Lo dijo el Gral. Eusebio Trevilla.")).toEqual([["Eusebio Trevilla", "person"]]);
  });

  it("initials, O'… names and nicknames in quotes are people's names", () => {
    expect(candidates("El encargado de negocios, Rupert K. Ashdown, asistió.", "es").map((c) => [c.name, c.kind])).toEqual([["Rupert K. Ashdown", "person"]]);
    expect(candidates("Il l'a dit au journaliste Fergus O’Malley.", "fr").map((c) => [c.name, c.kind])).toEqual([["Fergus O’Malley", "person"]]);
    expect(candidates("Sheinbaum habló del caso de \"El Tigrillo\", detenido en 2024.", "es").map((c) => [c.name, c.kind])).toEqual([["El Tigrillo", "person"]]);
  });

  it("one word is a person's name only after a role or before an apposition", () => {
    expect(candidates("Respondió al zar fronterizo Brannigan.", "es").map((c) => [c.name, c.kind])).toEqual([["Brannigan", "person"]]);
    expect(candidates("« Laissez-nous passer », a crié Jorge, un migrant hondurien.", "fr").map((c) => [c.name, c.kind])).toEqual([["Jorge", "person"]]);
    expect(candidates("Dijo el Sr. Brannigan.", "es").map((c) => [c.name, c.kind])).toEqual([["Brannigan", "person"]]);
    expect(candidates("Llegó el ministro Adjunto. Habló Jorge. El secretario de Marina habló.", "es")).toEqual([]);
    expect(candidates("Habló el subsecretario de Derechos Humanos, Población y Migración.", "es").map((c) => c.name)).toEqual(["Derechos Humanos"]);
  });

  it("a woman's title without its accent is a title, the ministry with its accent an institution", () => {
    expect(candidates("La Secretaria Rocío Nahle habló.", "es").map((c) => [c.name, c.kind])).toEqual([["Rocío Nahle", "person"]]);
  });
});

describe("what is not a name", () => {
  const names = (text: string, lang: Lang) => candidates(text, lang).map((c) => c.name);

  it("a sentence's first word that the text also writes in lower case", () => {
    expect(names("Todavía Fermín Ocampo no llega, y todavía no hay noticias.", "es")).toEqual(["Fermín Ocampo"]);
    expect(names("Désormais Aurélien Matuszak dirige l'enquête.", "fr")).toEqual(["Aurélien Matuszak"]);
  });

  it("days, months and titles standing alone", () => {
    expect(names("La Haute-Commissaire de l'ONU s'est exprimée.", "fr")).toEqual([]);
    expect(names("Lundi Mardi et Mercredi. El Secretario de Estado llegó. El Fiscal General de la República habló.", "es")).toEqual([]);
  });

  it("two institutions joined by « y la » are two names", () => {
    expect(names("La Secretaría de Marina y la Guardia Nacional informaron.", "es")).toEqual(["Secretaría de Marina", "Guardia Nacional"]);
  });
});
