import { describe, expect, it } from "vitest";
import { indexedApostrophes } from "../../src/search/apostrophes.ts";

/** The rule as a pattern: ’ after a letter and any marks, before a letter. */
const RULE = /(?<=\p{L}\p{M}*)\u2019(?=\p{L})/gu;

describe("the ’ the index is given as '", () => {
  it("are those the rule's pattern finds, in any text", () => {
    // Letters (one astral), combining marks, a lone surrogate, digits, spaces and quotes, around ’.
    const alphabet = ["a", "É", "ñ", "\u{1d400}", "\u0301", "\u0327", "\ud800", "\udc00", "1", " ", "’", "’", "'", "«", "\u00a0"];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 5_000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      expect(indexedApostrophes(text), JSON.stringify(text)).toBe(text.replace(RULE, "'"));
    }
  });

  it("leave a text without ’ as it is", () => {
    const text = "Les demandes d'asile « en attente »";
    expect(indexedApostrophes(text)).toBe(text);
  });
});
