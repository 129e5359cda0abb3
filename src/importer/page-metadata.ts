/**
 * What a saved page says about its article, in the tags publishers write for social networks and
 * search engines: Open Graph (`og:title`, `og:site_name`, `article:published_time`, `og:url`,
 * `og:locale`), schema.org JSON-LD (a NewsArticle's headline, datePublished, publisher.name, url,
 * inLanguage), `<link rel="canonical">` and `<html lang>`. Each value keeps the tag it came from,
 * so the importer can say where it found it. Values are given as the page writes them; the
 * command line checks them as it checks its own options.
 */

export type MetaField = "title" | "date" | "outlet" | "url" | "lang";

export interface Found {
  value: string;
  /** The tag it was read from, as an editor would look for it in the page's source. */
  from: string;
}

export type PageMetadata = Partial<Record<MetaField, Found[]>>;

/** Where each field is looked for, in order: the first source that gives a value is preferred. */
export const META_SOURCES: Record<MetaField, readonly string[]> = {
  title: ["og:title", "JSON-LD headline", "<h1>"],
  date: ["article:published_time", "JSON-LD datePublished"],
  outlet: ["og:site_name", "JSON-LD publisher.name"],
  url: ['<link rel="canonical">', "og:url", "JSON-LD url"],
  lang: ["<html lang>", "og:locale", "JSON-LD inLanguage"],
};

type JsonObject = Record<string, unknown>;

/**
 * Every candidate value of every field, in the order of META_SOURCES, so a value the command line
 * cannot use (a relative canonical address) gives way to the next one. Read before the article is
 * extracted: extraction removes the page's scripts, JSON-LD among them.
 */
export function readPageMetadata(document: Document): PageMetadata {
  const meta = (key: string): string | undefined => {
    for (const element of document.querySelectorAll("meta")) {
      if (element.getAttribute("property") === key || element.getAttribute("name") === key) {
        const content = clean(element.getAttribute("content"));
        if (content) return content;
      }
    }
    return undefined;
  };
  const article = jsonLdArticle(document);
  const text = (value: unknown): string | undefined => (typeof value === "string" ? clean(value) : undefined);
  const canonical = [...document.querySelectorAll("link")].find((l) => (l.getAttribute("rel") ?? "").toLowerCase().split(/\s+/).includes("canonical"));

  const candidates: Record<MetaField, (string | undefined)[]> = {
    title: [meta("og:title"), text(article?.headline), clean(document.querySelector("h1")?.textContent)],
    date: [meta("article:published_time"), text(article?.datePublished)],
    outlet: [meta("og:site_name"), text(named(article?.publisher))],
    url: [clean(canonical?.getAttribute("href")), meta("og:url"), text(article?.url) ?? text(idOf(article?.mainEntityOfPage))],
    lang: [clean(document.documentElement?.getAttribute("lang")), meta("og:locale"), text(article?.inLanguage)],
  };
  const found: PageMetadata = {};
  for (const field of Object.keys(candidates) as MetaField[]) {
    const list = candidates[field].flatMap((value, i) => (value ? [{ value, from: META_SOURCES[field][i] as string }] : []));
    if (list.length > 0) found[field] = list;
  }
  return found;
}

/** Whitespace collapsed as a browser shows it; non-breaking spaces are typography and stay. */
function clean(value: string | null | undefined): string | undefined {
  const collapsed = value?.replace(/[ \t\n\r\f]+/g, " ").trim();
  return collapsed ? collapsed : undefined;
}

/**
 * The page's article in its JSON-LD: a NewsArticle first, else any kind of Article (schema.org
 * has ReportageNewsArticle, AnalysisNewsArticle…). Blocks that are not valid JSON are skipped, as
 * search engines skip them.
 */
function jsonLdArticle(document: Document): JsonObject | undefined {
  const items: JsonObject[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isObject(value)) {
      items.push(value);
      if (value["@graph"] !== undefined) collect(value["@graph"]);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collect(JSON.parse(script.textContent ?? ""));
    } catch {
      // Not JSON: nothing to read in it.
    }
  }
  const types = (item: JsonObject) => [item["@type"]].flat().filter((t): t is string => typeof t === "string");
  const article = items.find((i) => types(i).includes("NewsArticle")) ?? items.find((i) => types(i).some((t) => t.endsWith("Article")));
  if (!article) return undefined;
  // A publisher given by reference (`{"@id": "#org"}`) is described elsewhere in the graph.
  const publisher = [article.publisher].flat()[0];
  if (isObject(publisher) && publisher.name === undefined && typeof publisher["@id"] === "string") {
    const described = items.find((i) => i !== publisher && i["@id"] === publisher["@id"]);
    if (described) return { ...article, publisher: described };
  }
  return article;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function named(value: unknown): unknown {
  const first = [value].flat()[0];
  return isObject(first) ? first.name : first;
}

function idOf(value: unknown): unknown {
  return isObject(value) ? (value["@id"] ?? value.url) : value;
}
