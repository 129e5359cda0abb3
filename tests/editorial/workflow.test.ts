import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { absoluteUrl, siteConfig } from "../../src/config.ts";
import { routes } from "../../src/site/routes.ts";
import { REPO, copyContent, readPage, runBuild, tempDir } from "../helpers/build.ts";

/**
 * The editors' workflow end to end, as the guide in docs/ tells it: import a page with
 * `npm run new`, write both summaries, `npm run check`, build; the article is then on its pages in
 * both languages, in both languages' feeds and in the search index.
 */
const SLUG = "2025-03-11-grupo-conjunto-armas";
const RAW = path.join(REPO, "tests/fixtures/raw/es-grupo-frontera.txt");

const SUMMARIES = {
  fr: `---
title: "Armes : le Mexique et les États-Unis créent un groupe conjoint"
lede: "Les gouvernements du Mexique et des États-Unis créent un groupe conjoint pour freiner le trafic d’armes vers le territoire mexicain."
---
Les gouvernements du Mexique et des États-Unis ont convenu de créer un groupe conjoint chargé de freiner le trafic d’armes vers le territoire mexicain, selon un communiqué publié par les deux ministères des Affaires étrangères.

Le groupe se réunira tous les deux mois. Il rassemblera des fonctionnaires des parquets, des douanes et des forces de sécurité des deux pays, d’après le texte diffusé par les agences de presse.

Devant la presse, le ministre mexicain a affirmé que son pays n’accepterait pas que les armes continuent de franchir la frontière sans contrôle, et il a présenté l’accord comme un pas important avec ses voisins du nord.

Selon les chiffres officiels, environ 70 % des armes saisies au Mexique avaient été achetées aux États-Unis. Les deux gouvernements prévoient une nouvelle réunion ministérielle avant l’été pour évaluer les progrès du groupe et décider des prochaines étapes de cette coopération.
`,
  es: `---
title: "México y Estados Unidos crean un grupo conjunto contra el tráfico de armas"
lede: "Los gobiernos de México y Estados Unidos acordaron crear un grupo conjunto para frenar el tráfico de armas hacia territorio mexicano."
---
Los gobiernos de México y Estados Unidos acordaron crear un grupo conjunto para frenar el tráfico de armas hacia territorio mexicano, según un comunicado difundido por ambas cancillerías.

El grupo se reunirá cada dos meses y estará integrado por funcionarios de las fiscalías, de las aduanas y de las fuerzas de seguridad de los dos países, de acuerdo con el texto difundido por las agencias de noticias.

Ante la prensa, el canciller mexicano afirmó que su país no aceptará que las armas sigan cruzando la frontera sin control, y presentó el acuerdo como un paso importante con sus vecinos del norte.

Según cifras oficiales, alrededor del 70 por ciento de las armas decomisadas en México fueron compradas en Estados Unidos. Los dos gobiernos prevén una nueva reunión ministerial antes del verano para evaluar los avances del grupo y decidir los siguientes pasos de esta cooperación bilateral.
`,
} as const;

const FEEDS = { fr: "fr/flux/articles.atom.xml", es: "es/canales/articulos.atom.xml" } as const;

function run(script: string, args: string[]) {
  const child = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: REPO, encoding: "utf8" });
  return { status: child.status, out: child.stdout + child.stderr };
}

/** Pagefind's fragments are gzipped JSON behind a signature: one per indexed page. */
function indexedUrls(output: string): string[] {
  const dir = path.join(output, "pagefind", "fragment");
  return readdirSync(dir).map((name) => {
    const text = gunzipSync(readFileSync(path.join(dir, name))).toString("utf8");
    return (JSON.parse(text.slice(text.indexOf("{"))) as { url: string }).url;
  });
}

describe("an editor adds an article", () => {
  it("imports it, writes its summaries, checks it and publishes it in both languages", { timeout: 240_000 }, async () => {
    const content = copyContent(path.join(REPO, "content"), "workflow");
    const folder = path.join(content, "articles", SLUG);

    const imported = run("scripts/new.ts", [RAW, "--lang", "es", "--date", "2025-03-11", "--outlet", "Diario de prueba", "--url", "https://example.org/armas", "--slug", SLUG, "--content", content]);
    expect(imported.out).toContain("(all drafts)");
    expect(imported.status).toBe(0);

    // Before the summaries are written the check reports a draft, and does not fail.
    const drafted = run("scripts/check.ts", ["--content", content, "--json"]);
    expect(drafted.status).toBe(0);
    const draftReport = JSON.parse(drafted.out.slice(drafted.out.indexOf("{")));
    expect(draftReport.drafts.map((d: { slug: string }) => d.slug)).toEqual([SLUG]);

    writeFileSync(path.join(folder, "summary.fr.md"), SUMMARIES.fr);
    writeFileSync(path.join(folder, "summary.es.md"), SUMMARIES.es);
    const meta = path.join(folder, "article.yaml");
    writeFileSync(meta, readFileSync(meta, "utf8").replace(/^draft: true\n/m, ""));

    const checked = run("scripts/check.ts", ["--content", content]);
    expect(checked.out).toContain("✓ No errors");
    expect(checked.status).toBe(0);

    const output = path.join(tempDir("workflow"), "_site");
    const built = runBuild({ content, output });
    expect(built.stderr).toBe("");
    expect(built.status).toBe(0);

    for (const lang of ["fr", "es"] as const) {
      const url = routes.article(lang, SLUG);
      const title = SUMMARIES[lang].match(/^title: "(.*)"$/m)?.[1] as string;
      expect(readPage(output, url)).toContain(title);
      const feed = await new Parser().parseString(readFileSync(path.join(output, FEEDS[lang]), "utf8"));
      expect(feed.items.map((item) => item.link)).toContain(absoluteUrl(siteConfig(), url));
    }

    // Search arrived with the other engineer's work: check its index only where the build made one.
    if (existsSync(path.join(output, "pagefind"))) {
      const urls = indexedUrls(output);
      expect(urls).toContain(routes.article("fr", SLUG));
      expect(urls).toContain(routes.article("es", SLUG));
    }
  });
});
