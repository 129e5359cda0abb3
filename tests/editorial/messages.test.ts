import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/content/problems.ts";
import { byFile, printReport } from "../../src/editorial/print.ts";
import { problemsPage } from "../../src/editorial/problems-page.ts";
import { editorialReport } from "../../src/editorial/report.ts";
import { EDITOR_LANGUAGES, type EditorLang, editorLanguage, loadCatalog, msg, say } from "../../src/messages/index.ts";
import { validateContent } from "../../src/validate.ts";
import { OutputError, checkOutput } from "../../scripts/lib/output-guard.ts";
import { lockOutput } from "../../scripts/lib/output-lock.ts";
import { FIXTURE_CONTENT, REPO, copyContent, tempDir } from "../helpers/build.ts";

/**
 * The editors' messages (src/messages/): one catalog per language, the same keys in each, good
 * French typography, and every message a command prints put into words in the editor's language
 * without losing the file, the field, what was expected, what was found and the fix.
 */

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key of a catalog, as "a.b.c", with its text. */
function entries(tree: Record<string, unknown>, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === "string" ? [[prefix + key, value]] : entries(value as Record<string, unknown>, `${prefix}${key}.`),
  );
}

const catalogs = Object.fromEntries(EDITOR_LANGUAGES.map((lang) => [lang, new Map(entries(loadCatalog(lang)))])) as Record<EditorLang, Map<string, string>>;
const baseKeys = (lang: EditorLang) => new Set([...catalogs[lang].keys()].map((key) => key.replace(PLURAL, "")));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe("the catalogs", () => {
  it.each(["fr", "es"] as const)("%s has exactly the messages English has, none empty, with the same placeholders", (lang) => {
    expect([...baseKeys(lang)].sort()).toEqual([...baseKeys("en")].sort());
    for (const [key, text] of catalogs[lang]) {
      expect(text.trim(), key).not.toBe("");
      const english = catalogs.en.get(key) ?? catalogs.en.get(key.replace(PLURAL, "_other"));
      expect(english, `${key} has no English counterpart`).toBeDefined();
      // A plural form may leave the number out ("son brouillon"); every other placeholder stays.
      const without = (names: (string | undefined)[]) => names.filter((name) => name !== "count");
      expect(without(placeholders(text)), key).toEqual(without(placeholders(english ?? "")));
    }
  });

  it.each(EDITOR_LANGUAGES)("%s has every plural form its language needs", (lang) => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const plural = new Set([...catalogs[lang].keys()].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, "")));
    expect(plural.size).toBeGreaterThan(10);
    for (const key of plural) for (const category of categories) expect(catalogs[lang].has(`${key}_${category}`), `${key}_${category}`).toBe(true);
  });

  it("writes French with a narrow no-break space before : ; ! ? and inside « »", () => {
    let narrow = 0;
    for (const [key, text] of catalogs.fr) {
      expect(text, key).not.toMatch(/[ \u00A0][:;!?]/);
      expect(text, key).not.toMatch(/«(?!\u202F)|(?<!\u202F)»/);
      narrow += text.split("\u202F").length - 1;
    }
    expect(narrow).toBeGreaterThan(100);
    expect(say("fr", msg("problem.line", { where: "a.yaml", expected: "x", found: "y" }))).toBe("a.yaml — attendu\u202F: x\u202F; trouvé\u202F: y.");
  });

  it("writes Spanish without French spacing, and opens every question it asks", () => {
    for (const [key, text] of catalogs.es) {
      expect(text, key).not.toMatch(/[\u202F«»]/);
      const prose = text.replace(/"\?"/g, "");
      expect((prose.match(/\?/g) ?? []).length, key).toBe((prose.match(/¿/g) ?? []).length);
    }
  });

  it("holds every message the code asks for", () => {
    const used = new Set<string>();
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
    for (const file of ["src", "scripts", "_config"].flatMap((dir) => walk(path.join(REPO, dir)))) {
      const code = readFileSync(file, "utf8");
      if (!code.includes("messages/index.ts")) continue;
      for (const m of code.matchAll(/\b(?:msg|t)\(\s*"([a-zA-Z][\w.-]*)"/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(150);
    const english = baseKeys("en");
    for (const key of used) expect(english.has(key), key).toBe(true);
  });
});

describe("the editor's language", () => {
  it.each([
    [{}, "en"],
    [{ LANG: "C" }, "en"],
    [{ LANG: "POSIX" }, "en"],
    [{ LANG: "de_DE.UTF-8" }, "en"],
    [{ LANG: "fr_FR.UTF-8" }, "fr"],
    [{ LANG: "fr_CA" }, "fr"],
    [{ LANG: "es_MX.UTF-8" }, "es"],
    [{ LANG: "es" }, "es"],
    [{ LANG: "fr_FR.UTF-8", LC_MESSAGES: "es_MX.UTF-8" }, "es"],
    [{ LANG: "fr_FR.UTF-8", LC_MESSAGES: "es_MX.UTF-8", LC_ALL: "C" }, "en"],
    [{ LANG: "es_MX.UTF-8", LC_ALL: "fr_FR.UTF-8" }, "fr"],
    [{ LANG: "es_MX.UTF-8", LC_ALL: "" }, "es"],
  ] as const)("%o gives %s", (env, lang) => {
    expect(editorLanguage(env)).toBe(lang);
  });

  it("shows what an editor wrote as written, never as a message of its own", () => {
    const written = 'Titre {{count}} $t(problem.fix) {{- found}} <b>';
    expect(say("fr", msg("corpus.renameTo", { slug: written }))).toBe(`renommez le dossier, par exemple en «\u202F${written}\u202F»`);
    expect(say("es", msg("verbatim", { text: written }))).toBe(written);
  });

  it("counts in the language's plural rules", () => {
    const problems = (lang: EditorLang, count: number) => say(lang, msg("check.notReady", { count }));
    expect(problems("fr", 0)).toBe("✗ 0 problème à corriger\u202F; le corpus n’est pas prêt à être publié.");
    expect(problems("fr", 1)).toContain("1 problème à corriger");
    expect(problems("fr", 2)).toContain("2 problèmes à corriger");
    expect(problems("es", 1)).toBe("✗ 1 problema por corregir; el corpus no está listo para publicarse.");
    expect(problems("es", 2)).toContain("2 problemas por corregir");
    expect(problems("en", 1)).toContain("1 problem to fix");
    expect(say("fr", msg("file.size", { size: "5 Mo", count: 5_000_000 }))).toBe("5 Mo (5\u202F000\u202F000 octets)");
    expect(say("es", msg("file.size", { size: "5 MB", count: 5_000_000 }))).toBe("5 MB (5,000,000 bytes)");
  });
});

/** A copy of the made-up fixture article, with a date that is not on the calendar and HTML in a lede. */
function brokenContent(): string {
  const content = copyContent(FIXTURE_CONTENT, "messages");
  const dir = path.join(content, "articles", "2025-03-04-reunion-frontera-ficticia");
  const meta = path.join(dir, "article.yaml");
  writeFileSync(meta, readFileSync(meta, "utf8").replace(/^date: .*$/m, "date: 2025-02-30"));
  const summary = path.join(dir, "summary.fr.md");
  writeFileSync(summary, readFileSync(summary, "utf8").replace(/^lede: "?/m, 'lede: "<i>Exclusif</i> '));
  return content;
}

describe("a problem, put into words", () => {
  const content = brokenContent();
  const { problems, articles } = validateContent(content);
  const date = problems.find((p) => p.field === "date");
  const lede = problems.find((p) => p.field === "lede");

  it("keeps its file, field, expected, found and fix in every language", () => {
    expect(date && lede).toBeTruthy();
    const file = path.join(path.relative(process.cwd(), content), "articles/2025-03-04-reunion-frontera-ficticia/article.yaml");
    expect(formatProblem(date!)).toBe(
      `${file}: field "date": expected a date as YYYY-MM-DD, or YYYY-MM when only the month is known (February 2025 has 28 days, not 30); ` +
        'found "2025-02-30". Fix: write a day that is on the calendar, year first (2024-01-19)',
    );
    expect(formatProblem(date!, "fr")).toBe(
      `${file}, champ «\u202Fdate\u202F» — attendu\u202F: une date au format AAAA-MM-JJ, ou AAAA-MM quand seul le mois est connu (février 2025 compte 28 jours, pas 30)\u202F; ` +
        "trouvé\u202F: \"2025-02-30\". À faire\u202F: écrivez un jour qui existe au calendrier, l’année d’abord (2024-01-19)",
    );
    expect(formatProblem(date!, "es")).toBe(
      `${file}, campo "date" — se esperaba: una fecha con el formato AAAA-MM-DD, o AAAA-MM cuando solo se conoce el mes (febrero de 2025 tiene 28 días, no 30); ` +
        'se encontró: "2025-02-30". Qué hacer: escriba un día que exista en el calendario, con el año primero (2024-01-19)',
    );
    expect(formatProblem(lede!, "fr")).toMatch(/champ «\u202Flede\u202F» — attendu\u202F: un chapeau d’une phrase, en texte brut, sans balises HTML\u202F; trouvé\u202F: ".*<i>Exclusif<\/i>.*"\u202F: une balise "<i>" à la position 1\. À faire\u202F: supprimez la balise/);
    expect(formatProblem(lede!, "es")).toMatch(/campo "lede" — se esperaba: una entradilla de una oración como texto simple, sin etiquetas HTML; se encontró: ".*": una etiqueta "<i>" en la posición 1\. Qué hacer: quite la etiqueta/);
  });

  it("reads in one language in the check's report, headings and lines alike", () => {
    const report = editorialReport({ articles, problems, analysis: null, registry: null });
    const fr = printReport(report, { lang: "fr" });
    expect(fr).toContain("✗ Erreurs (2)\u202F: la construction du site refuse le corpus tant qu’elles ne sont pas corrigées");
    expect(fr).toContain("    champ «\u202Fdate\u202F» — attendu\u202F: une date");
    expect(fr).toContain("      → écrivez un jour qui existe au calendrier");
    expect(fr).toContain("✗ 2 problèmes à corriger");
    expect(fr).not.toMatch(/\b(expected|found|Errors|Coverage)\b/);
    const es = printReport(report, { lang: "es" });
    expect(es).toContain("✗ Errores (2): la compilación del sitio rechaza el corpus hasta que se corrijan");
    expect(es).toContain('    campo "date" — se esperaba: una fecha');
    expect(es).toContain("Cobertura");
    expect(es).not.toMatch(/\b(expected|found|Errors|Coverage)\b/);
    expect(byFile(problems, "es").join("\n")).not.toContain("expected");
  });

  it.each([
    ["en", "The content has 2 problems", "date: expected a date", "→ write a day"],
    ["fr", "Le contenu a 2 problèmes", "date — attendu\u202F: une date", "→ écrivez un jour"],
    ["es", "El contenido tiene 2 problemas", "date — se esperaba: una fecha", "→ escriba un día"],
  ] as const)("makes a problems page in %s, lang attribute, headings and lines alike", (lang, heading, line, fix) => {
    const $ = load(problemsPage(problems, lang));
    expect($("html").attr("lang")).toBe(lang);
    expect($("h1").text()).toBe(heading);
    expect($("title").text()).toContain(lang === "en" ? "2 problems" : lang === "fr" ? "2 problèmes" : "2 problemas");
    const item = $("li").filter((_, li) => $(li).find("code").text() === "date");
    expect(item.text()).toContain(line);
    expect(item.text()).toContain(fix);
    expect($("[lang]").length).toBe(1);
  });
});

describe("the output folder's guard and lock", () => {
  const refusal = (run: () => unknown): OutputError => {
    try {
      run();
    } catch (error) {
      if (error instanceof OutputError) return error;
      throw error;
    }
    throw new Error("not refused");
  };

  it("refuses the content folder in the editor's language", () => {
    const content = copyContent(FIXTURE_CONTENT, "messages-guard");
    const { finding } = refusal(() => checkOutput(content, { projectRoot: REPO, contentDirs: [content] }));
    expect(formatProblem(finding, "es")).toBe(
      `${content} — se esperaba: una carpeta que esta compilación escribió, una carpeta vacía o ninguna; se encontró: la carpeta del contenido misma: ` +
        "la compilación reemplazaría los artículos por el sitio. Qué hacer: indique otro --output, por ejemplo --output _site.",
    );
    expect(formatProblem(finding, "fr")).toContain("trouvé\u202F: le dossier du contenu lui-même\u202F: la construction remplacerait les articles par le site. À faire\u202F: indiquez un autre --output");
  });

  it("names the build that holds the lock, in French and Spanish", () => {
    const output = path.join(tempDir("messages-lock"), "_site");
    const unlock = lockOutput(output);
    try {
      const { finding } = refusal(() => lockOutput(output));
      expect(formatProblem(finding, "fr")).toBe(
        `${output} — attendu\u202F: aucune autre construction en train d’écrire dans ce dossier\u202F; trouvé\u202F: une construction toujours en cours (PID ${process.pid}) qui détient ${output}.lock. ` +
          `À faire\u202F: attendez que cette construction se termine et relancez celle-ci\u202F; si aucune construction n’est en cours, supprimez ${output}.lock.`,
      );
      expect(formatProblem(finding, "es")).toContain(`se encontró: una compilación que sigue en curso (PID ${process.pid}) y tiene ${output}.lock`);
    } finally {
      unlock();
    }
  });
});
