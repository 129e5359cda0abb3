import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { routes } from "../../src/site/routes.ts";
import { REPO, copyContent, tempDir } from "../helpers/build.ts";
import { snapshot } from "../helpers/tree.ts";

/**
 * `npm start` as an editor uses it, on a copy of the shipped content: a saved summary reaches its
 * page; a broken file neither stops the server nor goes unexplained (terminal and browser name the
 * file and the field); fixing it brings the site back.
 */
const SLUG = "2024-01-19-blinken-barcena-washington";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(done: () => boolean | Promise<boolean>, what: string, timeout = 120_000): Promise<void> {
  const start = Date.now();
  while (!(await done())) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

let child: ChildProcess | undefined;
afterAll(() => {
  // Started in its own process group: this ends the server and only it.
  if (child?.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
});

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
    const output = path.join(tempDir("dev"), "_site");
    const port = await freePort();
    let log = "";
    child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--content", content, "--port", String(port), "--output", output, "--cache", path.join(path.dirname(output), "cache")], {
      cwd: REPO,
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    child.stdout?.on("data", (chunk) => (log += chunk));
    child.stderr?.on("data", (chunk) => (log += chunk));
    const builds = () => log.split("Watching…").length - 1;
    const get = (url: string) => fetch(`http://localhost:${port}${url}`);
    await until(() => builds() >= 1, `the first build\n${log}`);
    // Eleventy says "Watching…" before its watcher has scanned the folders: a save made meanwhile
    // goes unnoticed. Saving again until the server notices is what an editor would do.
    const noticed = () => log.split(/File (?:changed|added):/).length - 1;
    const save = async (file: string, text: string) => {
      const before = noticed();
      for (let attempt = 0; noticed() === before; attempt++) {
        if (attempt === 30) throw new Error(`the server never noticed ${file}\n${log}`);
        writeFileSync(file, text);
        await sleep(1000);
      }
    };

    // Saving a summary updates its page.
    const summary = path.join(content, "articles", SLUG, "summary.fr.md");
    const page = path.join(output, routes.article("fr", SLUG), "index.html");
    const original = readFileSync(summary, "utf8");
    await save(summary, original.replace(/^lede:.*$/m, 'lede: "Un chapeau modifié pendant le test."'));
    await until(() => readFileSync(page, "utf8").includes("Un chapeau modifié pendant le test."), "the edited page");
    await until(() => builds() >= 2, "the rebuild to finish");

    // Breaking a file: the server keeps running and says which file and which field.
    const meta = path.join(content, "articles", SLUG, "article.yaml");
    const goodMeta = readFileSync(meta, "utf8");
    await save(meta, goodMeta.replace("date: 2024-01-19", "date: 2024-02-30"));
    await until(() => log.includes("✗ The content has 1 problem(s)"), `the problem to be reported\n${log}`);
    expect(log).toContain(path.join(SLUG, "article.yaml"));
    expect(log).toContain('field "date": expected a date as YYYY-MM-DD, or YYYY-MM when only the month is known (February 2024 has 29 days, not 30)');
    await sleep(2000);
    expect(child.exitCode).toBeNull();
    const broken = await get(routes.home("fr"));
    expect(broken.status).toBe(500);
    const problems = await broken.text();
    expect(problems).toContain("Le contenu a 1 problème(s)");
    expect(problems).toContain(`${SLUG}/article.yaml`);
    expect(problems).toContain("February 2024 has 29 days, not 30");

    // Fixing it brings the pages back.
    const before = builds();
    await save(meta, goodMeta);
    await until(() => builds() > before, "the rebuild after the fix");
    const fixed = await get(routes.article("fr", SLUG));
    expect(fixed.status).toBe(200);
    expect(await fixed.text()).toContain("Un chapeau modifié pendant le test.");
    expect(child.exitCode).toBeNull();
  });
});
