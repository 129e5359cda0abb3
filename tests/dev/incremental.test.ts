import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { routes } from "../../src/site/routes.ts";
import { REPO, copyContent, readPage, runBuild, tempDir } from "../helpers/build.ts";
import { startDevServer, stopDevServers, until } from "../helpers/dev-server.ts";
import { snapshot } from "../helpers/tree.ts";

/**
 * `npm start` renders again only the pages whose data changed after a save. What its reader then
 * sees must be what a full build of the same content shows: the saved summary's page and every
 * page that lists it carry the new text, and a page the summary is not on is left as it was.
 */
const SLUG = "2024-01-19-blinken-barcena-washington";
const NEW_LEDE = "Un chapeau réécrit pendant la session de rédaction, sans aucun chiffre.";

afterAll(stopDevServers);

/** Every file of a built site but its search bundle, with its bytes' hash and when it was written (inode and time). */
function files(site: string): Map<string, { hash: string; written: string }> {
  const found = new Map<string, { hash: string; written: string }>();
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const name = path.relative(site, file);
    if (name.split(path.sep)[0] === "pagefind") continue;
    const { ino, mtimeNs } = statSync(file, { bigint: true });
    found.set(name, { hash: createHash("sha256").update(readFileSync(file)).digest("hex"), written: `${ino}:${mtimeNs}` });
  }
  return found;
}

describe("the development server after a save", () => {
  it("shows the new text on the changed page and the pages listing it, as a full build does, and leaves the pages it is not on as they were", { timeout: 300_000 }, async () => {
    const content = copyContent(path.join(REPO, "content"), "dev-incremental");
    const output = path.join(path.dirname(content), "_site");
    const server = await startDevServer(["--content", content, "--output", output, "--cache", path.join(path.dirname(content), "cache")]);
    const summary = path.join(content, "articles", SLUG, "summary.fr.md");
    const original = readFileSync(summary, "utf8");
    const oldLede = /^lede: "(.*)"$/m.exec(original)?.[1] as string;
    expect(oldLede.length).toBeGreaterThan(40);
    // The lede is on its article page and on the pages that list the article.
    const listing = [routes.article("fr", SLUG), routes.home("fr"), routes.edition("fr", "2024-01"), "/fr/sujets/migration/", "/fr/acteurs/alicia-barcena/"];
    for (const url of listing) expect(readPage(output, url)).toContain(oldLede.slice(0, 60));
    const before = files(output);

    const saved = server.noticed();
    for (let attempt = 0; server.noticed() === saved; attempt++) {
      if (attempt === 30) throw new Error(`the server never noticed the save\n${server.log()}`);
      writeFileSync(summary, original.replace(/^lede:.*$/m, `lede: "${NEW_LEDE}"`));
      await sleep(1000);
    }
    await until(() => readPage(output, routes.article("fr", SLUG)).includes(NEW_LEDE), () => `the rebuild\n${server.log()}`);
    expect(server.log()).toMatch(/✓ Site built in \d+\.\d\d s after a change to .*summary\.fr\.md\n/);

    for (const url of listing) {
      const page = readPage(output, url);
      expect(page, url).toContain(NEW_LEDE);
      expect(page, url).not.toContain(oldLede.slice(0, 60));
    }
    expect(readFileSync(path.join(output, "fr/flux/articles.atom.xml"), "utf8")).toContain(NEW_LEDE);

    // A page the summary is not on is not written again: the Spanish pages of the other articles.
    // Most pages are not.
    const after = files(output);
    const others = readdirSync(path.join(content, "articles")).filter((slug) => slug !== SLUG);
    expect(others.length).toBeGreaterThan(2);
    for (const slug of others) {
      const name = path.join(routes.article("es", slug).slice(1), "index.html");
      expect(after.get(name), name).toEqual(before.get(name));
    }
    const html = [...after.keys()].filter((name) => name.endsWith(".html"));
    const rewritten = html.filter((name) => after.get(name)?.written !== before.get(name)?.written);
    expect(rewritten).toContain(path.join(routes.article("fr", SLUG).slice(1), "index.html"));
    expect(rewritten.length).toBeLessThan(html.length / 2);

    // The same content built whole: the same files with the same bytes; and once the server has
    // indexed search again in the background, the same search bundle.
    const full = runBuild({ content, output: path.join(tempDir("dev-incremental-full"), "_site") });
    expect(full.status, full.stderr).toBe(0);
    const built = files(full.output);
    const hashes = (site: Map<string, { hash: string }>) => Object.fromEntries([...site].map(([name, file]) => [name, file.hash]));
    const onlyBuilt = [...built.keys()].filter((name) => !after.has(name));
    expect(onlyBuilt).toEqual(["NOT-FOR-PUBLISHING.txt"].filter((name) => built.has(name)));
    built.delete("NOT-FOR-PUBLISHING.txt");
    expect(hashes(after)).toEqual(hashes(built));
    const bundle = (site: string) => JSON.stringify(snapshot(path.join(site, "pagefind")));
    await until(() => bundle(output) === bundle(full.output), () => "the server's search bundle to be the full build's");
    await server.stop();
  });
});
