import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURE_CONTENT, REPO, copyContent, runBuild, tempDir } from "../helpers/build.ts";
import { freePort, until } from "../helpers/dev-server.ts";

/**
 * Every command speaks the editor's language, chosen as POSIX programs choose it: LC_ALL, then
 * LC_MESSAGES, then LANG. Each runs here as an editor runs it, on made-up broken content, and
 * must still name the file, the field, what was expected, what was found and the fix.
 */

const SLUG = "2025-03-04-reunion-frontera-ficticia";
const FRENCH = { LANG: "fr_FR.UTF-8" };
const SPANISH = { LANG: "es_MX.UTF-8" };

/** The editor's settings only: whatever the machine running the tests says is left out. */
function localeEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...rest } = process.env;
  return { ...rest, ...env };
}

/** The same for the build helper, which adds the machine's environment: set ones win, empty ones count as unset. */
const buildEnv = (env: Record<string, string>) => ({ LC_ALL: "", LC_MESSAGES: "", LANG: "", ...env });

function run(script: string, args: string[], env: Record<string, string>) {
  const child = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], { cwd: REPO, encoding: "utf8", env: localeEnv(env) });
  return { status: child.status, out: `${child.stdout}${child.stderr}` };
}

/** The fixture article with a day that is not on the calendar. */
function brokenContent(): string {
  const content = copyContent(FIXTURE_CONTENT, "messages-cli");
  const meta = path.join(content, "articles", SLUG, "article.yaml");
  writeFileSync(meta, readFileSync(meta, "utf8").replace(/^date: .*$/m, "date: 2025-02-30"));
  return content;
}

const content = brokenContent();
const metaFile = `${path.relative(REPO, content)}/articles/${SLUG}/article.yaml`;

describe("npm run check", () => {
  it.each([
    [FRENCH, `    champ «\u202Fdate\u202F» — attendu\u202F: une date au format AAAA-MM-JJ, ou AAAA-MM quand seul le mois est connu (février 2025 compte 28 jours, pas 30)\u202F; trouvé\u202F: "2025-02-30".`, "      → écrivez un jour qui existe au calendrier", "✗ 1 problème à corriger\u202F; le corpus n’est pas prêt à être publié."],
    [SPANISH, '    campo "date" — se esperaba: una fecha con el formato AAAA-MM-DD, o AAAA-MM cuando solo se conoce el mes (febrero de 2025 tiene 28 días, no 30); se encontró: "2025-02-30".', "      → escriba un día que exista en el calendario", "✗ 1 problema por corregir; el corpus no está listo para publicarse."],
    [{ LANG: "fr_FR.UTF-8", LC_ALL: "es_MX.UTF-8" }, '    campo "date" — se esperaba: una fecha', "      → escriba un día", "✗ 1 problema por corregir"],
    [{ LANG: "es_MX.UTF-8", LC_MESSAGES: "fr_FR.UTF-8" }, "    champ «\u202Fdate\u202F» — attendu\u202F: une date", "      → écrivez un jour", "✗ 1 problème à corriger"],
    [{ LANG: "C.UTF-8" }, '    field "date": expected a date as YYYY-MM-DD', "      → write a day that is on the calendar", "✗ 1 problem to fix; the corpus is not ready to publish."],
  ])("%o: names the file, the field, what was expected and found, and the fix", (env, line, fix, last) => {
    const result = run("check", ["--content", content], env);
    expect(result.status).toBe(1);
    expect(result.out).toContain(`\n  ${metaFile}\n${line}`);
    expect(result.out).toMatch(new RegExp(`\n${line.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\n]*\n${fix}`));
    expect(result.out.trim().split("\n").at(-1)).toContain(last);
  });
});

describe("a command line it cannot read", () => {
  it.each([
    ["check", FRENCH, "Utilisation\u202F: npm run check [-- --content DOSSIER --json --examples N]"],
    ["build", SPANISH, "Uso: npm run build [-- --content CARPETA --output CARPETA --cache CARPETA --report ARCHIVO]"],
    ["serve", FRENCH, "Utilisation\u202F: npm start [-- --content DOSSIER --output DOSSIER --host ADRESSE --port N --cache DOSSIER]"],
    ["analyze", SPANISH, "uso: npm run analyze -- <carpeta de artículo | archivo .txt sin procesar>"],
  ])("npm %s: says what it did not understand, then how to call it in the editor's language", (script, env, usage) => {
    const result = run(script, ["--no-such-option"], env);
    expect(result.status).not.toBe(0);
    expect(result.out).toContain(env === FRENCH ? "✗ Option inconnue\u202F: --no-such-option" : "✗ Opción desconocida: --no-such-option");
    expect(result.out).toContain(usage);
  });
});

describe("npm run build", () => {
  it("refuses broken content in French, naming the file, the field, expected, found and the fix", () => {
    const result = runBuild({ content, output: path.join(tempDir("messages-out"), "_site"), env: buildEnv(FRENCH) });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`✗ ${metaFile}, champ «\u202Fdate\u202F» — attendu\u202F: une date au format AAAA-MM-JJ`);
    expect(result.stderr).toContain('trouvé\u202F: "2025-02-30". À faire\u202F: écrivez un jour qui existe au calendrier');
    expect(result.stderr).toMatch(/Construction refusée\u202F: .*_site est resté tel quel\./);
  });

  it("refuses the content folder as its output in Spanish, deleting nothing", () => {
    const result = runBuild({ content, output: content, env: buildEnv(SPANISH) });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`✗ ${content} — se esperaba: una carpeta que esta compilación escribió, una carpeta vacía o ninguna; se encontró: la carpeta del contenido misma`);
    expect(result.stderr).toContain("Qué hacer: indique otro --output");
    expect(result.stderr).toContain("no se borró ni se movió nada");
  });

  it("says in its last lines, in Spanish, that a site with no address is not for publishing", () => {
    const good = copyContent(FIXTURE_CONTENT, "messages-good");
    const result = runBuild({ content: good, output: path.join(tempDir("messages-out"), "_site"), env: buildEnv({ LANG: "fr_FR.UTF-8", LC_ALL: "es_MX" }) });
    expect(result.status, result.stderr).toBe(0);
    const last = result.stdout.trim().split("\n").slice(-5);
    expect(last[0]).toMatch(/^✓ Sitio generado: \d+ páginas a partir de 1 artículo en .* \(validación \d+ ms, análisis/);
    expect(last[1]).toBe("");
    expect(last[2]).toBe("⚠ NO ES PARA PUBLICAR: no hay una dirección del sitio, así que todos los enlaces de las páginas, los canales y el mapa del sitio apuntan a http://localhost:8080.");
    expect(last[4]).toContain("ponga address: en content/site.yaml");
  });
});

describe("npm run new and npm run analyze", () => {
  it("lists what is missing from the command line in French, then how to call it", () => {
    const source = path.join(content, "articles", SLUG, "source.txt");
    const result = run("new", [source, "--date", "2025-02-30", "--content", tempDir("messages-new")], FRENCH);
    expect(result.status).toBe(1);
    expect(result.out).toContain("✗ --lang manque\u202F: la langue de la source, «\u202Ffr\u202F» ou «\u202Fes\u202F»");
    expect(result.out).toContain("✗ --date — attendu\u202F: une date au format AAAA-MM-JJ, ou AAAA-MM quand seul le mois est connu (février 2025 compte 28 jours, pas 30)\u202F; trouvé\u202F: «\u202F2025-02-30\u202F»");
    expect(result.out).toContain("✗ --outlet manque\u202F: le nom du média");
    expect(result.out).toContain("Utilisation\u202F: npm run new -- <fichier de texte brut>");
  });

  it("imports an article in Spanish and says what it did", () => {
    const target = copyContent(FIXTURE_CONTENT, "messages-import");
    const raw = path.join(tempDir("messages-raw"), "nota.txt");
    writeFileSync(raw, `Título de una nota ficticia sobre la frontera\n\n${readFileSync(path.join(target, "articles", SLUG, "source.txt"), "utf8").replace(/^.*\n/, "")}`);
    const result = run("new", [raw, "--lang", "es", "--date", "2025-03-05", "--outlet", "Diario de Prueba", "--content", target], SPANISH);
    expect(result.status, result.out).toBe(0);
    expect(result.out).toContain("Se quitó de la página: nada.\nTítulo (el título de la página): Título de una nota ficticia sobre la frontera\nTexto fuente: 4 párrafos.\n");
    expect(result.out).toContain("\nEl análisis encontró:\n  actores: ninguno\n  temas: ninguno\n  citas: 1\n");
    expect(result.out).toMatch(/\nSe creó .*articles\/2025-03-05-titulo-nota-ficticia-sobre\/: article\.yaml, source\.txt, summary\.fr\.md, summary\.es\.md \(todo en borrador\)\.\n/);
    expect(result.out).toContain("✓ La carpeta pasa las revisiones de npm run check (draft: true).");
    const again = run("new", [raw, "--lang", "es", "--date", "2025-03-05", "--outlet", "Diario de Prueba", "--content", target], FRENCH);
    expect(again.status).toBe(1);
    expect(again.out).toMatch(/✗ Rien n’a été créé\u202F: cet article est déjà dans le corpus\u202F: son texte est semblable à 100,0\u202F% à .*source\.txt/);
  });

  it("analyzes an article in Spanish, and refuses a bad date with what it expected", () => {
    const good = copyContent(FIXTURE_CONTENT, "messages-analyze");
    const result = run("analyze", [path.join(good, "articles", SLUG), "--content", good], SPANISH);
    expect(result.status, result.out).toBe(0);
    expect(result.out).toMatch(/\nActores \(\d+\)\n/);
    expect(result.out).toMatch(/\nCitas \(\d+\)\n/);
    const bad = run("analyze", [path.join(good, "articles", SLUG), "--date", "2025-13", "--content", good], FRENCH);
    expect(bad.status).toBe(2);
    expect(bad.out).toContain("✗ --date — attendu\u202F: une date au format AAAA-MM-JJ, ou AAAA-MM quand seul le mois est connu (il n’y a pas de mois 13)\u202F; trouvé\u202F: «\u202F2025-13\u202F»");
    expect(bad.out).toContain("utilisation\u202F: npm run analyze");
  });
});

describe("npm start", () => {
  let child: ChildProcess | null = null;
  afterAll(() => {
    if (child?.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  });

  it("started on broken content, prints and serves the problems in French", { timeout: 180_000 }, async () => {
    const port = await freePort();
    const output = path.join(tempDir("messages-dev"), ".dev");
    child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), `${REPO}/scripts/serve.ts`, "--content", content, "--output", output, "--port", String(port)], {
      cwd: REPO,
      env: localeEnv({ LANG: "es_MX.UTF-8", LC_ALL: "fr_FR.UTF-8" }),
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let log = "";
    child.stdout?.on("data", (chunk) => (log += chunk));
    child.stderr?.on("data", (chunk) => (log += chunk));
    await until(() => log.includes("Site servi sur http://"), () => `the server to start\n${log}`);
    expect(log).toMatch(/✗ Site non construit \(\d+,\d\d\u202Fs\)\u202F: le contenu a 1 problème, affiché aussi dans le navigateur\u202F:/);
    expect(log).toContain(`  ${path.relative(REPO, content)}/articles/${SLUG}/article.yaml\n    champ «\u202Fdate\u202F» — attendu\u202F: une date`);

    const page = await fetch(`http://127.0.0.1:${port}/fr/`);
    expect(page.status).toBe(500);
    const $ = load(await page.text());
    expect($("html").attr("lang")).toBe("fr");
    expect($("h1").text()).toBe("Le contenu a 1 problème");
    expect($("p").first().text()).toContain("Corrigez les fichiers ci-dessous et enregistrez");
    expect($("li").text()).toContain("date — attendu\u202F: une date au format AAAA-MM-JJ");
    expect($("li").text()).toContain("→ écrivez un jour qui existe au calendrier");
    expect($("body").text()).not.toMatch(/\b(expected|found)\b/);
  });
});
