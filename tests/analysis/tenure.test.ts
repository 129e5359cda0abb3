import { describe, expect, it } from "vitest";
import { analyzeText } from "../../src/analysis/analyze.ts";
import { rolesHeldOn } from "../../src/analysis/tenure.ts";
import type { PublicationDate } from "../../src/content/schemas.ts";
import { rolesAt } from "../../src/site/names.ts";
import { realRegistry } from "./support.ts";

/** The analysis and the actor pages answer "who held the role on this date" the same way. */
const registry = realRegistry();
const secretary = (date: PublicationDate) =>
  analyzeText({ text: "Le secrétaire d'État américain est arrivé.", lang: "fr", date }, registry).actors.map((a) => a.actorId);
const onPage = (id: string, date: PublicationDate) => {
  const actor = registry.actors.get(id);
  if (!actor) throw new Error(id);
  return rolesAt(registry, actor, date, "fr");
};

describe("roles held on a date", () => {
  it("include both ends of a tenure, and only them", () => {
    const roles = [{ role: "r", from: "2021-01-26", to: "2025-01-20" }];
    expect(rolesHeldOn(roles, { iso: "2021-01-26", precision: "day" })).toHaveLength(1);
    expect(rolesHeldOn(roles, { iso: "2025-01-20", precision: "day" })).toHaveLength(1);
    expect(rolesHeldOn(roles, { iso: "2025-01-21", precision: "day" })).toEqual([]);
    expect(rolesHeldOn([{ role: "r", from: "2025-01-21" }], { iso: "2030-01-01", precision: "day" })).toHaveLength(1);
  });

  it("read a month-only date as the middle of the month", () => {
    expect(rolesHeldOn([{ role: "r", from: "2025-01-21" }], { iso: "2025-01", precision: "month" })).toEqual([]);
    expect(rolesHeldOn([{ role: "r", from: "2025-01-10" }], { iso: "2025-01", precision: "month" })).toHaveLength(1);
  });

  it("give the same holder to a role phrase in a text and to the actor's page", () => {
    for (const [iso, holder, other] of [
      ["2025-01-20", "antony-blinken", "marco-rubio"],
      ["2025-01-21", "marco-rubio", "antony-blinken"],
    ] as const) {
      const date: PublicationDate = { iso, precision: "day" };
      expect(secretary(date)).toEqual([holder]);
      expect(onPage(holder, date)).not.toEqual([]);
      expect(onPage(other, date)).toEqual([]);
    }
  });
});
