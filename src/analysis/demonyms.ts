import { fold } from "../text/fold.ts";

/**
 * Nationality adjectives, French and Spanish, folded, in the masculine singular; feminine and
 * plural forms are recognised by their endings. "le président colombien", "la canciller
 * venezolana": a role noun followed by one of them is that country's role, not the one a bare
 * noun would resolve to.
 */
const STEMS = `
  americain etatsunien mexicain canadien guatemalteque hondurien salvadorien nicaraguayen costaricien panameen
  cubain haitien dominicain colombien venezuelien equatorien peruvien bolivien chilien argentin bresilien uruguayen
  paraguayen francais espagnol britannique allemand italien portugais russe ukrainien chinois japonais coreen indien
  israelien iranien turc europeen belize belizien jamaicain
  estadounidense norteamericano mexicano canadiense guatemalteco hondureno salvadoreno nicaraguense costarricense
  panameno cubano haitiano dominicano colombiano venezolano ecuatoriano peruano boliviano chileno argentino brasileno
  uruguayo paraguayo frances espanol britanico aleman italiano portugues ruso ucraniano chino japones coreano indio
  israeli irani turco europeo beliceno jamaiquino
`.trim().split(/\s+/u);

const ENDINGS = ["", "e", "s", "es", "ne", "nes", "a", "as", "os", "ienne", "iennes"];

/** The registry's country for an adjective, where the registry has one: "les autorités mexicaines" speak for Mexico. */
const COUNTRIES: ReadonlyMap<string, string> = new Map(Object.entries<string>({
  americain: "united-states", etatsunien: "united-states", estadounidense: "united-states", norteamericano: "united-states",
  mexicain: "mexico", mexicano: "mexico", canadien: "canada", canadiense: "canada",
  guatemalteque: "guatemala", guatemalteco: "guatemala", hondurien: "honduras", hondureno: "honduras",
  salvadorien: "el-salvador", salvadoreno: "el-salvador", nicaraguayen: "nicaragua", nicaraguense: "nicaragua",
  panameen: "panama", panameno: "panama", cubain: "cuba", cubano: "cuba", haitien: "haiti", haitiano: "haiti",
  colombien: "colombia", colombiano: "colombia", venezuelien: "venezuela", venezolano: "venezuela",
  russe: "russia", ruso: "russia", ukrainien: "ukraine", ucraniano: "ukraine",
}));

const FORMS = new Map(STEMS.flatMap((stem) => {
  // Spanish -o adjectives change their last letter: mexicano, mexicana, mexicanos.
  const base = stem.endsWith("o") ? stem.slice(0, -1) : stem;
  return ENDINGS.map((ending) => [base + ending, stem] as const).concat([[stem, stem]]);
}));

/** Whether a word is a nationality adjective: "colombienne", "venezolanos", "estadounidense". */
export function isDemonym(word: string): boolean {
  return FORMS.has(fold(word));
}

/** The id of the country an adjective names, if the registry is likely to have it: "mexicaines" → mexico. */
export function countryOfDemonym(word: string): string | undefined {
  const stem = FORMS.get(fold(word));
  return stem === undefined ? undefined : COUNTRIES.get(stem);
}
