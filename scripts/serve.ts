/**
 * npm start [-- --content DIR --output DIR --host ADDRESS --port N --cache DIR]
 *
 * The development server: builds the digest with drafts, serves it with live reload, and rebuilds
 * on every save and every deletion (_config/dev-server.ts). It writes into .dev/, never into the
 * published site, and answers only this machine (127.0.0.1) unless given another --host.
 * Production builds use scripts/build.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo, Server } from "node:net";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import devServer from "../_config/dev-server.ts";
import { ContentError, formatProblem } from "../src/content/problems.ts";
import { byFile } from "../src/editorial/print.ts";
import { editorLanguage, formatNumber, speaker } from "../src/messages/index.ts";
import { MARKER, MARKER_TEXT, OutputError, checkOutput } from "./lib/output-guard.ts";
import { parseCommandLine } from "./lib/command-line.ts";
import { lockOutput } from "./lib/output-lock.ts";

/** Where `npm start` writes its site: a folder of its own, ignored by git, beside the project's. */
export const DEV_OUTPUT = ".dev";

const projectRoot = path.resolve(import.meta.dirname, "..");
// Messages, in the terminal and in the browser, in the language LC_ALL, LC_MESSAGES or LANG asks for.
const lang = editorLanguage();
const t = speaker(lang);
const { values } = parseCommandLine(lang, "serve.usage", {
  options: {
    content: { type: "string", default: "content" },
    output: { type: "string", default: path.join(projectRoot, DEV_OUTPUT) },
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "8080" },
    /** Where analyses are kept between runs (default .cache/analysis). */
    cache: { type: "string" },
  },
});
// Folders given on the command line are read from where it was typed; Eleventy reads its config
// and templates from the project.
const content = path.resolve(values.content);
const output = path.resolve(values.output);
const cache = values.cache === undefined ? undefined : path.resolve(values.cache);
process.chdir(projectRoot);

// The same guard and lock as the production build: the server writes into its output folder, so it
// must be one a build wrote (or an empty or missing one), never the content or the project.
try {
  checkOutput(output, { projectRoot, contentDirs: [content, path.join(projectRoot, "content")] });
  mkdirSync(output, { recursive: true });
  process.on("exit", lockOutput(output));
  writeFileSync(path.join(output, MARKER), MARKER_TEXT);
} catch (error) {
  if (!(error instanceof OutputError)) throw error;
  console.error(`✗ ${formatProblem(error.finding, lang)}\n\n${t("serve.notStarted", { folder: path.relative(process.cwd(), output) || output })}`);
  process.exit(1);
}

// Eleventy's dev server listens on every interface and has no option to say otherwise
// (11ty/eleventy-dev-server#128): its one listen call is given the host here.
interface DevServerInstance {
  server: Server;
  ready(): Promise<void>;
  _serverListen(port: number): void;
}
const EleventyDevServer = createRequire(import.meta.url)("@11ty/eleventy-dev-server") as { prototype: DevServerInstance };
if (typeof EleventyDevServer.prototype._serverListen !== "function") {
  throw new Error("@11ty/eleventy-dev-server no longer has _serverListen: see how it listens now, or it would listen on every interface.");
}
EleventyDevServer.prototype._serverListen = function (this: DevServerInstance, port: number) {
  this.server.listen({ port, host: values.host });
};

/** What the server uses of Eleventy beyond its typed API: its logger, its watcher, its server. */
interface Watching {
  logger: { overrideLogger(logger: Pick<Console, "log" | "info" | "warn" | "error">): void };
  write(): Promise<unknown>;
  watch(): Promise<(file: string) => Promise<void>>;
  watcher: { options: { cwd?: string }; on(event: "unlink" | "unlinkDir", listener: (file: string) => void): void };
  eleventyServe: { server: DevServerInstance };
}

const eleventy = new Eleventy(undefined, output, {
  configPath: "eleventy.config.ts",
  runMode: "serve",
  quietMode: true,
  config: (eleventyConfig: any) => {
    eleventyConfig.addPlugin(devServer, { contentDir: content, cacheDir: cache, lang });
    eleventyConfig.setServerOptions({ messageOnStart: () => false });
    eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
      pending = changed;
      startedAt = performance.now();
    });
  },
}) as unknown as Omit<Eleventy, keyof Watching> & Watching;

// One line per build in the terminal instead of Eleventy's line per file written: what changed,
// how long it took, and, when it failed, why. Eleventy's own errors are kept back until the build
// is over, and shown only when the reason is not a list of content problems.
const held: string[] = [];
eleventy.logger.overrideLogger({
  log: () => {},
  info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => held.push(message),
});
let pending: string[] = [];
let startedAt = performance.now();
const write = eleventy.write.bind(eleventy);
eleventy.write = async () => {
  const what = pending.length === 0 ? "" : t("serve.afterChange", { files: described(pending) });
  pending = [];
  const seconds = () => t("serve.seconds", { seconds: formatNumber(lang, (performance.now() - startedAt) / 1000, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) });
  try {
    const result = await write();
    console.log(t("serve.built", { time: seconds(), what }));
    return result;
  } catch (error) {
    // The server keeps running on a failed build, the first one included: the browser shows the
    // content's problems until they are fixed, and reloads once they are (_config/dev-server.ts).
    const problems = contentProblems(error);
    if (problems) {
      console.error(`${t("serve.notBuiltProblems", { time: seconds(), what, count: problems.length })}\n${byFile(problems, lang).join("\n")}`);
    } else {
      console.error(`${t("serve.notBuilt", { time: seconds(), what })}\n${held.join("\n")}`);
    }
    return [[], []];
  } finally {
    held.length = 0;
    startedAt = performance.now();
  }
};

await eleventy.init();
const rebuild = await eleventy.watch();
// Eleventy notes a deleted file and rebuilds only at the next save; a deletion is a change too.
eleventy.watcher.on("unlink", rebuild);
eleventy.watcher.on("unlinkDir", rebuild);
await eleventy.serve(Number(values.port));
await eleventy.eleventyServe.server.ready();
const { port } = eleventy.eleventyServe.server.server.address() as AddressInfo;
console.log(t("serve.serving", { address: `http://${values.host.includes(":") ? `[${values.host}]` : values.host}:${port}/`, folder: shown(output) }));

for (const [signal, code] of [["SIGINT", 0], ["SIGTERM", 143]] as const) {
  process.once(signal, async () => {
    await eleventy.stopWatch();
    process.exit(code); // runs the exit handler: the lock is given back
  });
}

/** The content's problems when they are what stopped the build (Eleventy wraps what data throws). */
function contentProblems(error: unknown) {
  for (let e: any = error; e; e = e.originalError ?? e.cause) if (e instanceof ContentError) return e.problems;
  return null;
}

function described(files: string[]): string {
  // Eleventy names them from where its watcher runs: the common folder of everything watched.
  const names = files.map((file) => shown(path.resolve(eleventy.watcher?.options.cwd ?? "", file)));
  return names.length <= 3 ? names.join(", ") : t("serve.otherFiles", { files: names.slice(0, 2).join(", "), count: names.length - 2 });
}

/** A path inside the project by its name there, any other in full. */
function shown(file: string): string {
  const relative = path.relative(projectRoot, file);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
