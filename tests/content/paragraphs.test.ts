import { describe, expect, it } from "vitest";
import { paragraphs } from "../../src/content/text.ts";

describe("a source's paragraphs", () => {
  it("are separated by blank lines, with the lines of each joined by one space", () => {
    const text = "  La Guardia Nacional  \n  desplegó 500 elementos\r\n\ten Sonora.\n \t\n\nEl operativo\u00a0\ncontinuará.\n\n\n";
    expect(paragraphs(text)).toEqual(["La Guardia Nacional desplegó 500 elementos en Sonora.", "El operativo continuará."]);
  });

  it("keep a paragraph on one line as it is, its ends trimmed", () => {
    expect(paragraphs("\u00a0Le Sénat a voté.  Le texte part à la Chambre. \n\n  Fin  ")).toEqual(["Le Sénat a voté.  Le texte part à la Chambre.", "Fin"]);
    expect(paragraphs(" \n \n")).toEqual([]);
  });
});
