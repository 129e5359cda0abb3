import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { routes } from "../../src/site/routes.ts";
import { REPO, copyContent } from "../helpers/build.ts";
import { startDevServer, stopDevServers, until } from "../helpers/dev-server.ts";
import { snapshot } from "../helpers/tree.ts";

/**
 * `npm start` as an editor uses it, on a copy of the shipped content: a saved summary reaches its
 * page; a broken file neither stops the server nor goes unexplained (terminal and browser name the
 * file and the field); fixing it brings the site back.
 */
const SLUG = "2024-01-19-blinken-barcena-washington";

afterAll(stopDevServers);

describe("the development server", () => {
  it("refuses to write into the content folder, and leaves it as it was", () => {
    const content = copyContent(path.join(REPO, "content"), "dev-refused");
    const before = snapshot(content);
    const started = spawnSync(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--content", content, "--output", content, "--port", "0"], {
      cwd: REPO,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain("found the content folder itself");
    expect(snapshot(content)).toEqual(before);
  });

  it("updates a page on save, shows a broken file's problems without stopping, and recovers", { timeout: 300_000 }, async () => {
    const content = copyContent(path.join(REPO, "content"), "dev");
    const output = path.join(path.dirname(content), "_site");
    const server = await startDevServer(["--content", content, "--output", output, "--cache", path.join(path.dirname(content), "cache")]);
    const get = (url: string) => fetch(`http://127.0.0.1:${server.port}${url}`);
    expect(server.builds()).toBe(1);
    // The server says it serves once its watcher has scanned the folders; saving again until it
    // notices is still what an editor would do on a slow disk.
    const save = async (file: string, text: string) => {
      const before = server.noticed();
      for (let attempt = 0; server.noticed() === before; attempt++) {
        if (attempt === 30) throw new Error(`the server never noticed ${file}\n${server.log()}`);
        writeFileSync(file, text);
        await sleep(1000);
      }
    };

    // Saving a summary updates its page, and says so in one line.
    const summary = path.join(content, "articles", SLUG, "summary.fr.md");
    const page = path.join(output, routes.article("fr", SLUG), "index.html");
    const original = readFileSync(summary, "utf8");
    await save(summary, original.replace(/^lede:.*$/m, 'lede: "Un chapeau modifié pendant le test."'));
    await until(() => readFileSync(page, "utf8").includes("Un chapeau modifié pendant le test."), () => "the edited page");
    expect(server.log()).toMatch(/✓ Site built in \d+\.\d\d s after a change to .*summary\.fr\.md\n/);
    expect(server.log()).not.toContain("Writing");

    // Breaking a file: the server keeps running and says which file and which field.
    const meta = path.join(content, "articles", SLUG, "article.yaml");
    const goodMeta = readFileSync(meta, "utf8");
    await save(meta, goodMeta.replace("date: 2024-01-19", "date: 2024-02-30"));
    await until(() => server.log().includes("the content has 1 problem,"), () => `the problem to be reported\n${server.log()}`);
    expect(server.log()).toContain("✗ Site not built");
    expect(server.log()).toContain(path.join(SLUG, "article.yaml"));
    expect(server.log()).toContain('field "date": expected a date as YYYY-MM-DD, or YYYY-MM when only the month is known (February 2024 has 29 days, not 30)');
    await sleep(2000);
    expect(server.exited()).toBe(false);
    const broken = await get(routes.home("fr"));
    expect(broken.status).toBe(500);
    const problems = await broken.text();
    expect(problems).toContain(`<html lang="en">`);
    expect(problems).toContain("<h1>The content has 1 problem</h1>");
    expect(problems).toContain(`${SLUG}/article.yaml`);
    expect(problems).toContain("February 2024 has 29 days, not 30");

    // Fixing it brings the pages back.
    const before = server.builds();
    await save(meta, goodMeta);
    await until(() => server.builds() > before, () => "the rebuild after the fix");
    const fixed = await get(routes.article("fr", SLUG));
    expect(fixed.status).toBe(200);
    expect(await fixed.text()).toContain("Un chapeau modifié pendant le test.");
    expect(server.exited()).toBe(false);
    await server.stop();
  });
});
