import { describe, expect, it } from "vitest";
import { analyzeText } from "../../src/analysis/analyze.ts";
import { clean } from "../../src/importer/clean.ts";
import type { Lang } from "../../src/languages.ts";
import { blankDebris } from "../../src/text/debris.ts";
import { realRegistry } from "../analysis/support.ts";

/**
 * Credits and bylines as copied pages carry them, glued to a caption, set inside a paragraph, or
 * as the authors' names beside the outlet's. Made-up names and texts, the shapes of real pages.
 * The importer takes them out; the analysis never reports their names.
 */
const registry = realRegistry();
const BEFORE = "Les autorités ont annoncé lundi un renforcement des contrôles à la frontière nord du pays.";
const AFTER = "La mesure entrera en vigueur la semaine prochaine, selon le communiqué officiel.";

function names(page: string, lang: Lang): string[] {
  const analysis = analyzeText({ text: page, lang, date: { iso: "2025-10-14", precision: "day" } }, registry);
  return [...analysis.candidates.map((c) => c.name), ...analysis.actors.map((a) => a.actorId)];
}

describe("a photographer's name glued to a caption", () => {
  it.each([
    ["fr", "Des migrants traversent le fleuve à Ojinaga (Chihuahua).Firstname Lastname", "Firstname Lastname"],
    ["es", "Agentes revisan un camión en el cruce de Sásabe.Evaristo Solórzano/Cuartoscuro", "Evaristo Solórzano"],
    ["fr", "La présidente lors d'une conférence de presse à Mexico.KEYSTONE/EPA/Ramón Ortuño", "Ramón Ortuño"],
    ["es", "Elementos de la Guardia Nacional en Tijuana (Baja California)Rosendo Vilches", "Rosendo Vilches"],
  ] as const)("%s: the caption line goes with its credit: %s", (lang, caption, photographer) => {
    const page = `${BEFORE}\n\n${caption}\n\n${AFTER}\n`;
    const { text, removed } = clean(page, lang);
    expect(text).toBe(`${BEFORE}\n\n${AFTER}\n`);
    expect(removed.map((r) => r.rule)).toEqual(["photo-credit"]);
    expect(names(page, lang).filter((n) => n.includes(photographer.split(" ")[1] as string))).toEqual([]);
  });

  it("in a long paragraph only the credit goes: the text stays, offsets kept", () => {
    const paragraph = `${BEFORE} Le ministre s'est rendu ensuite au poste-frontière, où il a rencontré les agents. Il a promis des renforts avant la fin de l'année pour les postes les plus exposés.Gaspard Leroux`;
    const { text } = clean(`${paragraph}\n`, "fr");
    expect(text).toBe(`${paragraph.replace("Gaspard Leroux", "")}\n`);
    const blanked = blankDebris(`${paragraph}\n`, "fr");
    expect(blanked).toHaveLength(paragraph.length + 1);
    expect(blanked).not.toContain("Gaspard");
  });

  it("leaves a sentence that runs on after a full stop with a space, and a glued single word", () => {
    for (const line of [`${BEFORE} Juan Pérez`, "Le texte a été voté à l'unanimité.Bravo", "La réunion a lieu à Mexico (Mexique). Ana Ruiz y assistera."]) {
      expect(clean(`${line}\n`, "fr").removed).toEqual([]);
    }
  });
});

describe("credits inside a paragraph", () => {
  it.each([
    ["fr", "Le ministre est arrivé (Photo : Jean Dupont / AFP) en fin de matinée.", "Le ministre est arrivé en fin de matinée."],
    ["es", "El canciller llegó temprano. Foto: Ana Ruiz/Cuartoscuro La reunión empezó a las diez.", "El canciller llegó temprano. La reunión empezó a las diez."],
    ["fr", "Les discussions reprendront en avril. (avec AFP)", "Les discussions reprendront en avril."],
    ["es", "Las conversaciones seguirán en abril. Con información de EFE.", "Las conversaciones seguirán en abril."],
    ["es", "La reunión terminó sin acuerdo. (Con información de Reuters y AFP)", "La reunión terminó sin acuerdo."],
  ] as const)("%s: %s", (lang, line, kept) => {
    expect(clean(`${line}\n`, lang).text).toBe(`${kept}\n`);
  });

  it("leaves an agency named in the text", () => {
    for (const [lang, line] of [
      ["es", "El funcionario dijo en entrevista con Reuters que habrá cambios."],
      ["es", "Lo dijo en entrevista con EFE."],
      ["fr", "Il a parlé à l'AFP avant la réunion."],
    ] as const) {
      expect(clean(`${line}\n`, lang).text).toBe(`${line}\n`);
    }
  });
});

describe("bylines without « Par » or « Por »", () => {
  it("the authors' names beside the outlet's name, and the outlet's name", () => {
    const page = `Octave Lemaire, Sofía Barragán Ruiz et Tom Keller\nThe Lakeside Herald\n\n${BEFORE}\n\n${AFTER}\n`;
    const { text, removed } = clean(page, "fr");
    expect(text).toBe(`${BEFORE}\n\n${AFTER}\n`);
    expect(removed.find((r) => r.rule === "byline")?.lines).toEqual(["Octave Lemaire, Sofía Barragán Ruiz et Tom Keller", "The Lakeside Herald"]);
    expect(names(page, "fr")).toEqual([]);
  });

  it.each([
    ["es", "Por: Rosaura Quintanilla Ortega"],
    ["fr", "Octave Lemaire, correspondant à Mexico"],
    ["es", "Tadeo Lúcar, corresponsal en Washington"],
    ["es", "Sofía Barragán, enviada especial"],
    ["es", "Tadeo Lúcar | El Heraldo del Norte"],
    ["fr", "Le Courrier du Sud avec AFP"],
    ["es", "Redacción AN / JMS"],
    ["es", "Archivo Cuartoscuro"],
    ["es", "Foto ilustrativa: Cortesía"],
    ["es", "Tadeo Lúcar el 27/02/2026 03:57 PM."],
    ["fr", "Octave Lemaire, La Gazette du Nord, 27 mars 2019"],
    ["fr", "(Octave Lemaire; Ondine Roy pour le service français)"],
    ["fr", "(Rédigé par Octave Lemaire, édité par Ondine Roy)"],
    ["es", "EFE/ Tadeo Lúcar"],
    ["es", "Imagen generada por IA con fines informativos. El Heraldo del Norte se deslinda de su uso."],
    ["es", "Compartir:"],
    ["fr", "Octave Lemaire Duval  | 21.01.2026 - Mise À Jour : 22.01.2026"],
    ["es", "Tadeo Lúcar | 03.02.2025"],
    ["fr", "AA / Mexique / Octave Lemaire"],
    ["es", "EFE / Washington / Tadeo Lúcar"],
    ["fr", "© Copyright La Gazette du Nord"],
    ["es", "Copyright © 2025 El Heraldo del Norte"],
    ["es", "Todos los derechos reservados."],
  ] as const)("%s: a credit line: %s", (lang, line) => {
    const page = `${line}\n\n${BEFORE} ${AFTER}\n`;
    expect(clean(page, lang).text).toBe(`${BEFORE} ${AFTER}\n`);
    expect(names(page, lang)).toEqual([]);
  });

  it("leaves a sentence that opens on a name and a role", () => {
    const line = "Lucía Ferrer, periodista mexicana, fue amenazada en Tijuana el martes";
    expect(clean(`${line}\n`, "es").text).toBe(`${line}\n`);
  });

  it("an agency's picture or video desk alone on its line", () => {
    // Two sentences after it: the article, not a caption under the credit.
    expect(clean(`EFE Latam Videos\n\n${BEFORE} ${AFTER}\n`, "es").text).toBe(`${BEFORE} ${AFTER}\n`);
    expect(clean(`AFP TV\n\n${BEFORE} ${AFTER}\n`, "fr").text).toBe(`${BEFORE} ${AFTER}\n`);
  });

  it("leaves names alone on a line with no outlet beside them, and an outlet's name in a sentence", () => {
    const page = `Marie Curie et Pierre Curie\n\n${BEFORE} Le Lakeside Herald l'a rapporté.\n`;
    expect(clean(page, "fr").removed).toEqual([]);
  });
});

describe("captions that say they are one, agencies' chains, embedded posts' signatures, prompts", () => {
  it.each([
    ["fr", "Photo d’illustration : le ministre lors d’un meeting à Laredo (Texas), le 2 mars.  (JANE ROE / ANADOLU AGENCY / AFP)"],
    ["fr", "Le ministre lors d’un meeting à Laredo (Texas), le 2 mars. (JANE ROE / AFP)"],
    ["fr", "APS/VNA/CVN"],
    ["es", "- Te recomendamos Los cruces fronterizos bajan en febrero | Últimas noticias"],
    ["es", "Únete al canal de Noticias del Norte en WhatsApp"],
    ["fr", "Suivez-nous sur Telegram"],
  ] as const)("%s: the line goes: %s", (lang, line) => {
    expect(clean(`${line}\n\n${BEFORE} ${AFTER}\n`, lang).text).toBe(`${BEFORE} ${AFTER}\n`);
  });

  it("an embedded post keeps its words and loses its signature and links", () => {
    const line = "« La coopération avance. » https://t.co/abc123 pic.twitter.com/xyz789 — Ministère des Routes (@MinRoutes_mx) December 16, 2025";
    expect(clean(`${line}\n`, "fr").text).toBe("« La coopération avance. »\n");
  });

  it("leaves a sentence that names a slash or follows an outlet on a network", () => {
    for (const line of ["Le ratio entrées/sorties a baissé de 4 %.", "Síguenos: la reunión empezó a las diez y terminó tarde, con acuerdos."]) {
      expect(clean(`${line}\n`, "fr").removed).toEqual([]);
    }
  });
});

