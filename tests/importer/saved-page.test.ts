import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type NewArticleOptions, parseNewArticleArgs } from "../../src/importer/args.ts";
import { planArticle } from "../../src/importer/new-article.ts";
import { REPO, tempContent, tempDir } from "./helpers.ts";

/** Made-up pages, saved as a browser saves them: the article among the page's furniture. */
const PAGES = path.join(REPO, "tests/fixtures/pages");
const FR_PAGE = path.join(PAGES, "fr-saisies-armes.html");
const ES_PAGE = path.join(PAGES, "es-deportaciones-tamaulipas.html");
const BARE_PAGE = path.join(PAGES, "fr-sans-metadonnees.html");

function parsed(argv: string[]): NewArticleOptions {
  const result = parseNewArticleArgs(argv);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.options;
}

function errorsFor(argv: string[]): string[] {
  const result = parseNewArticleArgs(argv);
  return result.ok ? [] : result.errors;
}

function imported(options: NewArticleOptions) {
  const result = planArticle({ ...options, contentDir: tempContent() }, null);
  if (!result.ok) throw new Error(result.refusal.message);
  return result.plan;
}

function page(name: string, html: string | Buffer): string {
  const file = path.join(tempDir("page"), name);
  writeFileSync(file, html);
  return file;
}

describe("a saved page gives the article's paragraphs and the page's metadata", () => {
  it("French: navigation, share buttons, captions, credits, newsletter, related articles and cookies stay out", () => {
    const options = parsed([FR_PAGE]);
    expect(options).toMatchObject({
      lang: "fr",
      date: { iso: "2025-03-11", precision: "day" },
      outlet: "Le Courrier des Deux Rives",
      url: "https://www.courrier-deux-rives.example/monde/2025/03/11/armes-trafic-frontiere",
      title: "Armes : Washington et Mexico veulent tarir le trafic à la frontière",
    });
    expect(options.page?.from).toEqual({
      lang: "<html lang>",
      date: "article:published_time",
      outlet: "og:site_name",
      url: '<link rel="canonical">',
      title: "og:title",
    });
    const plan = imported(options);
    expect(plan.title).toBe("Armes : Washington et Mexico veulent tarir le trafic à la frontière");
    expect(plan.cleaned.paragraphs).toEqual([
      "Les deux gouvernements ont annoncé lundi un groupe de travail commun contre le trafic d’armes à feu, qui alimente la violence des cartels au sud du Rio Grande.",
      "Réunis à Washington, les responsables de la sécurité des deux pays se sont engagés à partager en temps réel les données sur les saisies d’armes réalisées de part et d’autre de la frontière. Selon le gouvernement mexicain, près de 70 % des armes retrouvées sur les scènes de crime au Mexique ont été achetées aux États-Unis.",
      "Le groupe de travail réunira des agents des douanes, des procureurs et des enquêteurs spécialisés. Il devra remettre un premier rapport d’ici à l’été, a précisé le département de la Sécurité intérieure dans un communiqué.",
      "À Mexico, la présidence a salué « un pas dans la bonne direction », tout en rappelant que la demande de drogue aux États-Unis reste, selon elle, le moteur de la violence. Les autorités mexicaines réclament depuis des années un contrôle plus strict des ventes d’armes dans les États frontaliers.",
      "Les organisations de défense des droits humains jugent l’annonce insuffisante. Elles demandent que les fabricants d’armes soient tenus responsables de la diffusion de leurs produits au sud de la frontière.",
    ]);
    // The byline Readability kept is taken out by the importer's own text rules.
    expect(plan.cleaned.removed).toEqual([{ rule: "byline", lines: ["Par Claire Vidal, correspondante à Mexico · Publié le 11 mars 2025 à 7 h 45"] }]);
  });

  it("a block named for subscribers keeps its text: only the page's furniture goes", () => {
    const html = readFileSync(FR_PAGE, "utf8").replace('class="article-body"', 'class="article-body contenu-abonnes"');
    expect(imported(parsed([page("abonnes.html", html)])).cleaned.paragraphs).toEqual(imported(parsed([FR_PAGE])).cleaned.paragraphs);
  });

  it("Spanish: the date and the outlet come from the JSON-LD NewsArticle when Open Graph lacks them", () => {
    const options = parsed([ES_PAGE]);
    expect(options).toMatchObject({
      lang: "es",
      date: { iso: "2025-02-18", precision: "day" },
      outlet: "Diario del Bravo",
      url: "https://www.diariodelbravo.example/nacional/crece-llegada-deportados-tamaulipas",
      title: "Crece la llegada de deportados a Tamaulipas",
    });
    expect(options.page?.from.date).toBe("JSON-LD datePublished");
    expect(imported(options).cleaned.paragraphs).toEqual([
      "Los albergues de Nuevo Laredo y Reynosa reportan una saturación inédita tras el aumento de las deportaciones desde Estados Unidos, que en las últimas dos semanas superaron las 3 mil personas, según cifras del Instituto Nacional de Migración.",
      "La mayoría de los deportados son mexicanos originarios de Michoacán, Guerrero y Oaxaca, aunque también llegan personas de Centroamérica que no tienen a dónde ir. Los responsables de los albergues piden apoyo al gobierno federal para alimentos y atención médica.",
      "El gobierno de Tamaulipas anunció la apertura de un centro de atención temporal en Matamoros, con capacidad para 500 personas, y aseguró que trabaja con las autoridades federales para facilitar el regreso de los deportados a sus estados de origen.",
      "Organizaciones civiles advirtieron que muchas de las personas deportadas llegan sin documentos de identidad y quedan expuestas a la extorsión de grupos criminales que operan en la región.",
    ]);
  });

  it("options win over the page's metadata", () => {
    const options = parsed([ES_PAGE, "--date", "2025-02-19", "--outlet", "Diario del Bravo (Nuevo Laredo)", "--title", "Deportados en Tamaulipas", "--lang", "es"]);
    expect(options).toMatchObject({ date: { iso: "2025-02-19" }, outlet: "Diario del Bravo (Nuevo Laredo)", title: "Deportados en Tamaulipas" });
    expect(options.page?.from).toEqual({ url: '<link rel="canonical">' });
  });
});

describe("a page without metadata", () => {
  it("names each option to give, and which tags were looked for", () => {
    expect(errorsFor([BARE_PAGE])).toEqual([
      "--date is missing, and the page gives no usable publication date (article:published_time, JSON-LD datePublished): give --date YYYY-MM-DD, or YYYY-MM when only the month is known",
      '--outlet is missing, and the page gives no usable name for its outlet (og:site_name, JSON-LD publisher.name): give --outlet "…", such as "La Presse (Montréal)"',
    ]);
  });

  it("falls back to the options, its <h1> and the language of its words", () => {
    const options = parsed([BARE_PAGE, "--date", "2025-05", "--outlet", "Le Journal du Sud"]);
    expect(options).toMatchObject({ lang: "fr", date: { iso: "2025-05", precision: "month" }, outlet: "Le Journal du Sud", url: undefined });
    expect(options.page?.from).toEqual({ lang: "the words of its text", title: "<h1>" });
    const plan = imported(options);
    expect(plan.title).toBe("Migrants : nouvelles règles d’asile à la frontière sud des États-Unis");
    expect(plan.cleaned.paragraphs).toEqual([
      "Les demandeurs d’asile qui se présentent à la frontière entre le Mexique et les États-Unis devront désormais prendre rendez-vous au moyen d’une application, ont annoncé les autorités américaines.",
      "Les associations d’aide aux migrants craignent que cette mesure ne prolonge l’attente dans les villes mexicaines de la frontière, où des milliers de personnes vivent déjà dans des campements.",
      "Le gouvernement mexicain a indiqué qu’il suivrait de près l’application de ces règles et qu’il renforcerait l’accueil dans les villes concernées.",
    ]);
  });

  it("refuses a page in another language, and says what its metadata could not give", () => {
    const html = readFileSync(FR_PAGE, "utf8")
      .replace('<html lang="fr-FR">', '<html lang="en-US">')
      .replace('content="2025-03-11T07:45:00+01:00"', 'content="hier"')
      .replace('"datePublished":"2025-03-11T07:45:00+01:00",', "");
    const errors = errorsFor([page("english.html", html)]);
    expect(errors).toEqual([
      '--lang is missing, and the page says it is in "en-US" (<html lang>), neither French nor Spanish: give --lang fr or es if it is',
      '--date is missing, and the page gives no usable publication date (article:published_time, JSON-LD datePublished; it has only article:published_time "hier"): give --date YYYY-MM-DD, or YYYY-MM when only the month is known',
    ]);
  });

  it("passes over an address it cannot use, for the next one", () => {
    const html = readFileSync(FR_PAGE, "utf8").replace(
      'href="https://www.courrier-deux-rives.example/monde/2025/03/11/armes-trafic-frontiere"',
      'href="/monde/2025/03/11/armes-trafic-frontiere"',
    );
    const options = parsed([page("relative.html", html)]);
    expect(options.url).toBe("https://www.courrier-deux-rives.example/monde/2025/03/11/armes-trafic-frontiere?utm_source=facebook");
    expect(options.page?.passedOver).toEqual(['<link rel="canonical"> "/monde/2025/03/11/armes-trafic-frontiere" is not usable as --url']);
    // The article's address is stored without its tracking parameters, as for --url.
    expect(imported(options).files.find((f) => f.name === "article.yaml")?.content).toContain(
      "url: https://www.courrier-deux-rives.example/monde/2025/03/11/armes-trafic-frontiere\n",
    );
  });

  it("refuses a page with no article text", () => {
    const file = page("empty.html", "<!doctype html><html lang=fr><head><title>Accueil</title></head><body><script>start()</script><img src=logo.png></body></html>");
    expect(errorsFor([file, "--date", "2025-05", "--outlet", "X"])).toEqual([
      `${file}: no article text found in the page; copy the article's text into a text file and give that instead`,
    ]);
  });
});

describe("a file that is not safe to read is refused, saying why", () => {
  it("a page that is not UTF-8", () => {
    const latin1 = Buffer.from(readFileSync(FR_PAGE, "utf8").replace('charset="utf-8"', 'charset="iso-8859-1"'), "latin1");
    const file = page("latin1.html", latin1);
    const [error, ...rest] = errorsFor([file]);
    expect(rest).toEqual([]);
    expect(error).toBe(
      `${file}: expected text encoded as UTF-8; found bytes that are not UTF-8 at line 5, e.g. 0xE0: the file looks like Latin-1/Windows-1252 (where 0xE0 is “à”). Fix: save the file as UTF-8 (most editors offer it under “Save with encoding”)`,
    );
  });

  it("a text file that is not UTF-8", () => {
    const file = page("latin1.txt", Buffer.from("Titre\n\nLe président a parlé.\n", "latin1"));
    expect(errorsFor([file, "--lang", "fr", "--date", "2025-05", "--outlet", "X"])[0]).toContain("expected text encoded as UTF-8");
  });

  it("a huge page and a huge text file, before reading them", () => {
    const hugePage = page("huge.html", Buffer.alloc(10_000_001, "a"));
    expect(errorsFor([hugePage])).toEqual([
      `${hugePage}: expected a file of at most 10 MB (a news page saved as HTML is 0.2 to 3 MB); found 10 MB (10,000,001 bytes). Fix: check it is the page of one article saved as HTML; or copy the article's text into a text file and give that`,
    ]);
    const hugeText = page("huge.txt", Buffer.alloc(1_000_001, "a"));
    expect(errorsFor([hugeText, "--lang", "fr", "--date", "2025-05", "--outlet", "X"])[0]).toMatch(/expected a file of at most 1 MB/);
  });
});

describe("npm run new with a saved page", () => {
  it("creates the folder from the page alone and says where each value came from", () => {
    const content = tempContent();
    const child = spawnSync(process.execPath, ["--import", "tsx", "scripts/new.ts", FR_PAGE, "--content", content], { cwd: REPO, encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect(child.stdout).toContain(
      'Read from the page: language fr (<html lang>), date 2025-03-11 (article:published_time), outlet Le Courrier des Deux Rives (og:site_name), address https://www.courrier-deux-rives.example/monde/2025/03/11/armes-trafic-frontiere (<link rel="canonical">).',
    );
    expect(child.stdout).toContain("Title (og:title): Armes : Washington et Mexico veulent tarir le trafic à la frontière");
    const [folder] = readdirSync(path.join(content, "articles"));
    expect(folder).toBe("2025-03-11-armes-washington-mexico-veulent");
    const meta = readFileSync(path.join(content, "articles", folder as string, "article.yaml"), "utf8");
    expect(meta).toContain("outlet: Le Courrier des Deux Rives\n");
    expect(meta).toContain("date: 2025-03-11\n");
  });
});
