import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeText, type TextAnalysis } from "../../src/analysis/analyze.ts";
import type { PublicationDate } from "../../src/content/schemas.ts";
import { clean } from "../../src/importer/clean.ts";
import type { Lang } from "../../src/languages.ts";
import { blankDebris } from "../../src/text/debris.ts";
import { REPO, realRegistry } from "../analysis/support.ts";

/**
 * Two made-up raw captures, one French, one Spanish, each carrying the page debris editors meet
 * (a byline, a publication stamp, share buttons, a gallery counter, a photo credit and its
 * caption, a related link, a subscription prompt). The importer and the analysis read them with
 * one rule set: what the importer takes out is exactly what the analysis never sees.
 */
const CAPTURES: { file: string; lang: Lang; date: PublicationDate; debris: string[]; names: string[] }[] = [
  {
    file: "tests/fixtures/raw/fr-debris-capture.txt",
    lang: "fr",
    date: { iso: "2024-01-19", precision: "day" },
    debris: [
      "Par Lucie Martin",
      "Publié le 19 janvier 2024 à 14 h 31",
      "Partager",
      "1 sur 5",
      "Marie Dupont/AFP",
      "Les deux délégations à leur arrivée au département d'État",
      "À lire aussi : Les passages à la frontière baissent en décembre",
      "Abonnez-vous à notre infolettre",
    ],
    names: ["Lucie Martin", "Marie Dupont", "AFP"],
  },
  {
    file: "tests/fixtures/raw/es-debris-capture.txt",
    lang: "es",
    date: { iso: "2025-03-03", precision: "day" },
    debris: [
      "Por Andrea Ruiz Soto",
      "Actualizado el 3 de marzo de 2025, 10:42",
      "Compartir",
      "2 de 6",
      "Julián Ortega/EFE",
      "Funcionarios de ambos países en Palacio Nacional",
      "Lee también: Los cruces fronterizos bajan en febrero",
      "Suscríbete a nuestro boletín",
    ],
    names: ["Andrea Ruiz", "Julián Ortega", "EFE", "Palacio Nacional"],
  },
];

const registry = realRegistry();

/** Nothing the analysis reports comes from a debris line: no sentence, name, date, figure or quote. */
function expectNoDebris(analysis: TextAnalysis, raw: string, debris: string[], names: string[]) {
  const spans = debris.map((line) => {
    const start = raw.indexOf(line);
    expect(start, line).toBeGreaterThanOrEqual(0);
    return [start, start + line.length] as const;
  });
  const inDebris = (at: number) => spans.some(([s, e]) => at >= s && at < e);
  for (const line of debris) {
    for (const sentence of analysis.sentences) expect(sentence).not.toContain(line);
  }
  for (const sentence of analysis.sentences) for (const name of names) expect(sentence).not.toContain(name);
  expect(analysis.candidates.filter((c) => names.some((n) => c.name.includes(n)) || inDebris(c.start))).toEqual([]);
  expect(analysis.dates.filter((d) => inDebris(d.start))).toEqual([]);
  expect(analysis.figures.filter((f) => inDebris(f.start))).toEqual([]);
  expect(analysis.mentions.filter((m) => inDebris(m.start))).toEqual([]);
  expect(analysis.quotes.filter((q) => inDebris(q.start))).toEqual([]);
}

describe("one rule set of page debris", () => {
  for (const capture of CAPTURES) {
    const raw = readFileSync(path.join(REPO, capture.file), "utf8");

    describe(capture.file, () => {
      it("the importer takes out exactly the debris lines", () => {
        const { removed, text } = clean(raw, capture.lang);
        expect(removed.flatMap((r) => r.lines).sort()).toEqual([...capture.debris].sort());
        for (const line of capture.debris) expect(text).not.toContain(line);
      });

      it("the analysis blanks the same lines, and only them, keeping every offset", () => {
        const blanked = blankDebris(raw, capture.lang);
        expect(blanked).toHaveLength(raw.length);
        const rawLines = raw.split("\n");
        const blankedLines = blanked.split("\n");
        const { removed } = clean(raw, capture.lang);
        const taken = new Set(removed.flatMap((r) => r.lines));
        rawLines.forEach((line, i) => {
          if (line.trim() === "") return;
          const verdict = blankedLines[i]?.trim() === "" ? "debris" : blankedLines[i] === line ? "article" : "partly";
          expect({ line, verdict }).toEqual({ line, verdict: taken.has(line.trim()) ? "debris" : "article" });
        });
      });

      it("the analysis reports nothing from a debris line", () => {
        const analysis = analyzeText({ text: raw, lang: capture.lang, date: capture.date }, registry);
        expectNoDebris(analysis, raw, capture.debris, capture.names);
        // The article itself is still read.
        expect(analysis.sentences.length).toBeGreaterThanOrEqual(3);
      });

      it("npm run analyze on the raw file reports nothing from a debris line", () => {
        const child = spawnSync(
          process.execPath,
          ["--import", "tsx", "scripts/analyze.ts", capture.file, "--lang", capture.lang, "--date", capture.date.iso, "--json"],
          { cwd: REPO, encoding: "utf8" },
        );
        expect(child.stderr).toBe("");
        expect(child.status).toBe(0);
        const { analysis } = JSON.parse(child.stdout) as { analysis: TextAnalysis };
        expectNoDebris(analysis, raw, capture.debris, capture.names);

        const text = spawnSync(
          process.execPath,
          ["--import", "tsx", "scripts/analyze.ts", capture.file, "--lang", capture.lang, "--date", capture.date.iso],
          { cwd: REPO, encoding: "utf8" },
        ).stdout;
        for (const name of capture.names) expect(text).not.toContain(name);
        for (const line of capture.debris) expect(text).not.toContain(line);
      });
    });
  }
});

describe("debris blanked in place", () => {
  it("inside a line: the fragment turns to spaces, the sentence keeps its offsets", () => {
    const page = "Le rapport (en anglais) est en ligne [lien].\n";
    const blanked = blankDebris(page, "fr");
    expect(blanked).toBe(`Le rapport${" ".repeat(" (en anglais)".length)} est en ligne${" ".repeat(" [lien]".length)}.\n`);
    expect(clean(page, "fr").text).toBe("Le rapport est en ligne.\n");
  });

  it("a footer in another language: every line of it", () => {
    const article = [
      "Le secrétaire d’État a reçu son homologue mexicaine à Washington pour une réunion de travail.",
      "Les deux pays sont en année électorale et la question migratoire pèse sur la campagne.",
      "Les délégations se retrouveront au printemps pour faire le point sur leurs engagements.",
    ];
    const footer = ["Envíanos tus noticias", "Si tienes una historia que contar, escríbenos y la publicaremos en esta sección del diario."];
    const page = [...article, "", ...footer, ""].join("\n");
    const blanked = blankDebris(page, "fr");
    expect(blanked).toHaveLength(page.length);
    for (const line of article) expect(blanked).toContain(line);
    for (const line of footer) expect(blanked).not.toContain(line);
    expect(clean(page, "fr").paragraphs).toEqual(article);
  });
});
