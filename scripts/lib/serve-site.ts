import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/**
 * A static host for a built site, as small as a test (and `npm run screenshots`) can trust: it serves the folder under the
 * site's path prefix, with the MIME types browsers insist on (application/wasm for Pagefind,
 * text/javascript for modules), and sends the headers the build wrote in `_headers`, so pages run
 * under the real Content Security Policy.
 */
export interface ServedSite {
  /** "http://127.0.0.1:PORT/prefix/" */
  base: string;
  /** An address on the site from a root-relative site URL ("/fr/recherche/"). */
  url(siteUrl: string): string;
  close(): Promise<void>;
}

const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".xml": "application/xml",
  ".xsl": "application/xslt+xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** Pagefind's index files (.pf_index, .pf_fragment, wasm.fr.pagefind…) are opaque bytes. */
function mimeType(file: string): string {
  return MIME_TYPES[path.extname(file)] ?? "application/octet-stream";
}

interface HeaderRule {
  pattern: RegExp;
  headers: Array<[string, string]>;
}

/** Netlify's `_headers`: a path (with `*` for any rest), then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const rule = rules[rules.length - 1];
    const colon = line.indexOf(":");
    if (!rule || colon < 0) throw new Error(`_headers: a header line outside a path, or without a colon: "${line}"`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

export async function serveSite(root: string, pathPrefix = "/"): Promise<ServedSite> {
  const headersFile = path.join(root, "_headers");
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, "utf8")) : [];

  function send(res: ServerResponse, status: number, urlPath: string, file?: string) {
    for (const rule of rules) {
      if (rule.pattern.test(urlPath)) for (const [name, value] of rule.headers) res.setHeader(name, value);
    }
    if (!file) {
      res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    const body = readFileSync(file);
    res.writeHead(status, { "Content-Type": mimeType(file), "Content-Length": body.length, "Cache-Control": "no-store" });
    res.end(body);
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    if (!urlPath.startsWith(pathPrefix)) return send(res, 404, urlPath);
    const relative = path.normalize(urlPath.slice(pathPrefix.length));
    if (relative.startsWith("..") || relative === "_headers") return send(res, 404, urlPath);
    let file = path.join(root, relative);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!urlPath.endsWith("/")) {
        res.writeHead(301, { Location: `${urlPath}/` }).end();
        return;
      }
      file = path.join(file, "index.html");
    }
    if (existsSync(file) && statSync(file).isFile()) return send(res, 200, urlPath, file);
    const notFound = path.join(root, "404.html");
    return send(res, 404, urlPath, existsSync(notFound) ? notFound : undefined);
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}${pathPrefix}`;
  return {
    base,
    url: (siteUrl) => base + siteUrl.replace(/^\/+/, ""),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
