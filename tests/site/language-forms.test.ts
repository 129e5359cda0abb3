import path from "node:path";
import { describe, expect, it } from "vitest";
import { actorSchema, buildRegistry, loadRegistry, roleSchema } from "../../src/analysis/registry.ts";
import { dayLabel } from "../../src/calendar.ts";
import { t } from "../../src/i18n/index.ts";
import { typeset, typesetHtml } from "../../src/i18n/typography.ts";
import { agreementContext, roleHistory, rolesAt } from "../../src/site/names.ts";
import { REPO } from "../helpers/build.ts";

/** Language as a reader expects it: women's roles, agreement, plurals, the first of the month. */

const role = roleSchema.parse({
  id: "ficticia-presidency",
  name: { fr: "président de la Fédération", es: "presidente de la Federación" },
  feminine: { fr: "présidente de la Fédération", es: "presidenta de la Federación" },
  phrases: { fr: { any: ["président de la Fédération"] } },
});
const woman = actorSchema.parse({
  id: "ana-ruiz",
  kind: "person",
  gender: "f",
  name: { fr: "Ana Ruiz", es: "Ana Ruiz" },
  description: { fr: "Femme politique", es: "Política" },
  roles: [{ role: role.id, from: "2020-01-01", to: "2023-12-31" }],
});
const man = actorSchema.parse({
  id: "luis-paz",
  kind: "person",
  gender: "m",
  name: { fr: "Luis Paz", es: "Luis Paz" },
  description: { fr: "Homme politique", es: "Político" },
  roles: [{ role: role.id, from: "2024-01-01" }],
});
const house = actorSchema.parse({
  id: "casa-ficticia",
  kind: "institution",
  name: { fr: "Maison-Rose", es: "Casa Rosa" },
  agreement: { fr: "f", es: "f" },
  description: { fr: "Une présidence", es: "Una presidencia" },
});
const states = actorSchema.parse({
  id: "estados-ficticios",
  kind: "country",
  name: { fr: "États-Fédérés", es: "Estados Federados" },
  agreement: { fr: "m-plural" },
  description: { fr: "Un pays", es: "Un país" },
});
const registry = buildRegistry([woman, man, house, states], [role], []);
const day = (iso: string) => ({ iso, precision: "day" as const });

describe("roles", () => {
  it("are feminine for a woman holding them, masculine for the man who holds them after her", () => {
    expect(rolesAt(registry, woman, day("2022-05-10"), "fr")).toEqual(["présidente de la Fédération"]);
    expect(rolesAt(registry, woman, day("2022-05-10"), "es")).toEqual(["presidenta de la Federación"]);
    expect(rolesAt(registry, woman, day("2024-05-10"), "es")).toEqual([]);
    expect(rolesAt(registry, man, day("2024-05-10"), "fr")).toEqual(["président de la Fédération"]);
    expect(rolesAt(registry, man, day("2024-05-10"), "es")).toEqual(["presidente de la Federación"]);
    expect(roleHistory(registry, woman, "es").map((r) => r.name)).toEqual(["presidenta de la Federación"]);
  });

  it("keep their name for a woman when the registry gives no feminine form", () => {
    const plain = roleSchema.parse({ ...role, feminine: undefined });
    expect(rolesAt(buildRegistry([woman], [plain], []), woman, day("2022-05-10"), "fr")).toEqual(["président de la Fédération"]);
  });

  it("refuse a feminine form given in one language only", () => {
    expect(roleSchema.safeParse({ ...role, feminine: { fr: "présidente" } }).success).toBe(false);
    expect(actorSchema.safeParse({ ...house, agreement: { fr: "feminine" } }).success).toBe(false);
  });

  it("shipped in the registry are feminine for the women who hold them", () => {
    const { registry: shipped, problems } = loadRegistry(path.join(REPO, "content"));
    expect(problems).toEqual([]);
    const sheinbaum = shipped.actors.get("claudia-sheinbaum")!;
    expect(rolesAt(shipped, sheinbaum, day("2025-03-12"), "fr")).toEqual(["présidente du Mexique"]);
    expect(rolesAt(shipped, sheinbaum, day("2025-03-12"), "es")).toEqual(["presidenta de México"]);
    const barcena = shipped.actors.get("alicia-barcena")!;
    expect(rolesAt(shipped, barcena, day("2024-01-19"), "es")).toEqual(["secretaria de Relaciones Exteriores de México"]);
  });
});

describe("agreement and plurals", () => {
  const cited = (actor: typeof woman, lang: "fr" | "es", count: number) =>
    t(lang, "subjects.actors.count", { count, context: agreementContext(actor, lang) });

  it("agree with the actor: a woman, a feminine institution, a plural country", () => {
    expect(cited(woman, "fr", 2)).toBe("citée dans 2 articles");
    expect(cited(woman, "es", 2)).toBe("citada en 2 artículos");
    expect(cited(man, "fr", 1)).toBe("cité dans 1 article");
    expect(cited(house, "fr", 3)).toBe("citée dans 3 articles");
    expect(cited(house, "es", 1)).toBe("citada en 1 artículo");
    expect(cited(states, "fr", 2)).toBe("cités dans 2 articles");
    // No agreement given for Spanish: masculine singular.
    expect(cited(states, "es", 2)).toBe("citado en 2 artículos");
  });

  it("follow each language's plural rule for 0, 1 and n", () => {
    const mentions = (lang: "fr" | "es", count: number) => t(lang, "subjects.actor.mentions", { count });
    expect([0, 1, 2].map((n) => mentions("fr", n))).toEqual(["0 mention", "1 mention", "2 mentions"]);
    expect([0, 1, 2].map((n) => mentions("es", n))).toEqual(["0 menciones", "1 mención", "2 menciones"]);
    const summary = (lang: "fr" | "es", count: number, m: number) =>
      t(lang, "subjects.actor.summary", { count, context: agreementContext(woman, lang), mentions: mentions(lang, m) });
    expect(summary("fr", 1, 1)).toBe("Citée dans 1 article (1 mention).");
    expect(summary("es", 2, 5)).toBe("Citada en 2 artículos (5 menciones).");
  });
});

describe("dates", () => {
  it("write a period from day to day, the French first of the month as 1er", () => {
    const period = (lang: "fr" | "es") => t(lang, "briefing.period", { from: dayLabel("2025-10-01", lang), to: dayLabel("2026-01-16", lang) });
    expect(period("fr")).toBe("du 1er octobre 2025 au 16 janvier 2026");
    expect(period("es")).toBe("del 1 de octubre de 2025 al 16 de enero de 2026");
  });

  it("write the first of the month as an ordinal in French only", () => {
    expect(dayLabel("2024-10-01", "fr")).toBe("1er octobre 2024");
    expect(dayLabel("2024-10-02", "fr")).toBe("2 octobre 2024");
    expect(dayLabel("2024-10-01", "es")).toBe("1 de octubre de 2024");
  });
});

describe("French typography", () => {
  const N = "\u202f";
  it("puts a narrow no-break space inside « » and before ; : ! ?, whatever space was typed", () => {
    expect(typeset("Immigration : les «œuvrer ensemble» ; vraiment ? oui!", "fr")).toBe(
      `Immigration${N}: les «${N}œuvrer ensemble${N}»${N}; vraiment${N}? oui${N}!`,
    );
    expect(typeset(`« déjà${N}» `, "fr")).toBe(`«${N}déjà${N}» `);
  });

  it("leaves times, addresses, entities and Spanish alone", () => {
    expect(typeset("à 14:00, https://example.org/?q=1 &amp; AT&T", "fr")).toBe("à 14:00, https://example.org/?q=1 &amp; AT&T");
    expect(typeset("¿Qué dijo? «Nada»: eso.", "es")).toBe("¿Qué dijo? «Nada»: eso.");
  });

  it("touches only the text of HTML, never its tags", () => {
    expect(typesetHtml('<p title="a:b">Il dit : <a href="https://x.org/?a=1">« oui »</a></p>', "fr")).toBe(
      `<p title="a:b">Il dit${N}: <a href="https://x.org/?a=1">«${N}oui${N}»</a></p>`,
    );
  });

  it("is in the interface strings", () => {
    expect(t("fr", "subjects.actor.roleAtDate", { roles: "x" })).toBe(`À cette date${N}: x`);
  });
});

describe("figure units", () => {
  it("have a form for every plural category a value can take in each language", () => {
    for (const lang of ["fr", "es"] as const) {
      for (const count of [0, 1, 1.5, 2, 1_000_000, 2_400_000, 1e9]) {
        expect(() => t(lang, "facts.units.migrants", { count, value: String(count) })).not.toThrow();
        expect(() => t(lang, "facts.units.USD", { count, value: String(count) })).not.toThrow();
      }
    }
    expect(t("es", "facts.units.migrants", { count: 2_400_000, value: "2,400,000" })).toBe("2,400,000 migrantes");
    expect(t("fr", "facts.units.t", { count: 1, value: "1" })).toBe("1 tonne");
  });
});
