import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { routes } from "../../src/site/routes.ts";
import { REPO, copyContent, tempDir } from "../helpers/build.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { startDevServer, stopDevServers, until } from "../helpers/dev-server.ts";
import { snapshot } from "../helpers/tree.ts";

/**
 * What `npm start` must never do: write into the published site, answer another machine, keep a
 * deleted article, or give up on content that was broken when it started.
 */
const SLUG = "2024-01-19-blinken-barcena-washington";
const DRAFT = "2021-06-harris-mexico-guatemala";

afterAll(stopDevServers);

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

describe("the development server, by default", () => {
  it("writes a draft into .dev/, never into _site/; answers on 127.0.0.1 only; drops a deleted article within one rebuild", { timeout: 300_000 }, async () => {
    const content = copyContent(path.join(REPO, "content"), "dev-safe");
    const meta = path.join(content, "articles", DRAFT, "article.yaml");
    writeFileSync(meta, `${readFileSync(meta, "utf8")}draft: true\n`);
    // The published site: the repository's own when there is one, and one in the folder the
    // server is started from (where a relative `_site` would be).
    const here = tempDir("dev-cwd");
    const fake = path.join(here, "_site");
    mkdirSync(path.join(fake, "fr"), { recursive: true });
    writeFileSync(path.join(fake, "index.html"), "<!doctype html><title>publié</title>");
    writeFileSync(path.join(fake, "fr", "index.html"), "<!doctype html><title>publié</title>");
    const published = [fake, path.join(REPO, "_site")].filter((dir) => existsSync(dir));
    const before = published.map(snapshot);

    const server = await startDevServer(["--content", content, "--cache", path.join(path.dirname(content), "cache")], { cwd: here });
    expect(server.builds()).toBe(1);
    const dev = path.join(REPO, ".dev");
    expect(server.log()).toContain(`Serving http://127.0.0.1:${server.port}/ from .dev`);
    expect(readFileSync(path.join(dev, routes.article("fr", DRAFT), "index.html"), "utf8")).toContain("data-pagefind-body");

    // Bound to the loopback address: the machine's other addresses, and IPv6's loopback, refuse.
    expect(await accepts("127.0.0.1", server.port)).toBe(true);
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal && !a.address.startsWith("fe80"))
      .map((a) => a!.address);
    for (const address of [...others, "::1"]) expect(await accepts(address, server.port), address).toBe(false);

    // Deleting an article folder: its page and every mention go in the next rebuild.
    const page = path.join(dev, routes.article("fr", SLUG), "index.html");
    expect(existsSync(page)).toBe(true);
    const builds = server.builds();
    rmSync(path.join(content, "articles", SLUG), { recursive: true });
    await until(() => server.builds() > builds, () => `a rebuild after the deletion\n${server.log()}`);
    expect(server.log()).toMatch(/✓ Site built in .* after a change to .*2024-01-19-blinken-barcena-washington/);
    expect(existsSync(page)).toBe(false);
    for (const file of ["index.html", "fr/index.html", "es/index.html", "sitemap.xml"]) expect(readFileSync(path.join(dev, file), "utf8"), file).not.toContain(SLUG);

    await server.stop();
    expect(published.map(snapshot)).toEqual(before);
  });

  it("starts on broken content, shows its problems in the browser, and reloads it once they are fixed", { timeout: 300_000 }, async () => {
    const content = copyContent(path.join(REPO, "content"), "dev-broken");
    const meta = path.join(content, "articles", SLUG, "article.yaml");
    const good = readFileSync(meta, "utf8");
    writeFileSync(meta, good.replace("date: 2024-01-19", "date: 2024-02-30"));
    const output = path.join(path.dirname(content), "out");
    const server = await startDevServer(["--content", content, "--output", output, "--cache", path.join(path.dirname(content), "cache")]);
    expect(server.exited()).toBe(false);
    expect(server.log()).toContain("✗ Site not built");
    expect(server.log()).toContain("the content has 1 problem,");

    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      const response = await tab.goto(`http://127.0.0.1:${server.port}${routes.article("fr", SLUG)}`);
      expect(response?.status()).toBe(500);
      expect(await tab.textContent("body")).toContain("February 2024 has 29 days, not 30");
      // Its live-reload client is connected before the fix is saved.
      await tab.waitForTimeout(1000);
      const builds = server.builds();
      writeFileSync(meta, good);
      await until(() => server.builds() > builds, () => `the rebuild after the fix\n${server.log()}`);
      await tab.waitForFunction(() => document.querySelector("[data-pagefind-body]") !== null, undefined, { timeout: 30_000 });
      expect(await tab.title()).not.toContain("problème");
    } finally {
      await browser.close();
    }
    await server.stop();
  });
});
