import { describe, expect, it } from "vitest";
import { blankDebris } from "../../src/text/debris.ts";
import { DEBRIS_RULES } from "../../src/text/debris-rules.ts";

// The hints only spare the search of lines that cannot match: without them, the same debris.
const WITHOUT_HINTS = DEBRIS_RULES.map((rule) => ({ ...rule, inlineHint: undefined }));

const LINES = [
  "Le ministre a présenté le plan à la presse (Photo : Jean Dupont / AFP) devant les élus.",
  "La presidenta habló en Palacio Nacional. Foto: Ana Ruiz/Cuartoscuro",
  "Les deux délégations se retrouveront en mars (avec AFP)",
  "Los cancilleres acordaron una nueva reunión en abril. Con información de EFE",
  "Las autoridades detuvieron a tres personas en la frontera. — Con información de AP y Reuters.",
  "Les migrants attendaient au poste frontière depuis l'aube.Getty Images",
  "El operativo se realizó en la madrugada del lunes.María Fernanda López/Agencia EFE",
  "La reunión con EE.UU. terminó sin acuerdo (Crédito: Secretaría de Relaciones Exteriores)",
  "Imagen: Reuters",
  "la imagen: Reuters muestra el cruce",
  "Selon les chiffres officiels, 12 000 migrants ont été recensés cette année.",
  "La Cancillería anunció con optimismo el acuerdo con Washington, según fuentes de EFE",
  "Le président a parlé avec Reuters et l'AFP lors de sa visite",
  "Los agentes (que pidieron el anonimato) hablaron con Reuters.",
  "photo: Pierre Martin/AFP",
  "Washington y México firmaron el acuerdo.(Europa Press)",
];

describe("inline debris hints", () => {
  it("never keep a line with debris from being searched", () => {
    for (const lang of ["fr", "es"] as const) {
      const page = LINES.join("\n\n");
      expect(blankDebris(page, lang)).toBe(blankDebris(page, lang, WITHOUT_HINTS));
      for (const line of LINES) expect(blankDebris(line, lang), line).toBe(blankDebris(line, lang, WITHOUT_HINTS));
    }
  });

  it("still find the credits of these lines", () => {
    expect(blankDebris(LINES[0] as string, "fr")).not.toContain("Jean Dupont");
    expect(blankDebris(LINES[1] as string, "es")).not.toContain("Cuartoscuro");
    expect(blankDebris(LINES[3] as string, "es")).not.toContain("EFE");
  });
});
