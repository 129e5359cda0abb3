/**
 * Where the site is published. Both values come from the environment so one build command serves
 * every host: SITE_URL is the origin (used for canonical and feed URLs), PATH_PREFIX the sub-path
 * a static host serves the site from ("/" at the root).
 */
export interface SiteConfig {
  url: string;
  pathPrefix: string;
}

export function normalizePathPrefix(raw: string | undefined): string {
  const trimmed = (raw ?? "/").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

export function siteConfig(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const url = (env.SITE_URL ?? "http://localhost:8080").replace(/\/+$/, "");
  try {
    new URL(url);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://example.org, found "${url}"`);
  }
  return { url, pathPrefix: normalizePathPrefix(env.PATH_PREFIX) };
}

/** "/fr/articles/x/" → "https://example.org/prefix/fr/articles/x/" */
export function absoluteUrl(config: SiteConfig, siteUrl: string): string {
  const path = config.pathPrefix + siteUrl.replace(/^\/+/, "");
  return config.url + path;
}
