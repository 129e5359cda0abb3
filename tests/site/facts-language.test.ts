import { cpSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDigest } from "../../src/build-digest.ts";
import type { Page } from "../../src/site/index.ts";
import type { FiguresPage, QuotesPage, TimelinePage } from "../../src/site/overview.ts";
import { copyContent, REPO } from "../helpers/build.ts";

/**
 * Facts of a source in the other language, as each side shows them: through the side's summary
 * when it reports them, the source's words kept as the original. The made-up Spanish article
 * (fixtures/es-source/) joins a copy of the shipped content, whose sources are French, with a
 * made-up French one whose Spanish summary quotes the minister ("…", dijo la secretaria).
 */
const SLUG = "2025-03-12-seguridad-frontera-ficticia";
const FRENCH_SLUG = "2024-02-14-barcena-frontera-ficticia";
let pages: Page[];

beforeAll(async () => {
  const content = copyContent(path.join(REPO, "content"), "facts-content");
  cpSync(path.join(import.meta.dirname, "fixtures/es-source"), path.join(content, "articles"), { recursive: true });
  cpSync(path.join(REPO, "tests/analysis/fixtures/summary-quotes/articles"), path.join(content, "articles"), { recursive: true });
  ({ pages } = (await buildDigest(content, { includeDrafts: false, cacheDir: null })).site);
});

const list = <P extends FiguresPage | QuotesPage | TimelinePage>(kind: P["kind"], lang: string): P["items"][number][] =>
  pages.filter((p): p is P => p.kind === kind && p.lang === lang).flatMap((p): P["items"][number][] => p.items);
const fromFixture = (item: { source: { url: string } }) => item.source.url.includes(SLUG);

describe("figures", () => {
  it("are written for the page's language: value, unit and the summary's sentence", () => {
    const holding = (lang: string, value: number, fixture = true) =>
      list<FiguresPage>("figures", lang).find((g) => (!fixture || fromFixture(g)) && g.figures.some((f) => f.value === value))!;
    const label = (group: FiguresPage["items"][number], value: number) => group.figures.find((f) => f.value === value)!.label;
    const weapons = holding("fr", 4500);
    expect(label(weapons, 4500)).toBe("4\u202f500 armes");
    expect(weapons.sentence).toContain("les autorités mexicaines ont saisi 4 500 armes à feu");
    expect(weapons.original).toEqual({ lang: "es", text: expect.stringContaining("aseguraron 4,500 armas de fuego") });
    const migrants = holding("es", 520000, false);
    expect(label(migrants, 520000)).toBe("520,000 migrantes");
    expect(migrants.original?.lang).toBe("fr");
  });

  it("in the source's own language are the source's sentence, with no original to open", () => {
    const weapons = list<FiguresPage>("figures", "es").find((g) => fromFixture(g) && g.figures.some((f) => f.value === 4500))!;
    expect(weapons.figures.find((f) => f.value === 4500)!.label).toBe("4,500 armas");
    expect(weapons.sentence).toContain("aseguraron 4,500 armas de fuego");
    expect(weapons.original).toBeUndefined();
  });
});

describe("quotes", () => {
  it("are shown as the summary renders them, the original at hand", () => {
    const quotes = list<QuotesPage>("quotes", "fr").filter(fromFixture);
    const fuente = quotes.find((q) => q.speaker?.name === "Juan Ramón de la Fuente")!;
    expect(fuente.text).toMatch(/^Nous allons mesurer chaque trimestre/);
    expect(fuente.original).toEqual({ lang: "es", text: expect.stringMatching(/^Vamos a medir/) });
  });

  it("the summary does not render are only the original, never presented as the page's language", () => {
    const sheinbaum = list<QuotesPage>("quotes", "fr").filter(fromFixture).find((q) => q.speaker?.name === "Claudia Sheinbaum")!;
    expect(sheinbaum.text).toBeNull();
    expect(sheinbaum.original).toEqual({ lang: "es", text: expect.stringMatching(/^México no acepta/) });
  });
});

describe("quotes of a French source", () => {
  it("are shown on the Spanish side as the Spanish summary renders them, read with Spanish speech verbs", () => {
    const barcena = list<QuotesPage>("quotes", "es").find((q) => q.source.url.includes(FRENCH_SLUG))!;
    expect(barcena.speaker?.name).toBe("Alicia Bárcena");
    expect(barcena.text).toMatch(/^Queremos resultados que la población pueda medir/u);
    expect(barcena.original).toEqual({ lang: "fr", text: expect.stringMatching(/^Nous voulons des résultats/u) });
  });
});

describe("events", () => {
  it("are the summary's sentence on that date, or a short label in the page's language", () => {
    const events = list<TimelinePage>("timeline", "fr").filter(fromFixture);
    const meeting = events.find((e) => e.date === "2025-04-10")!;
    expect(meeting.sentence).toBe("Les deux délégations se retrouveront le jeudi 10 avril à Washington.");
    expect(meeting.original).toEqual({ lang: "es", text: expect.stringContaining("jueves 10 de abril") });
    for (const event of list<TimelinePage>("timeline", "es").filter((e) => e.original)) {
      // Never the French sentence itself on the Spanish side.
      expect(event.sentence).not.toBe(event.original!.text);
    }
  });
});
