import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { problemsFromZod, formatProblem, zodMessage, type Finding } from "./content/problems.ts";
import { type Message, msg, say, verbatim } from "./messages/index.ts";
import { readYaml } from "./content/yaml.ts";

/**
 * Where the site is published: `url` is the origin (canonical URLs, hreflang, the sitemap, Open
 * Graph, feed ids), `pathPrefix` the sub-path a static host serves the site from ("/" at the root).
 */
export interface SiteConfig {
  url: string;
  pathPrefix: string;
}

/**
 * The site's configuration as a build reads it. With no address set anywhere the site still
 * builds, for a look at it, with http://localhost:8080 in its links: it is then not for
 * publishing, and says so (noindex on every page, robots.txt, NOT_FOR_PUBLISHING at its root).
 */
export interface PublishingConfig extends SiteConfig {
  forPublishing: boolean;
  /** Where the address came from: the environment, the site file, or nowhere. */
  addressFrom: "SITE_URL" | "site file" | null;
}

/**
 * The project's site file. It is one per project, whichever --content a build reads: the address
 * is where this project publishes, and the Eleventy config, its filters and the build must agree
 * on it without being handed a content folder.
 */
export const SITE_FILE = fileURLToPath(new URL("../content/site.yaml", import.meta.url));

/** Written at the root of a site that is not for publishing, so a deploy step can refuse it. */
export const NOT_FOR_PUBLISHING = "NOT-FOR-PUBLISHING.txt";

const UNSET_URL = "http://localhost:8080";

const ADDRESS_EXPECTED = zodMessage(msg("site.address"));

/** An origin: the path, if any, belongs in pathPrefix, so that links and canonical URLs agree. */
const addressSchema = z.string({ error: ADDRESS_EXPECTED }).superRefine((raw, ctx) => {
  const refuse = (found: Message, fix: Message) => ctx.addIssue({ code: "custom", message: ADDRESS_EXPECTED, params: { found, fix } });
  let url: URL | null = null;
  try {
    url = new URL(raw.trim());
  } catch {
    url = null;
  }
  if (url === null || !["http:", "https:"].includes(url.protocol) || url.hostname === "" || /\s/.test(raw.trim())) {
    refuse(msg("site.notAbsolute", { address: JSON.stringify(raw) }), msg("site.fixAddress"));
  } else if (url.pathname !== "/" || url.search !== "" || url.hash !== "") {
    refuse(msg("site.hasPath", { address: JSON.stringify(raw) }), msg("site.fixPath", { origin: url.origin, path: url.pathname }));
  }
});

const pathPrefixSchema = z
  .string({ error: zodMessage(msg("site.pathPrefix")) })
  .refine((raw) => !/[\s?#\\]/.test(raw) && !raw.includes("://"), {
    error: zodMessage(msg("site.pathPrefixOnly")),
  });

/** content/site.yaml. A field left empty (`address:`) counts as not set. */
export const siteFileSchema = z.strictObject(
  {
    address: addressSchema.nullable().optional(),
    pathPrefix: pathPrefixSchema.nullable().optional(),
  },
  { error: zodMessage(msg("site.fields")) },
);
export type SiteFile = z.infer<typeof siteFileSchema>;

/** The site file, or the environment, does not say where the site is published in a usable way. */
export class SiteConfigError extends Error {
  constructor(readonly problems: Finding[]) {
    super(`${say("en", msg("site.heading", { count: problems.length }))}\n${problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
    this.name = "SiteConfigError";
  }
}

export function normalizePathPrefix(raw: string | undefined | null): string {
  const trimmed = (raw ?? "/").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** A missing file is no error: a new project has not said where it publishes yet. */
export function readSiteFile(file: string = SITE_FILE): { settings: SiteFile; problems: Finding[] } {
  const shown = path.relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { settings: {}, problems: [] };
    return { settings: {}, problems: [{ file: shown, expected: msg("site.readable"), found: verbatim(String((error as Error).message)), fix: msg("site.fixReadable") }] };
  }
  text = text.replace(/^\uFEFF/, "");
  // A file of comments only says nothing yet (js-yaml refuses a document without content).
  if (text.split("\n").every((line) => /^\s*(#.*)?$/.test(line))) return { settings: {}, problems: [] };
  const read = readYaml(text, shown);
  if (!read.ok) return { settings: {}, problems: [read.problem] };
  const value = read.value ?? {};
  const parsed = siteFileSchema.safeParse(value);
  if (!parsed.success) return { settings: {}, problems: problemsFromZod(shown, parsed.error, value) };
  return { settings: parsed.data, problems: [] };
}

/**
 * The site file, then the environment over it: SITE_URL replaces the address and PATH_PREFIX the
 * prefix, so one file serves a project and a host's build settings can point it elsewhere.
 * Throws a SiteConfigError naming the file (or variable), the field, what was expected and found.
 */
export function siteConfig(env: NodeJS.ProcessEnv = process.env, file: string = SITE_FILE): PublishingConfig {
  const { settings, problems } = readSiteFile(file);
  const fromEnv = env.SITE_URL?.trim() ? env.SITE_URL.trim() : undefined;
  if (fromEnv !== undefined) {
    const checked = addressSchema.safeParse(fromEnv);
    if (!checked.success) problems.push(...problemsFromZod("SITE_URL", checked.error, fromEnv));
  }
  if (env.PATH_PREFIX !== undefined && !pathPrefixSchema.safeParse(env.PATH_PREFIX).success) {
    problems.push({ file: "PATH_PREFIX", expected: msg("site.subPath"), found: verbatim(JSON.stringify(env.PATH_PREFIX)), fix: msg("site.fixSubPath") });
  }
  if (problems.length > 0) throw new SiteConfigError(problems);

  const address = fromEnv ?? settings.address?.trim() ?? undefined;
  const pathPrefix = normalizePathPrefix(env.PATH_PREFIX ?? settings.pathPrefix);
  if (address === undefined) return { url: UNSET_URL, pathPrefix, forPublishing: false, addressFrom: null };
  return { url: new URL(address).origin, pathPrefix, forPublishing: true, addressFrom: fromEnv !== undefined ? "SITE_URL" : "site file" };
}

/** "/fr/articles/x/" → "https://example.org/prefix/fr/articles/x/" */
export function absoluteUrl(config: SiteConfig, siteUrl: string): string {
  const path = config.pathPrefix + siteUrl.replace(/^\/+/, "");
  return config.url + path;
}
