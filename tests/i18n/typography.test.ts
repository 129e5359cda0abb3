import { describe, expect, it } from "vitest";
import { typeset, typesetHtml } from "../../src/i18n/typography.ts";

/**
 * The rules as they were written before they were made one pass, kept as the reference: one
 * replace per rule, applied in turn. The one-pass version must give the same text for any input.
 */
function referenceTypeset(text: string): string {
  return text
    .replace(/«[ \u00a0\u202f]*/g, "«\u202f")
    .replace(/[ \u00a0\u202f]*»/g, "\u202f»")
    .replace(/[ \u00a0]+([;:!?])/g, "\u202f$1")
    .replace(/([\p{L}\p{N}»)\]’”])([:!?]+)(?=\s|$|<)/gu, (_, before: string, marks: string) => `${before}\u202f${marks}`);
}

function referenceTypesetHtml(html: string): string {
  return html.replace(/(^|>)([^<]+)/g, (_, open: string, text: string) => open + referenceTypeset(text));
}

const EDGE_CASES = [
  "",
  "Aucune ponctuation ici",
  "Il a dit : « Non ! »",
  "Il a dit: «Non!»",
  "Il a dit\u00a0:\u00a0«\u00a0Non\u00a0!\u00a0»",
  "Il a dit\u202f: «\u202fNon\u202f!\u202f»",
  "« »",
  "«»",
  "«  \u00a0 »",
  "«»»",
  "««»",
  "«:",
  "« :",
  "a:»",
  "a :»",
  "a »:",
  "«»:",
  "Voir https://example.org/page?q=1&amp;r=2 : c’est là.",
  "https://example.org:8080/a?b",
  "Réunion à 10:30, puis à 14 h 00 ; fin.",
  "Vraiment ?! Oui !!! Non ?",
  "a ::",
  "a: :",
  "a? ?",
  "a! ?",
  "a:!x",
  "a \u202f ;",
  "\u202f ;",
  "x  ;  y",
  "fin (sic)! puis [note]: et «cité»? et ’quote’: et ”fin”!",
  "ligne:\nsuivante?\tet fin!",
  "2024 : année 1er janvier !",
];

const HTML_EDGE_CASES = [
  '<p>Il a dit : <a href="https://example.org/?q=a:b">« lien »</a> !</p>',
  '<p title="Attention : ici !">Texte?</p>',
  "<p>Fin:</p><p>Début !</p>",
  "<em>Non</em>! <strong>Oui</strong> ?",
  "<p>a<b>:</b> b</p>",
  '<img alt="a : b ?" src="x.png">« »',
  "texte avant: <br>après",
  "<p>10:30</p><p>«\u00a0cité\u00a0»</p>",
];

/** A small generator with a fixed seed, so that a failure is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = [
  "a", "Z", "é", "9", "10", " ", " ", "\u00a0", "\u202f", "«", "»", ";", ":", "!", "?", ")", "(", "]", "’", "”",
  "<", ">", "\n", "\t", "http://x.org/", "?q=", "&amp;", ".", ",", "-", "<a href=\"x:y?\">", "</a>", "mot",
];

function madeUp(next: () => number, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

describe("French typography in one pass", () => {
  it("gives the same text as the rules applied one by one, on edge cases", () => {
    for (const text of [...EDGE_CASES, ...HTML_EDGE_CASES]) {
      expect(typeset(text, "fr"), JSON.stringify(text)).toBe(referenceTypeset(text));
      expect(typesetHtml(text, "fr"), JSON.stringify(text)).toBe(referenceTypesetHtml(text));
    }
  });

  it("gives the same text as the rules applied one by one, on many made-up strings", () => {
    const next = random(20261201);
    let changed = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = madeUp(next, 1 + Math.floor(next() * 24));
      const expected = referenceTypeset(text);
      expect(typeset(text, "fr"), JSON.stringify(text)).toBe(expected);
      expect(typesetHtml(text, "fr"), JSON.stringify(text)).toBe(referenceTypesetHtml(text));
      if (expected !== text) changed++;
    }
    // The strings exercise the rules, not only the text they leave alone.
    expect(changed).toBeGreaterThan(10_000);
  });

  it("spaces French marks and quotes, and leaves times, addresses and Spanish alone", () => {
    expect(typeset("Il a dit: «Non!» à 10:30 sur https://example.org?q=1", "fr")).toBe(
      "Il a dit\u202f: «\u202fNon\u202f!\u202f» à 10:30 sur https://example.org?q=1",
    );
    expect(typeset("Dijo: «¡No!» a las 10:30", "es")).toBe("Dijo: «¡No!» a las 10:30");
    expect(typesetHtml('<a href="https://x.org/?a=b:c">lien</a> !', "fr")).toBe('<a href="https://x.org/?a=b:c">lien</a>\u202f!');
  });
});
