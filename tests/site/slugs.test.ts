import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { buildRegistry, loadRegistry, topicSchema } from "../../src/analysis/registry.ts";
import { subjectSlug } from "../../src/site/slugs.ts";
import { REPO, readPage } from "../helpers/build.ts";
import { SHARED_SITE_URL, sharedSite } from "../helpers/shared-sites.ts";

/** Topics and actors live at their name in the page's language, and everything that links to them follows. */
let output: string;

beforeAll(async () => {
  output = await sharedSite("real");
});

const PAIRS = [
  { fr: "/fr/sujets/migration/", es: "/es/temas/migracion/", feeds: { fr: "/fr/flux/sujets/migration.atom.xml", es: "/es/canales/temas/migracion.atom.xml" } },
  { fr: "/fr/acteurs/maison-blanche/", es: "/es/actores/casa-blanca/", feeds: { fr: "/fr/flux/acteurs/maison-blanche.atom.xml", es: "/es/canales/actores/casa-blanca.atom.xml" } },
] as const;

describe.each(PAIRS)("the pages $fr and $es", (pair) => {
  it("exist, and the registry's English ids are no address", () => {
    for (const lang of ["fr", "es"] as const) expect(existsSync(path.join(output, pair[lang], "index.html"))).toBe(true);
    expect(existsSync(path.join(output, "es/temas/migration"))).toBe(false);
    expect(existsSync(path.join(output, "fr/acteurs/white-house"))).toBe(false);
  });

  it("lead to each other through the switcher and hreflang, and announce their own feeds", () => {
    for (const [lang, other] of [["fr", "es"], ["es", "fr"]] as const) {
      const $ = load(readPage(output, pair[lang]));
      expect($("a.language-switch").attr("href")).toBe(pair[other]);
      expect($(`link[rel="alternate"][hreflang="${other}"]`).attr("href")).toBe(`${SHARED_SITE_URL}${pair[other]}`);
      expect($('link[rel="canonical"]').attr("href")).toBe(`${SHARED_SITE_URL}${pair[lang]}`);
      const feed = $('link[rel="alternate"][type="application/atom+xml"]').last().attr("href");
      expect(feed).toBe(`${SHARED_SITE_URL}${pair.feeds[lang]}`);
      expect(existsSync(path.join(output, pair.feeds[lang]))).toBe(true);
    }
  });

  it("are in the sitemap with each other as alternates", () => {
    const sitemap = readFileSync(path.join(output, "sitemap.xml"), "utf8");
    expect(sitemap).toContain(`<loc>${SHARED_SITE_URL}${pair.es}</loc>`);
    expect(sitemap).toContain(`hreflang="fr" href="${SHARED_SITE_URL}${pair.fr}"`);
  });
});

describe("slugs", () => {
  it("fold the name in each language", () => {
    const { registry } = loadRegistry(path.join(REPO, "content"));
    expect(subjectSlug(registry, "topic", "human-smuggling", "es")).toBe("trafico-de-migrantes-y-trata-de-personas");
    expect(subjectSlug(registry, "actor", "united-states", "fr")).toBe("etats-unis");
  });

  it("keep the id when two names fold alike, or when a name folds to another entry's id", () => {
    const topic = (id: string, fr: string, es: string) =>
      topicSchema.parse({ id, name: { fr, es }, description: { fr: "d", es: "d" }, terms: { fr: ["x"], es: ["x"] } });
    const registry = buildRegistry([], [], [topic("aa", "Sécurité", "Seguridad"), topic("bb", "securite", "Frontera"), topic("cc", "Aa", "Otro")]);
    expect(["aa", "bb", "cc"].map((id) => subjectSlug(registry, "topic", id, "fr"))).toEqual(["aa", "bb", "cc"]);
    expect(["aa", "bb", "cc"].map((id) => subjectSlug(registry, "topic", id, "es"))).toEqual(["seguridad", "frontera", "otro"]);
  });
});

describe("lists of names", () => {
  it("follow the order of names in the language, accents and case aside", () => {
    const $ = load(readPage(output, "/es/actores/"));
    for (const group of $("section").toArray()) {
      const items = $(group).find(".subject-index > li").toArray().map((li) => ({
        name: $(li).children("a").text(),
        count: Number(/\d+/.exec($(li).children(".count").text())![0]),
      }));
      const sorted = [...items].sort((a, b) => b.count - a.count || new Intl.Collator("es-MX", { sensitivity: "base" }).compare(a.name, b.name));
      expect(items).toEqual(sorted);
    }
  });
});
