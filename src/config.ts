import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { problemsFromZod, formatProblem, type Finding } from "./content/problems.ts";
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

const ADDRESS_EXPECTED = "the site's public address, such as https://digest.example.org (http or https, a host, no path)";

/** An origin: the path, if any, belongs in pathPrefix, so that links and canonical URLs agree. */
const addressSchema = z.string({ error: ADDRESS_EXPECTED }).superRefine((raw, ctx) => {
  const refuse = (found: string, fix: string) => ctx.addIssue({ code: "custom", message: ADDRESS_EXPECTED, params: { found, fix } });
  let url: URL | null = null;
  try {
    url = new URL(raw.trim());
  } catch {
    url = null;
  }
  if (url === null || !["http:", "https:"].includes(url.protocol) || url.hostname === "" || /\s/.test(raw.trim())) {
    refuse(`${JSON.stringify(raw)}, not an absolute http(s) address with a host`, "write the address readers type, starting with https://");
  } else if (url.pathname !== "/" || url.search !== "" || url.hash !== "") {
    refuse(`${JSON.stringify(raw)}, which has a path, a query or a fragment`, `keep the origin (${url.origin}) and put the path in pathPrefix (${url.pathname})`);
  }
});

const pathPrefixSchema = z
  .string({ error: 'the sub-path the host serves the site from, such as "/digest/" ("/" at the root)' })
  .refine((raw) => !/[\s?#\\]/.test(raw) && !raw.includes("://"), {
    error: 'the sub-path the host serves the site from, such as "/digest/": no address, spaces, "?" or "#"',
  });

/** content/site.yaml. A field left empty (`address:`) counts as not set. */
export const siteFileSchema = z.strictObject(
  {
    address: addressSchema.nullable().optional(),
    pathPrefix: pathPrefixSchema.nullable().optional(),
  },
  { error: "the site's settings as fields, one per line (address, pathPrefix)" },
);
export type SiteFile = z.infer<typeof siteFileSchema>;

/** The site file, or the environment, does not say where the site is published in a usable way. */
export class SiteConfigError extends Error {
  constructor(readonly problems: Finding[]) {
    super(`The site's configuration has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
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
    return { settings: {}, problems: [{ file: shown, expected: "a readable YAML file", found: String((error as Error).message), fix: "make it a plain file the build can read" }] };
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
    if (!checked.success) problems.push(...problemsFromZod("the environment variable SITE_URL", checked.error, fromEnv));
  }
  if (env.PATH_PREFIX !== undefined && !pathPrefixSchema.safeParse(env.PATH_PREFIX).success) {
    problems.push({ file: "the environment variable PATH_PREFIX", expected: 'a sub-path such as "/digest/"', found: JSON.stringify(env.PATH_PREFIX), fix: "give the path only, without the address" });
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
