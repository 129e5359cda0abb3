import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import { fullCollection } from "../../scripts/lib/memory.ts";
import { detached, paragraphs } from "../../src/content/text.ts";

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

describe("a text kept from a file", () => {
  /** The heap a list of short texts cut from 20 files of 1 MB each holds once the files are let go. */
  const heldBy = (keep: (text: string) => string): number => {
    const gc = fullCollection();
    gc();
    const before = v8.getHeapStatistics().used_heap_size;
    const kept = Array.from({ length: 20 }, (_, i) => {
      // Made of pieces, then flattened: a file's text as readFileSync gives it, in one piece.
      const file = [`Fichier ${String(i).padStart(2, "0")}\n\n`, "Le Sénat a voté la réforme.\n\n".repeat(40_000)].join("");
      return keep(file.slice(12, 40).trim());
    });
    gc();
    const held = v8.getHeapStatistics().used_heap_size - before;
    expect(kept.every((text) => text === "Le Sénat a voté la réforme.")).toBe(true);
    return held;
  };

  it("holds its own characters, not its whole file, once detached", () => {
    expect(heldBy((text) => text)).toBeGreaterThan(15_000_000);
    expect(heldBy(detached)).toBeLessThan(1_000_000);
  });

  it("is detached when it is a paragraph of a source", () => {
    const gc = fullCollection();
    gc();
    const before = v8.getHeapStatistics().used_heap_size;
    const kept = Array.from({ length: 20 }, (_, i) => paragraphs([`Le fichier numéro ${i} du corpus`, "Le Sénat a voté.".repeat(60_000)].join("\n\n"))[0]!);
    gc();
    expect(v8.getHeapStatistics().used_heap_size - before).toBeLessThan(1_000_000);
    expect(kept[3]).toBe("Le fichier numéro 3 du corpus");
  });
});
