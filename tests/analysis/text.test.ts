import { describe, expect, it } from "vitest";
import { analyzeText } from "../../src/analysis/analyze.ts";
import { findFigures } from "../../src/analysis/figures.ts";
import { splitSentences } from "../../src/analysis/sentences.ts";
import type { PublicationDate } from "../../src/content/schemas.ts";
import type { Lang } from "../../src/languages.ts";
import { realRegistry } from "./support.ts";

const registry = realRegistry();
const day = (iso: string): PublicationDate => ({ iso, precision: "day" });
const actorsIn = (text: string, lang: Lang = "fr", date = day("2024-01-19")) =>
  analyzeText({ text, lang, date }, registry).actors.map((a) => a.actorId).sort();
const mentionsIn = (text: string, lang: Lang = "fr", date = day("2024-01-19")) =>
  analyzeText({ text, lang, date }, registry).mentions.map((m) => [m.text, m.actorId]);

describe("mentions", () => {
  it("ignore case and accents, on Unicode word boundaries", () => {
    expect(actorsIn("lopez obrador et LÓPEZ OBRADOR ont parlé.")).toEqual(["andres-manuel-lopez-obrador"]);
    expect(actorsIn("Le Méxique et les etats-unis.")).toEqual(["mexico", "united-states"]);
    // "Mexique" inside a longer word is not Mexico; "Biden" inside "Bidenomics" is not Biden.
    expect(actorsIn("Les Mexiquenses parlent de Bidenomics.")).toEqual([]);
  });

  it("recognise aliases and misspellings", () => {
    expect(actorsIn("Anthony Blinken a reçu Alicia Barcena et Liz Sherwood Randall.")).toEqual([
      "alicia-barcena", "antony-blinken", "liz-sherwood-randall",
    ]);
    expect(actorsIn("AMLO y @lopezobrador_ viajaron a EE. UU.", "es")).toEqual(["andres-manuel-lopez-obrador", "united-states"]);
    // Capitals-only aliases match capitals only: "eu" is not the United States.
    expect(actorsIn("eu, cia y amlo en minúsculas", "es")).toEqual([]);
  });

  it("see through elisions and possessives", () => {
    expect(mentionsIn("La visite d'Antony Blinken et l'ambassade du Mexique aux États-Unis.")).toEqual([
      ["Antony Blinken", "antony-blinken"],
      ["ambassade du Mexique aux États-Unis", "mexico-embassy-us"],
    ]);
    expect(actorsIn("Blinken’s visit and Sheinbaum's answer.", "fr")).toEqual(["antony-blinken", "claudia-sheinbaum"]);
  });

  it("take display names in their own language only: Mexico in French is the city", () => {
    expect(actorsIn("Il s'est rendu à Mexico.")).toEqual([]);
    expect(actorsIn("Viajó a México.", "es")).toEqual(["mexico"]);
  });

  it("resolve short forms after a full mention or an honorific, never a common word", () => {
    expect(mentionsIn("Marco Rubio a appelé. Rubio a insisté.", "fr", day("2025-06-01")).map((m) => m[1])).toEqual(["marco-rubio", "marco-rubio"]);
    expect(actorsIn("Rubio a insisté.", "fr", day("2025-06-01"))).toEqual([]);
    expect(actorsIn("Un hombre rubio y Marco Rubio.", "es", day("2025-06-01"))).toEqual(["marco-rubio"]);
    expect(mentionsIn("Kamala Harris est arrivée. Mme Harris a parlé.", "fr", day("2021-06-08"))).toEqual([
      ["Kamala Harris", "kamala-harris"], ["Harris", "kamala-harris"],
    ]);
  });

  it("resolve role phrases by the article's date", () => {
    const president = (iso: string, text = "Le président mexicain a parlé.") => actorsIn(text, "fr", day(iso)).filter((a) => a !== "mexico");
    expect(president("2022-12-27")).toEqual(["andres-manuel-lopez-obrador"]);
    expect(president("2025-02-01", "La présidente mexicaine a parlé.")).toEqual(["claudia-sheinbaum"]);
    expect(actorsIn("El mandatario mexicano habló.", "es", day("2023-05-01"))).toEqual(["andres-manuel-lopez-obrador"]);
    expect(actorsIn("Le secrétaire d'État américain est arrivé.", "fr", day("2024-01-19"))).toEqual(["antony-blinken"]);
    expect(actorsIn("Le secrétaire d'État américain est arrivé.", "fr", day("2025-06-01"))).toEqual(["marco-rubio"]);
    // Before anyone in the registry held the role, nobody is named.
    expect(actorsIn("Le secrétaire d'État américain est arrivé.", "fr", day("2019-06-01"))).toEqual([]);
  });

  it("resolve a bare role noun only from context or when unambiguous", () => {
    // Two presidents hold office; "la présidente" is the woman the article names.
    expect(mentionsIn("Claudia Sheinbaum et Donald Trump ont parlé. La présidente a insisté.", "fr", day("2026-01-16")).map((m) => m[1]))
      .toEqual(["claudia-sheinbaum", "donald-trump", "claudia-sheinbaum"]);
    // "le président" with nobody named: Mexico, the US and Guatemala each have one.
    expect(actorsIn("Le président a insisté.", "fr", day("2026-01-16"))).toEqual([]);
    // "la vice-présidente": one role uses the noun, one person held it.
    expect(actorsIn("La vice-présidente a annoncé un plan.", "fr", day("2021-06-08"))).toEqual(["kamala-harris"]);
    // A former holder is not the holder: "l'ancien président Donald Trump" names Trump, not Biden.
    expect(actorsIn("L'ancien président Donald Trump a parlé.", "fr", day("2024-01-19"))).toEqual(["donald-trump"]);
  });

  it("report capitalized names the registry lacks, not sentence-initial words", () => {
    const { candidates } = analyzeText({ text: "Selon Roberto Velasco Álvarez, la réunion aura lieu. Des migrants sont arrivés.", lang: "fr", date: day("2026-02-01") }, registry);
    expect(candidates.map((c) => c.name)).toEqual(["Roberto Velasco Álvarez"]);
  });
});

describe("sentences", () => {
  it("do not end at abbreviations or initials", () => {
    const text = "M. Blinken est arrivé aux É.-U. hier. La Sra. Bárcena viajó a EE. UU. El lunes habló. « C'est fini. » Puis il partit.";
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      "M. Blinken est arrivé aux É.-U. hier.",
      "La Sra. Bárcena viajó a EE. UU.",
      "El lunes habló.",
      "« C'est fini. »",
      "Puis il partit.",
    ]);
  });
});

describe("figures", () => {
  const figures = (text: string, lang: Lang = "fr") => findFigures(text, splitSentences(text), lang).map((f) => [f.value, f.unit]);

  it("read French and Spanish notations", () => {
    expect(figures("520 000 migrants, 2,4 millions de migrants, 3000 km, 25 %, 50 pour cent, 320 tonnes, 4 milliards de dollars")).toEqual([
      [520000, "migrants"], [2400000, "migrants"], [3000, "km"], [25, "percent"], [50, "percent"], [320, "t"], [4e9, "USD"],
    ]);
    expect(figures("10.000 soldados, 1.200 armas de fuego, 250 millones de dólares, 2,4 millones de migrantes, 40 por ciento, 10,000 efectivos, 3.000 kilómetros", "es")).toEqual([
      [10000, "soldiers"], [1200, "weapons"], [2.5e8, "USD"], [2400000, "migrants"], [40, "percent"], [10000, "soldiers"], [3000, "km"],
    ]);
  });

  it("read a comma as French reads it: a decimal mark, never a thousands separator", () => {
    expect(figures("un budget de 9,675 milliards de dollars et 1,5 million de doses")).toEqual([[9.675e9, "USD"], [1.5e6, "doses"]]);
    expect(figures("un presupuesto de 9,675 millones de pesos y 1,5 millones de dosis", "es")).toEqual([[9.675e9, "MXN"], [1.5e6, "dosis"]]);
  });

  it("read Mexican thousands written with mil between groups as one number", () => {
    expect(figures("Se registraron 76 mil 103 migrantes, 3 mil 512 elementos y 5 mil 124 millones de dólares; en total, 40 mil personas.", "es")).toEqual([
      [76103, "migrants"], [3512, "soldiers"], [5.124e9, "USD"], [40000, "people"],
    ]);
  });

  it("name the counted noun in the singular, in either language", () => {
    expect(figures("Llegaron 1,250 servidores, 4.094 deportados, 12 mujeres, 30 ciudades y 8 calles.", "es")).toEqual([
      [1250, "servidor"], [4094, "deportations"], [12, "mujer"], [30, "ciudad"], [8, "calle"],
    ]);
    expect(figures("On compte 53 tués, 6 000 éléments de la Garde nationale et 40 journaux.")).toEqual([[53, "deaths"], [6000, "soldiers"], [40, "journal"]]);
  });

  it("leave out ages and durations: how long is not how many", () => {
    expect(figures("Le suspect, 72 ans, a été arrêté après 90 jours d'enquête ; ils étaient arrivés ces dernières 24 heures, il y a 3 semaines, pour 2 mois, depuis 1 an.")).toEqual([]);
    expect(figures("Hace 40 años, cada 15 días, durante 2 minutos, un hombre de 35 años, en 3 meses, al cabo de 10 horas.", "es")).toEqual([]);
  });

  it("leave out days of dates written with an abbreviated month, and verbs after a number", () => {
    expect(figures("Ciudad de México, 8 ene. (EFE). De ellos, 325 fueron liberados el 28 ene", "es")).toEqual([[325, "count"]]);
    expect(figures("Paris, 3 janv. (AFP) — le 12 sept dernier")).toEqual([]);
  });

  it("skip years, dates, article numbers, times and ordinals", () => {
    expect(figures("En 2023, le 27 décembre, les 9 et 10 janvier, le Title 42, le titre 42, l'artículo 3, à 10 h 30, à 14:00, au XXIe siècle, au 2e tour, le 1er mars, June 8, 2021, el 3 de septiembre")).toEqual([]);
  });
});

describe("quotes", () => {
  const quotes = (text: string, lang: Lang = "fr", date = day("2024-01-19")) =>
    analyzeText({ text, lang, date }, registry).quotes.map((q) => [q.text.slice(0, 20), q.speaker, q.attribution]);

  it("span sentences and continue in the next quote of the paragraph", () => {
    expect(quotes("« Nous avons fait de grands progrès. Nous sommes impatients de continuer », a déclaré Antony Blinken. « Le travail continue ensemble. »")).toEqual([
      ["Nous avons fait de g", "antony-blinken", "after"],
      ["Le travail continue ", "antony-blinken", "continuation"],
    ]);
  });

  it("follow pronouns to the last person quoted", () => {
    expect(quotes("Antony Blinken a dit que « la migration est un défi commun ». Joe Biden « veut travailler avec le Mexique sur ce sujet », a-t-il ajouté.")).toEqual([
      ["la migration est un ", "antony-blinken", "before"],
      ["veut travailler avec", "antony-blinken", "pronoun"],
    ]);
  });

  it("keep anonymous and institutional speakers apart, and drop scare quotes", () => {
    expect(quotes("Ils veulent « œuvrer ensemble ». « Les flux sont dynamiques et changent vite », a indiqué un haut responsable. Selon la Maison-Blanche, la réunion marque « un nouveau chapitre de la relation ».")).toEqual([
      ["Les flux sont dynami", null, "after"],
      ["un nouveau chapitre ", "white-house", "according-to"],
    ]);
  });

  it("read Spanish quotation marks and verbs", () => {
    expect(quotes("“Vamos a trabajar juntos en la frontera”, afirmó Claudia Sheinbaum. \"Es un paso importante para ambos\", dijo Marco Rubio.", "es", day("2025-06-01"))).toEqual([
      ["Vamos a trabajar jun", "claudia-sheinbaum", "after"],
      ["Es un paso important", "marco-rubio", "after"],
    ]);
  });
});

describe("dates", () => {
  const dates = (text: string, lang: Lang, date: PublicationDate) =>
    analyzeText({ text, lang, date }, registry).dates.map((d) => [d.phrase, d.date, d.until ?? null, d.uncertain]);

  it("resolve against the publication date, with the verb's tense for weekdays and months", () => {
    expect(dates("Joe Biden se rendra au Mexique en janvier, a annoncé mardi la Maison-Blanche. Le sommet aura lieu les 9 et 10 janvier. La mesure était censée expirer mercredi. Il l'avait reçu en juillet.", "fr", day("2022-12-27"))).toEqual([
      ["janvier", "2023-01", null, false],
      ["mardi", "2022-12-27", null, false],
      ["9 et 10 janvier", "2023-01-09", "2023-01-10", false],
      ["mercredi", "2022-12-28", null, false],
      ["juillet", "2022-07", null, false],
    ]);
    expect(dates("M. Blinken s'était rendu le 27 décembre à Mexico.", "fr", day("2024-01-19"))).toEqual([["27 décembre", "2023-12-27", null, false]]);
  });

  it("keep day-dependent resolutions to the month when only the month of publication is known", () => {
    expect(dates("Une délégation se rendra au Mexique vendredi prochain. Le 9 septembre, ils ont repris le dialogue.", "fr", { iso: "2021-10", precision: "month" })).toEqual([
      ["vendredi prochain", "2021-10", null, true],
      ["9 septembre", "2021-09-09", null, false],
    ]);
  });

  it("read Spanish dates, a weekday fixing the year", () => {
    expect(dates("La próxima reunión se celebrará el próximo miércoles 3 de septiembre en Washington.", "es", day("2025-03-04"))).toEqual([
      ["próximo miércoles 3 de septiembre", "2025-09-03", null, false],
    ]);
  });
});
