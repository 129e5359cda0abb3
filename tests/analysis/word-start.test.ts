import { describe, expect, it } from "vitest";
import { matchAllAtWordStart } from "../../src/analysis/word-start.ts";

const PATTERNS = [
  /(?<![\p{L}])hier(?![\p{L}])/gu,
  /(?<![\p{L}-])(?<!\bde\s)demain(?![\p{L}])/gu,
  /(?<![\p{L}'’-])aujourd['’]\s?hui(?!\s+encore)/gu,
  /(?<![\p{L}\p{N}])(\d{1,2})\s+(?:de\s+)?(mars|marzo)/gu,
  /(?<![\p{L}])(?:la|sa|leur)\s+veille(?![\p{L}])/gu,
  /(?<![a])a*/gu,
  /hier/gu,
];
const TEXTS = [
  "hier, avant-hier et hierro; Hier: hier.hier-hier",
  "de demain, après-demain, demain 𝐀demain 😀demain",
  "aujourd’hui encore, l'aujourd'hui, aujourd hui",
  "le 12 mars, x12 mars, 3 de marzo, ٣12 mars",
  "la veille, sa veille, leurs veille, malaveille",
  "baaab aa a",
  "\ud800hier \udc00hier",
];

describe("matchAllAtWordStart", () => {
  it("finds what matchAll finds", () => {
    for (const pattern of PATTERNS) {
      for (const text of TEXTS) {
        const expected = [...text.matchAll(pattern)].map((m) => [m.index, ...m]);
        expect(matchAllAtWordStart(text, pattern).map((m) => [m.index, ...m]), `${pattern} on ${JSON.stringify(text)}`).toEqual(expected);
      }
    }
  });
});
