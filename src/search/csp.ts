/**
 * The Content Security Policy the site is built to run under, and the `_headers` file that
 * carries it to hosts that read one (Netlify, Cloudflare Pages).
 *
 * Nothing on the site needs more: no inline script or style, no third-party origin. Search needs
 * 'wasm-unsafe-eval' (Pagefind compiles its WebAssembly in the page and in its worker, which
 * `default-src 'self'` lets load from the site itself) and connect-src 'self' (it fetches its index).
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join("; ");

/**
 * Directives a policy delivered in `<meta http-equiv>` may not carry: browsers ignore them there
 * (and say so in the console). Framing can only be refused by the header.
 */
const HEADER_ONLY = new Set(["frame-ancestors", "report-uri", "sandbox"]);

/**
 * The same policy for every page's <head>, so that a host that cannot send `_headers` (or a page
 * opened from disk) still runs under it. The header, where it is sent, adds frame-ancestors.
 */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !HEADER_ONLY.has(d.split(" ")[0] ?? "")).join("; ");

/** Headers sent with every file of the site. */
export const SITE_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["Content-Security-Policy", CONTENT_SECURITY_POLICY],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
];

/**
 * `_headers` in Netlify's format: a path pattern, then indented `Name: value` lines. Paths are
 * the ones readers request, so a site served from a sub-path matches under its prefix only.
 */
export function headersFile(pathPrefix: string): string {
  const lines = [`${pathPrefix}*`, ...SITE_HEADERS.map(([name, value]) => `  ${name}: ${value}`)];
  return `${lines.join("\n")}\n`;
}
