import { describe, expect, it } from "vitest";
import { analyzeArticle, analyzeText } from "../../src/analysis/analyze.ts";
import { buildRegistry, type Registry, type Topic } from "../../src/analysis/registry.ts";
import { matchTopics, suggestTopics, type TopicSignal } from "../../src/analysis/topics.ts";
import { publicationDateSchema } from "../../src/content/schemas.ts";
import { tokenize } from "../../src/analysis/tokens.ts";
import type { Lang } from "../../src/languages.ts";
import { realArticles, realRegistry, score } from "./support.ts";

/**
 * Topic suggestions on made-up texts, each reproducing one pattern of real coverage: the forms of
 * a term (plural, gender, elision, articles), where the term stands (title, lede, body), a term
 * said to be absent, words the stemmer would confuse with a term, and the subjects the registry
 * gained from the survey (trade, remittances, deportations, extraditions, water, energy).
 */
const real = realRegistry();
const date = publicationDateSchema.parse("2025-03-04");

function topic(id: string, fr: string[], es: string[]): Topic {
  return { id, name: { fr: id, es: id }, description: { fr: id, es: id }, terms: { fr, es } };
}

function signals(text: string, lang: Lang, registry: Registry = real, title?: string): TopicSignal[] {
  return matchTopics({ text, tokens: tokenize(text), lang, title }, registry);
}

function suggested(text: string, lang: Lang, registry: Registry = real, title?: string): string[] {
  return suggestTopics(signals(text, lang, registry, title), []).map((s) => s.topicId);
}

/** Filler body paragraph with no topic term: puts what follows out of the lede. */
const FILLER = {
  fr: "Le texte a été rendu public en fin de journée par les services de la présidence, qui ont également diffusé une série de photographies officielles.",
  es: "El texto se dio a conocer al final del día por las oficinas de la presidencia, que también difundieron una serie de fotografías oficiales del acto.",
};
const body = (lang: Lang, ...paragraphs: string[]) => [FILLER[lang], ...paragraphs].join("\n\n");

describe("topic terms match on stems", () => {
  const registry = buildRegistry(
    [],
    [],
    [
      topic("security-cooperation", ["accords de sécurité"], ["acuerdos de seguridad"]),
      topic("border-security", ["passage frontalier"], ["cruce fronterizo"]),
      topic("arms-trafficking", ["trafic d’armes", "armes"], ["tráfico de armas", "armas"]),
      topic("energy", ["CFE"], ["CFE"]),
      topic("migration", ["migra*"], ["migra*"]),
    ],
  );
  const terms = (text: string, lang: Lang) => signals(text, lang, registry).flatMap((s) => s.terms);

  it("singular and plural, masculine and feminine are one term", () => {
    expect(terms("Ambos gobiernos firmaron un acuerdo de seguridad en marzo.", "es")).toEqual(["acuerdo de seguridad"]);
    expect(terms("Les passages frontaliers ont été fermés.", "fr")).toEqual(["passages frontaliers"]);
    expect(terms("Cerraron los cruces fronterizos del norte.", "es")).toEqual(["cruces fronterizos"]);
  });

  it("an elided or contracted article, or another one, does not change the term", () => {
    expect(terms("Le trafic d'armes vers le sud a doublé.", "fr")).toEqual(["trafic d'armes"]);
    expect(terms("Le trafic des armes vers le sud a doublé.", "fr")).toEqual(["trafic des armes"]);
    expect(terms("L’accord sur la sécurité a été signé.", "fr")).toEqual(["accord sur la sécurité"]);
  });

  it("a text typed without accents meets the terms that have them", () => {
    expect(terms("Les passages frontaliers ; le PASSAGE FRONTALIER.", "fr")).toEqual(["passages frontaliers", "PASSAGE FRONTALIER"]);
    expect(suggested(body("fr", "La securite a la frontiere et les frontieres du nord."), "fr")).toContain("border-security");
    expect(suggested(body("es", "La soberania y la politica de energia, la energia del pais."), "es")).toEqual(expect.arrayContaining(["energy"]));
    // Without its accents "armés" would read "armes": it keeps a key of its own.
    expect(terms("Des hommes armés.", "fr")).toEqual([]);
  });

  it("a term does not run across punctuation", () => {
    expect(terms("On parla du trafic. Des armes furent montrées.", "fr")).toEqual(["armes"]);
  });

  it("a second noun after “et” or “y” shares the first one's head", () => {
    const coordinated = buildRegistry([], [], [topic("drugs", ["trafic de drogue"], ["tráfico de drogas"]), topic("smuggling", ["trafic de migrants"], ["tráfico de personas"])]);
    const ids = (text: string, lang: Lang) => signals(text, lang, coordinated).map((s) => s.topicId).sort();
    expect(ids("Ils sont accusés de trafic de drogue et de migrants.", "fr")).toEqual(["drugs", "smuggling"]);
    expect(ids("Acusados de tráfico de drogas y de personas.", "es")).toEqual(["drugs", "smuggling"]);
    expect(ids("Le trafic de drogue. Et des migrants.", "fr")).toEqual(["drugs"]);
    // Nor do two nouns joined by a conjunction make one term.
    expect(ids("Le trafic et la drogue.", "fr")).toEqual([]);
  });

  it("the longest term wins, once", () => {
    const found = signals("Le trafic d’armes inquiète.", "fr", registry);
    expect(found).toEqual([expect.objectContaining({ topicId: "arms-trafficking", count: 1, terms: ["trafic d’armes"] })]);
  });

  it("a term in capitals matches capitals only; a prefix term matches the words it starts", () => {
    expect(terms("La CFE et le ministère.", "fr")).toEqual(["CFE"]);
    expect(terms("Une cfe quelconque.", "fr")).toEqual([]);
    expect(terms("La politique migratoire et les migrants.", "fr")).toEqual(["migratoire", "migrants"]);
  });

  it("words the stemmer cuts like a term but that mean something else do not match it", () => {
    expect(terms("L’armée mexicaine et des hommes armés ont patrouillé.", "fr")).toEqual([]);
    expect(suggested("Es importante y muy importante: la reunión se encuentra en pausa.", "es")).toEqual([]);
    expect(suggested("C’est important, très important, a-t-il dit ; je sais, je sais.", "fr")).toEqual([]);
  });

  it("a noun made with a suffix matches its own forms, not the verb's", () => {
    expect(signals("La présidente sera investie mardi ; elle a investi ses proches, a dit un élu.", "fr").map((s) => s.topicId)).not.toContain("economy");
    expect(signals("Las autoridades aseguraron que el aseguramiento fue legal.", "es").find((s) => s.topicId === "drug-trafficking")?.terms).toEqual(["aseguramiento"]);
    const extraditions = signals("Trois extraditions, puis une extradition.", "fr").find((s) => s.topicId === "extradition");
    expect(extraditions?.count).toBe(2);
  });

  it("shops are not trade: “les commerces”, “los comercios”", () => {
    expect(suggested(body("fr", "Des commerces ont baissé le rideau et d’autres commerces ont fermé."), "fr")).not.toContain("economy");
    expect(suggested(body("es", "Cerraron los comercios y otros comercios del centro."), "es")).not.toContain("economy");
    expect(suggested(body("fr", "Le commerce entre les deux pays et le commerce régional."), "fr")).toContain("economy");
  });
});

describe("where a term stands", () => {
  it("one clear mention of the main announcement in the lede suggests its topic", () => {
    const text = "Washington et Mexico ont annoncé mardi un plan commun pour freiner le trafic d’armes vers le sud du continent, après des mois de discussions.\n\n" + FILLER.fr;
    expect(suggested(text, "fr")).toContain("arms-trafficking");
  });

  it("the same single phrase far in the body is weaker than in the lede, and one plain word there suggests nothing", () => {
    const inLede = signals("Washington et Mexico veulent freiner le trafic d’armes vers le sud du continent, après des mois de discussions.\n\n" + FILLER.fr, "fr");
    const inBody = signals(body("fr", "Il a aussi été question du trafic d’armes."), "fr");
    const weight = (s: TopicSignal[]) => s.find((x) => x.topicId === "arms-trafficking")?.weight ?? 0;
    expect(weight(inLede)).toBeGreaterThan(weight(inBody));
    expect(suggested(body("fr", "Des gardes portaient des armes."), "fr")).not.toContain("arms-trafficking");
  });

  it("a term of the source's title counts, once read as the title", () => {
    const title = "México y Estados Unidos acuerdan frenar el tráfico de armas";
    expect(suggested(body("es", "La reunión duró tres horas."), "es", real, title)).toContain("arms-trafficking");
    expect(suggested(body("es", "La reunión duró tres horas."), "es")).not.toContain("arms-trafficking");
  });

  it("the lede is the first paragraph that reads as prose, not a dateline above it", () => {
    const text = "Par la rédaction\n\nLes deux gouvernements ont signé jeudi à Monterrey un accord pour freiner le trafic d’armes à travers la frontière commune.\n\n" + FILLER.fr;
    expect(signals(text, "fr").find((s) => s.topicId === "arms-trafficking")?.weight).toBeGreaterThanOrEqual(4);
  });

  it("an article in one long paragraph has a lede of its first sentences only", () => {
    const long = `${FILLER.fr} ${FILLER.fr} ${FILLER.fr} Il a aussi été question des armes.`;
    expect(signals(long, "fr").find((s) => s.topicId === "arms-trafficking")).toEqual(expect.objectContaining({ lead: 0, weight: 1 }));
    expect(signals(`Il a aussi été question des armes. ${long}`, "fr").find((s) => s.topicId === "arms-trafficking")?.lead).toBe(1);
  });

  it("an article's title from article.yaml reaches the analysis", () => {
    const article = realArticles().find((a) => a.slug === "2022-12-27-biden-mexico-title-42");
    if (!article) throw new Error("seed missing");
    const withTitle = analyzeArticle({ ...article, topics: [], title: `${article.title} pour parler des droits de douane` }, real);
    expect(withTitle.topics.suggested.map((s) => s.topicId)).toContain("trade-tariffs");
  });
});

describe("words that describe rather than name the subject", () => {
  it("a party label next to a name is not domestic politics; the party itself is", () => {
    const epithet = "Le républicain Donald Trump a reçu mardi son homologue, avant de retrouver la démocrate chargée du dossier, selon un communiqué publié le soir même.";
    expect(suggested(`${epithet}\n\n${FILLER.fr}`, "fr")).not.toContain("domestic-politics");
    const party = body("es", "El Partido Republicano y los legisladores demócratas discutieron la ley en el Congreso.");
    expect(suggested(party, "es")).toContain("domestic-politics");
  });

  it("a border town is a place, not border security; border controls are", () => {
    expect(suggested(body("fr", "Les villes frontalières et les États frontaliers ont accueilli la délégation."), "fr")).not.toContain("border-security");
    expect(suggested(body("es", "Las ciudades fronterizas y los municipios fronterizos recibieron a la delegación."), "es")).not.toContain("border-security");
    expect(suggested(body("fr", "Les contrôles frontaliers ont été renforcés."), "fr")).toContain("border-security");
  });
});

describe("a term said to be absent suggests nothing", () => {
  it("figures of speech with a negation: crime that knows no borders, without borders", () => {
    const fr = "Les menaces du siècle sont complexes et ne connaissent pas de frontières, a dit le ministre, cité par Médecins sans frontières.\n\n" + FILLER.fr;
    const es = "La delincuencia no conoce fronteras y un mundo sin fronteras exige cooperación, dijo el ministro a la prensa local durante la visita.\n\n" + FILLER.es;
    expect(suggested(fr, "fr")).not.toContain("border-security");
    expect(suggested(es, "es")).not.toContain("border-security");
    expect(signals(fr, "fr").find((s) => s.topicId === "border-security")).toBeUndefined();
  });

  it("but a negated sentence about the thing itself still counts", () => {
    const es = "El gobierno no frenó el tráfico de armas en la frontera norte, según el informe publicado este martes por la fiscalía del estado.\n\n" + FILLER.es;
    expect(suggested(es, "es")).toEqual(expect.arrayContaining(["arms-trafficking", "border-security"]));
    const fr = "Sans la frontière, rien : les agents de la police des frontières ont renforcé les contrôles à la frontière nord du pays cette semaine.\n\n" + FILLER.fr;
    expect(suggested(fr, "fr")).toContain("border-security");
  });
});

describe("the subjects the survey added", () => {
  const cases: [string, Lang, string][] = [
    ["trade-tariffs", "es", "La presidenta rechazó los nuevos aranceles del 25 % a las exportaciones mexicanas y pidió respetar el T-MEC antes de su revisión."],
    ["trade-tariffs", "fr", "Washington impose des droits de douane sur l’acier mexicain ; Mexico dénonce une guerre commerciale contraire à l’ACEUM."],
    ["remittances", "es", "La propuesta de un impuesto a las remesas preocupa a millones de familias que dependen de los envíos de dinero desde el norte."],
    ["remittances", "fr", "Les envois de fonds des Mexicains installés aux États-Unis ont atteint un record, malgré la taxe votée par le Congrès."],
    ["deportations", "es", "Llegó a Tijuana un nuevo vuelo con connacionales deportados; la cifra de deportaciones creció en el último trimestre del año."],
    ["deportations", "fr", "Un nouveau vol de rapatriement a déposé à Villahermosa des migrants expulsés, alors que les expulsions se multiplient cette année."],
    ["extradition", "es", "El gobierno entregó a Estados Unidos a 20 presuntos capos; la fiscalía explicó que no hubo proceso de extradición en este caso."],
    ["extradition", "fr", "Vingt chefs présumés du narcotrafic ont été remis aux États-Unis sans procédure d’extradition, a indiqué le parquet mexicain."],
    ["water", "es", "Las entregas de agua pendientes conforme al Tratado de 1944 tensan la relación, en plena sequía en los estados del norte del país."],
    ["water", "fr", "Le Mexique doit rattraper ses livraisons d’eau dues au titre du traité de 1944, malgré la sécheresse qui frappe le Chihuahua."],
    ["energy", "es", "Empresas estadounidenses acusan a México de favorecer a Pemex y a la CFE en el mercado de la energía, en violación del tratado."],
    ["energy", "fr", "Les entreprises américaines reprochent au Mexique de favoriser Pemex dans le secteur de l’énergie et du pétrole, selon une plainte."],
  ];
  for (const [id, lang, lede] of cases) {
    it(`${id} (${lang}) from its lede`, () => {
      expect(real.topics.has(id)).toBe(true);
      expect(suggested(`${lede}\n\n${FILLER[lang]}`, lang)).toContain(id);
    });
  }

  it("an extradition is also security cooperation; an announced intervention is a matter of sovereignty", () => {
    const es = "México entregó a Estados Unidos a otros 26 reos requeridos por la justicia de ese país, en un nuevo proceso de extradición.";
    expect(suggested(`${es}\n\n${FILLER.es}`, "es")).toEqual(expect.arrayContaining(["extradition", "security-cooperation"]));
    const fr = "La présidente a rejeté toute intervention de militaires américains, affirmant qu’aucune armée étrangère ne viendrait au Mexique.";
    expect(suggested(`${fr}\n\n${FILLER.fr}`, "fr")).toContain("sovereignty");
  });

  it("each has names, a description and terms in both languages", () => {
    for (const id of ["trade-tariffs", "remittances", "deportations", "extradition", "water", "energy"]) {
      const t = real.topics.get(id);
      expect(t?.terms.fr.length).toBeGreaterThan(3);
      expect(t?.terms.es.length).toBeGreaterThan(3);
      expect(t?.name.fr).not.toBe(t?.name.es);
    }
  });
});

describe("on the five seeds", () => {
  it("suggestions for untagged seeds agree with the editors' topics (precision and recall ≥ 0.9)", () => {
    const predicted: string[] = [];
    const gold: string[] = [];
    for (const article of realArticles()) {
      const analysis = analyzeText({ text: article.source.text, lang: article.lang, date: article.date, title: article.title }, real);
      predicted.push(...suggestTopics(analysis.topics, []).map((s) => `${article.slug}/${s.topicId}`));
      gold.push(...article.topics.map((t) => `${article.slug}/${t}`));
    }
    const s = score(predicted, gold, (p, g) => p === g);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("the seed whose lede says threats “know no borders” is not suggested border security", () => {
    const article = realArticles().find((a) => a.slug === "2021-10-dialogue-securite-haut-niveau");
    if (!article) throw new Error("seed missing");
    const analysis = analyzeText({ text: article.source.text, lang: article.lang, date }, real);
    expect(suggestTopics(analysis.topics, []).map((s) => s.topicId)).not.toContain("border-security");
  });
});
