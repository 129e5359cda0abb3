import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { REPO } from "./build.ts";

/**
 * `npm start` in a child process of its own group, as the dev-server tests run it: its terminal
 * output, the builds it reported, and a stop that ends it and only it.
 */
export interface DevServerRun {
  port: number;
  /** Everything it printed, stdout and stderr interleaved. */
  log(): string;
  /** Builds it finished, successful or not ("✓ Site built", "✗ Site not built"). */
  builds(): number;
  /** Rebuilds that followed a change it noticed. */
  noticed(): number;
  exited(): boolean;
  /** Ends it (SIGTERM to its group) and resolves once it has exited. */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts scripts/serve.ts with these arguments (and --port) from `cwd`, and waits until it serves. */
export async function startDevServer(args: string[], options: { cwd?: string } = {}): Promise<DevServerRun> {
  const port = await freePort();
  // From another folder `--import tsx` would be looked up there: the loader is named by its file.
  const child: ChildProcess = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), `${REPO}/scripts/serve.ts`, ...args, "--port", String(port)], {
    cwd: options.cwd ?? REPO,
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));
  const count = (pattern: RegExp) => log.split(pattern).length - 1;
  const run: DevServerRun = {
    port,
    log: () => log,
    builds: () => count(/[✓✗] Site (?:not )?built/),
    noticed: () => count(/Site (?:not )?built[^\n]* after a change to /),
    exited: () => child.exitCode !== null || child.signalCode !== null,
    // Started in its own process group: this ends the server and only it.
    stop: async () => {
      if (run.exited()) return;
      const exit = new Promise((resolve) => child.once("exit", resolve));
      if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
      await exit;
    },
  };
  running.add(run);
  await until(() => log.includes("Serving http://") || run.exited(), () => `the server to start\n${log}`);
  // A port found free may be taken before the server binds it; the server then serves on the next
  // free one and says which.
  const serving = /Serving http:\/\/[^\s/]+:(\d+)\//.exec(log);
  if (serving) run.port = Number(serving[1]);
  return run;
}

const running = new Set<DevServerRun>();
/** For afterAll: the servers a suite started and left running (a failed test) are stopped. */
export async function stopDevServers(): Promise<void> {
  await Promise.all([...running].map((run) => run.stop()));
  running.clear();
}

export async function until(done: () => boolean | Promise<boolean>, what: () => string, timeout = 120_000): Promise<void> {
  const start = Date.now();
  while (!(await done())) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what()}`);
    await sleep(50);
  }
}
