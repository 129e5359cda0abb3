import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clean, describeRemovals } from "../../src/importer/clean.ts";
import { planArticle } from "../../src/importer/new-article.ts";
import { RAW, request, tempContent } from "./helpers.ts";

/**
 * es-grupo-frontera.txt is a made-up page of a Spanish outlet (the event and the outlet are
 * invented) with one of each kind of debris, and real sentences that look like debris:
 * "EFE" and "AFP" inside a sentence, a quote opening with "—", a paragraph opening with "Por".
 * es-grupo-frontera.expected.txt is the article as an editor would clean it by hand.
 */
const raw = readFileSync(path.join(RAW, "es-grupo-frontera.txt"), "utf8");
const expected = readFileSync(path.join(RAW, "es-grupo-frontera.expected.txt"), "utf8");
const { removed } = clean(raw, "es");
const removedBy = (rule: string) => removed.find((r) => r.rule === rule)?.lines ?? [];

describe("a Spanish page with Spanish debris", () => {
  const result = planArticle(request("2025-03-12", { raw, contentDir: tempContent(), lang: "es" }), null);
  if (!result.ok) throw new Error(result.refusal.message);
  const { plan } = result;

  it("becomes exactly the hand-cleaned text, its heading the title", () => {
    expect(plan.cleaned.text).toBe(expected);
    expect(plan.title).toBe("México y Estados Unidos crean un grupo conjunto contra el tráfico de armas");
  });

  it("loses its byline and the agency line at the foot", () => {
    expect(removedBy("byline")).toEqual(["Por Ana Martínez Ruiz", "EFE"]);
  });

  it("loses its publication time stamp", () => {
    expect(removedBy("publication-stamp")).toEqual(["Publicado el 12 de marzo de 2025, 10:42"]);
  });

  it("loses the share button and the empty bullets", () => {
    expect(removedBy("share-bullet")).toEqual(["Compartir", "•", "•"]);
  });

  it("loses the photo credit (Foto: …), the caption under it and the gallery counter 3 / 12", () => {
    expect(removedBy("photo-credit")).toEqual(["Foto: Cuartoscuro"]);
    expect(removedBy("caption")).toEqual([
      "El canciller mexicano y el secretario de Estado estadounidense, durante la reunión en la Ciudad de México.",
    ]);
    expect(removedBy("gallery-counter")).toEqual(["3 / 12"]);
  });

  it("loses the related-article link, the image file name and the [enlace] marker", () => {
    expect(removedBy("related-link")).toEqual(["Lee también: La frontera norte registra un nuevo récord de decomisos"]);
    expect(removedBy("image-slug")).toEqual(["reunion-canciller-secretario-estado.jpg"]);
    expect(removedBy("link-marker")).toEqual(["[enlace]"]);
  });

  it("loses the embedded post's signature, its links and its 'Ver en X' button", () => {
    expect(removedBy("embedded-post")).toEqual([
      "— Cancillería de México (@SRE_mx) March 12, 2025",
      "Ver en X",
      "https://t.co/AbC123xyz",
      "pic.twitter.com/XyZ987abc",
    ]);
  });

  it("loses the paywall prompts and the paragraph the paywall repeated", () => {
    expect(removedBy("paywall")).toEqual(["Contenido exclusivo para suscriptores", "Suscríbete para seguir leyendo"]);
    expect(removedBy("duplicate-paragraph")).toHaveLength(1);
    expect(plan.cleaned.text.match(/El grupo se reunirá cada dos meses/g)).toHaveLength(1);
  });

  it("loses the French reader-contribution footer", () => {
    expect(removedBy("foreign-footer")).toEqual([
      "Envoyez-nous vos informations",
      "Si vous avez une information sur ce sujet, n'hésitez pas à nous la transmettre par l'un des moyens ci-dessous. Votre identité restera anonyme.",
    ]);
  });

  it("reports the removals by kind", () => {
    expect(describeRemovals(removed)).toContain("1 photo credit, 1 gallery counter, 3 empty share bullets or buttons");
    expect(describeRemovals(removed)).toContain("2 paywall prompts");
  });
});

describe("real text that looks like debris is kept", () => {
  const keeps = (text: string, lang: "fr" | "es" = "fr") => expect(clean(text, lang).removed).toEqual([]);

  it("a sentence that names AFP, or a line opening with Par or Por that is not a byline", () => {
    keeps("Selon un décompte de l'AFP, 2,4 millions de migrants ont franchi la frontière.\n\nPar ailleurs, le ministre a annoncé une réunion.");
    keeps("Por otra parte, el canciller viajará a Washington.\n\nPor su parte, la agencia EFE confirmó la cifra.", "es");
  });

  it("a quote opening with a dash, in prose", () => {
    keeps("Le ministre a répondu aux journalistes.\n\n— Nous ne céderons pas, a-t-il dit.\n\nLa réunion a duré deux heures.");
  });

  it("asterisks that no *en anglais legend explains", () => {
    const text = "Le Title 42* reste en vigueur.\n\n* mesure sanitaire adoptée en 2020.";
    expect(clean(text, "fr").text).toContain("Title 42*");
  });

  it("the paragraph above a photo credit, however short", () => {
    const { text } = clean("Le sommet s'est ouvert lundi.\n\nPHOTO JOHN DOE, REUTERS\n\nLes dirigeants posent pour la photo.", "fr");
    expect(text).toBe("Le sommet s'est ouvert lundi.\n");
  });

  it("a paragraph after a credit that carried its own caption, and a long paragraph after a bare credit", () => {
    const long =
      "Les délégations ont ensuite discuté des flux migratoires. Elles ont aussi évoqué le trafic d'armes, qui préoccupe Mexico depuis des années.";
    const { text } = clean(`Introduction du texte.\n\nPHOTO JOHN DOE, REUTERS\n\n${long}`, "fr");
    expect(text).toContain(long);
  });

  it("a French article that ends with a French paragraph after an English quote", () => {
    const text = "Le président a publié un message.\n\n“We will work together,” he wrote.\n\nLa Maison-Blanche n'a pas commenté.";
    expect(clean(text, "fr").removed).toEqual([]);
  });

  it("a single French article paragraph, even when its last line is in English", () => {
    expect(clean("Joe Biden a réagi sur les réseaux sociaux.\n\nThe border is not open.", "fr").text).toContain("The border is not open.");
  });
});

describe("line layout", () => {
  it("joins the lines of a hard-wrapped paragraph and keeps page lines apart", () => {
    const { paragraphs } = clean("Les deux pays ont signé un accord\nvisant à renforcer la coopération.\nLe texte entre en vigueur lundi.", "fr");
    expect(paragraphs).toEqual([
      "Les deux pays ont signé un accord visant à renforcer la coopération.",
      "Le texte entre en vigueur lundi.",
    ]);
  });

  it("removes trailing non-breaking spaces and lines of blanks, keeps those inside the text", () => {
    const { text } = clean("Le 27\u00a0décembre, à Mexico.\u00a0\n\u00a0\nSuite.", "fr");
    expect(text).toBe("Le 27\u00a0décembre, à Mexico.\n\nSuite.\n");
  });
});
