import { absoluteUrl, type SiteConfig } from "../config.ts";

/**
 * A summary's HTML as a feed carries it. Feed readers show content away from the site, where a
 * link such as href="/fr/articles/x/" would point at the reader's own host: root-relative links
 * and images get the site URL and path prefix. The HTML comes from markdown-it, which always
 * writes attributes in double quotes, already escaped.
 */
const ROOT_RELATIVE = /(\s(?:href|src)=")(\/(?!\/)[^"]*)"/g;

export function feedContentHtml(html: string, site: SiteConfig): string {
  return html.replace(ROOT_RELATIVE, (_, attribute: string, url: string) => `${attribute}${absoluteUrl(site, url)}"`);
}
