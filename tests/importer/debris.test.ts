import { describe, expect, it } from "vitest";
import { clean } from "../../src/importer/clean.ts";
import { DEBRIS_RULES } from "../../src/text/debris-rules.ts";
import { guessLanguage } from "../../src/text/language.ts";

/**
 * Each rule against the forms of debris it is meant for, one line of debris between two lines of
 * article, so the line is judged in a realistic place. The first paragraph holds the article's
 * language for the footer rule.
 */
const BEFORE = "Le secrétaire d’État a reçu son homologue mexicaine à Washington, vendredi, pour une réunion de travail.";
// Two sentences: a single short sentence right after a stand-alone credit would be its caption.
const AFTER = "Les deux pays sont en année électorale. La question migratoire pèse sur la campagne.";

function removal(debris: string, lang: "fr" | "es" = "fr") {
  const { removed, text } = clean(`${BEFORE}\n\n${debris}\n\n${AFTER}`, lang);
  return { rules: removed.map((r) => r.rule), text };
}

const EXAMPLES: Record<string, string[]> = {
  "photo-credit": [
    "Photo : Jean Dupont / AFP",
    "PHOTO MARCO UGARTE, ARCHIVES REUTERS",
    "(Foto: Cuartoscuro)",
    "Crédit : Reuters",
    "Crédit AFP",
    "REUTERS/HENRY ROMERO",
    "Alfredo Estrella/AFP",
    "Le président à Mexico, lundi (Photo : AFP)",
  ],
  "gallery-counter": ["1/2", "3 / 12", "2 sur 5", "Foto 4 de 9"],
  "share-bullet": ["•", "- ", "* ", "Partager", "Compartir", "Partager sur Facebook", "Facebook Twitter WhatsApp"],
  "link-marker": ["→", "(en anglais)", "[lien]"],
  "related-link": ["À lire aussi : Le Mexique déploie la Garde nationale", "→ Lire aussi : le sommet de Mexico", "Lee también: El muro fronterizo"],
  "embedded-post": [
    "— Marcelo Ebrard C. (@m_ebrard) June 8, 2021",
    "pic.twitter.com/Ux2oXihtcp",
    "Voir sur X",
    "Voir sur Twitter",
    "Ver en X",
    "Voir cette publication sur Instagram",
    "Une publication partagée par Claudia Sheinbaum (@claudiashein)",
  ],
  "image-slug": ["blinken-barcena.jpg", "IMG_2041.JPG", "sheinbaum-mananera-seguridad"],
  byline: ["Par Jean Dupont", "Por Ana María López y Juan Pérez", "AFP", "Agence France-Presse", "(AFP)", "Avec AFP", "Redacción"],
  "publication-stamp": ["Publié le 19 janvier 2024 à 14 h 31", "Mis à jour le 20 janvier 2024", "Actualizado el 3 de marzo de 2025"],
  paywall: [
    "Abonnez-vous pour lire la suite",
    "Réservé aux abonnés",
    "Il vous reste 72% de cet article à lire.",
    "Suscríbete",
    "Contenido exclusivo para suscriptores",
  ],
};

describe("each debris rule", () => {
  it("is listed, with a report label", () => {
    expect(DEBRIS_RULES.map((r) => r.name).sort()).toEqual(
      [...Object.keys(EXAMPLES), "caption", "foreign-footer", "duplicate-paragraph"].sort(),
    );
    for (const rule of DEBRIS_RULES) expect(rule.label[0].length).toBeGreaterThan(0);
  });

  for (const [rule, examples] of Object.entries(EXAMPLES)) {
    for (const example of examples) {
      it(`${rule}: removes ${JSON.stringify(example)}`, () => {
        const { rules, text } = removal(example);
        expect(rules).toEqual([rule]);
        expect(text).toBe(`${BEFORE}\n\n${AFTER}\n`);
      });
    }
  }

  it("caption: removes a bulleted line just before a credit, and the short sentence just after a stand-alone credit", () => {
    const { removed, text } = clean(
      `${BEFORE}\n\n• Le ministre à son arrivée\nPHOTO JOHN DOE, REUTERS\nLes délégués posent pour la photo à Mexico.\n\n${AFTER}`,
      "fr",
    );
    expect(removed.find((r) => r.rule === "caption")?.lines).toEqual([
      "• Le ministre à son arrivée",
      "Les délégués posent pour la photo à Mexico.",
    ]);
    expect(text).toBe(`${BEFORE}\n\n${AFTER}\n`);
  });

  it("link-marker: removes (en anglais) and [lien] inside a sentence, leaving the sentence", () => {
    const { text } = clean("Le rapport (en anglais) est en ligne [lien].", "fr");
    expect(text).toBe("Le rapport est en ligne.\n");
  });

  it("duplicate-paragraph: keeps the first of two identical paragraphs", () => {
    const { text, removed } = clean(`${BEFORE}\n\nRéservé aux abonnés\n\n${BEFORE}\n\n${AFTER}`, "fr");
    expect(removed.map((r) => r.rule)).toEqual(["paywall", "duplicate-paragraph"]);
    expect(text).toBe(`${BEFORE}\n\n${AFTER}\n`);
  });

  it("leaves lines that only resemble debris", () => {
    for (const line of [
      "Par ailleurs, la Maison-Blanche a confirmé la rencontre.",
      "Crédit Agricole a financé une partie du projet.",
      "Selon l'AFP, la réunion a duré deux heures.",
      "— Nous allons travailler ensemble, a dit le ministre.",
      "Le Title 42 restera en vigueur.",
      "La frontière s'étend sur 3 000 km.",
      "Publié en 2019, le rapport reste la référence.",
    ]) {
      expect({ line, rules: removal(line).rules }).toEqual({ line, rules: [] });
    }
  });
});

describe("language of a paragraph", () => {
  it("is told by the function words only one language uses", () => {
    expect(guessLanguage("Les États-Unis et le Mexique ont signé un accord pour la sécurité.")).toBe("fr");
    expect(guessLanguage("Los gobiernos de México y Estados Unidos firmaron un acuerdo para la seguridad.")).toBe("es");
    expect(guessLanguage("The United States sees Mexico as a partner on these issues.")).toBe("en");
  });

  it("is unknown for names and words both languages share", () => {
    expect(guessLanguage("José Antonio Sierra")).toBeNull();
    expect(guessLanguage("Mexique, Guatemala, Honduras")).toBeNull();
  });
});
