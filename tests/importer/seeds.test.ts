import { describe, expect, it } from "vitest";
import { clean } from "../../src/importer/clean.ts";
import { SEED_ARTICLES, type SeedId, handCleaned, importSeed, normalizedParagraphs, seedRaw, similarity } from "./helpers.ts";

/**
 * The five seeds are the pages the corpus started from; content/articles/ holds what the editors
 * made of them by hand. Importing a seed must take out each piece of debris it has, by the right
 * rule, and give back the editors' text.
 */

function removedBy(id: SeedId, rule: string): string[] {
  return clean(seedRaw(id), "fr").removed.find((r) => r.rule === rule)?.lines ?? [];
}

function cleanedText(id: SeedId): string {
  return importSeed(id).cleaned.text;
}

describe("seed 000 (La Presse, AFP: photo gallery)", () => {
  const text = cleanedText("000");

  it("removes the three photo credits", () => {
    expect(removedBy("000", "photo-credit")).toEqual([
      "PHOTO CLIFF OWEN, ASSOCIATED PRESS",
      "PHOTO AMANDA ANDRADE-RHOADES, REUTERS",
      "PHOTO LUIS ACOSTA, ARCHIVES AGENCE FRANCE-PRESSE",
    ]);
    expect(text).not.toContain("PHOTO");
  });

  it("removes the gallery captions, bulleted and repeated, and the caption under the Darien photo", () => {
    expect(removedBy("000", "caption")).toEqual([
      "• Le secrétaire d’État américain Antony Blinken",
      "Le secrétaire d’État américain Antony Blinken",
      "• La ministre mexicaine des Affaires étrangères Alicia Barcena",
      "La ministre mexicaine des Affaires étrangères Alicia Barcena",
      "Des migrants marchent dans la jungle près du village de Bajo\u00a0Chiquito, premier contrôle frontalier de la province de Darien au Panama, en septembre\u00a02023.",
    ]);
    expect(text).not.toContain("Des migrants marchent dans la jungle");
    expect(normalizedParagraphs(text)).not.toContain("Le secrétaire d’État américain Antony Blinken");
  });

  it("removes the gallery counter 1/2", () => {
    expect(removedBy("000", "gallery-counter")).toEqual(["1/2"]);
    expect(text).not.toMatch(/^1\/2$/m);
  });

  it("removes the two empty share bullets", () => {
    expect(removedBy("000", "share-bullet")).toEqual(["•", "•"]);
    expect(text).not.toContain("•");
  });

  it("keeps the paragraph just above the last photo, and the dateline", () => {
    expect(text).toContain("Responsables américains et mexicains doivent aussi discuter de la situation dans la jungle du Darien");
    expect(text.startsWith("(Washington) Les États-Unis et le Mexique")).toBe(true);
  });
});

describe("seed 001 (ShareAmerica: embedded tweet, link markers)", () => {
  const text = cleanedText("001");

  it("removes the link legend *en anglais and the three asterisks it explains", () => {
    expect(removedBy("001", "link-marker")).toEqual(["*en anglais", "*", "*", "*"]);
    expect(text).not.toContain("*");
    expect(text).toContain("dans un tweet lors de son déplacement");
    expect(text).toContain("la vice-présidente a annoncé que les forces");
    expect(text).toContain("le 7 juin, avant sa rencontre");
  });

  it("removes the tweet's signature and links but keeps the words the article quotes", () => {
    expect(removedBy("001", "embedded-post")).toEqual([
      "— Vice President Kamala Harris (@VP) June 8, 2021",
      "https://t.co/49p1iyChKu",
      "pic.twitter.com/Ux2oXihtcp",
    ]);
    expect(text).not.toContain("(@VP)");
    expect(text).not.toContain("t.co/");
    expect(text).not.toContain("pic.twitter.com");
    expect(normalizedParagraphs(text)).toContain(
      "Today, President @lopezobrador_ and I discussed our shared interests in security, economic opportunity, vaccines, and migration. The United States sees Mexico as a partner on these issues.",
    );
  });

  it("makes each line of the page a paragraph", () => {
    expect(normalizedParagraphs(text)).toHaveLength(10);
  });
});

describe("seed 002 (La Presse, AFP: no debris)", () => {
  it("removes nothing", () => {
    expect(clean(seedRaw("002"), "fr").removed).toEqual([]);
  });
});

describe("seed 003 (Atalayar: image slugs, credit, staff credit, Spanish footer)", () => {
  const text = cleanedText("003");

  it("removes the photo credit that carries its caption", () => {
    expect(removedBy("003", "photo-credit")).toEqual(["REUTERS/JOSHUA ROBERTS - Anthony Blinken, secrétaire d'État américain"]);
    expect(text).not.toContain("REUTERS/JOSHUA ROBERTS");
  });

  it("keeps the sentence after that credit: the caption was on the credit's line", () => {
    expect(text).toContain("Une délégation américaine se rendra au Mexique vendredi prochain");
  });

  it("removes the two image slugs", () => {
    expect(removedBy("003", "image-slug")).toEqual([
      "alejandro-mayorkas-departamento-seguridad",
      "marcelo-ebrard-ministro-exteriores-mexico",
    ]);
    expect(text).not.toContain("alejandro-mayorkas");
    expect(text).not.toContain("marcelo-ebrard");
  });

  it("removes the coordinator's credit line", () => {
    expect(removedBy("003", "byline")).toEqual(["Coordinateur pour l'Amérique latine : José Antonio Sierra"]);
    expect(text).not.toContain("José Antonio Sierra");
  });

  it("removes the Spanish reader-contribution footer", () => {
    expect(removedBy("003", "foreign-footer")).toEqual([
      "Envíanos tus noticias",
      "Si conoces o tienes alguna pista en relación con una noticia, no dudes en hacérnosla llegar a través de cualquiera de las siguientes vías. Si así lo desea, tu identidad permanecerá en el anonimato",
    ]);
    expect(text).not.toContain("Envíanos");
  });

  it("takes the heading out of the text and keeps the standfirst above it and the sub-heading", () => {
    const plan = importSeed("003", { withTitle: false });
    expect(plan.title).toBe("Les gouvernements du Mexique et des États-Unis lanceront un dialogue sur la sécurité");
    expect(plan.titleFrom).toBe("heading");
    expect(plan.cleaned.text).not.toContain("lanceront un dialogue sur la sécurité");
    expect(plan.cleaned.paragraphs[0]).toMatch(/^Antony Blinken et Alejandro Mayorkas feront partie/);
    expect(plan.cleaned.paragraphs).toContain("Dialogue économique de haut niveau");
  });
});

describe("seed 004 (press conference: no debris)", () => {
  it("removes nothing and splits the page's two lines into two paragraphs", () => {
    expect(clean(seedRaw("004"), "fr").removed).toEqual([]);
    expect(normalizedParagraphs(cleanedText("004"))).toHaveLength(2);
  });
});

describe("every seed gives back the editors' hand-cleaned source.txt", () => {
  for (const id of Object.keys(SEED_ARTICLES) as SeedId[]) {
    const { source } = handCleaned(id);

    it(`${id}: every hand-cleaned paragraph is there, and nothing else`, () => {
      const mine = normalizedParagraphs(cleanedText(id));
      const theirs = normalizedParagraphs(source);
      for (const paragraph of theirs) expect(mine).toContain(paragraph);
      expect(mine).toHaveLength(theirs.length);
    });

    it(`${id}: the texts are at least 99% similar (word 5-grams)`, () => {
      expect(similarity(cleanedText(id), source)).toBeGreaterThanOrEqual(0.99);
    });

    it(`${id}: the file is byte for byte the hand-cleaned one`, () => {
      expect(cleanedText(id)).toBe(source);
    });
  }

  it("while the raw seeds themselves differ measurably from it where they carry debris", () => {
    // Guards the test above against comparing a text with itself.
    expect(similarity(seedRaw("000"), handCleaned("000").source)).toBeLessThan(0.9);
    expect(similarity(seedRaw("003"), handCleaned("003").source)).toBeLessThan(0.9);
  });
});
