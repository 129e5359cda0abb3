import { createRequire } from "node:module";
import type * as chrono from "chrono-node";
import type { Lang } from "../languages.ts";

/**
 * chrono's casual French and Spanish parsers, as `chrono.fr.parse` and `chrono.es.parse` run
 * them, with the same results, but without compiling their patterns again on every call.
 *
 * chrono keeps each parser's pattern and rebuilds it when the parser's inner pattern "has
 * changed", which it tells by identity: a parser that builds its inner pattern afresh (a literal,
 * or `new RegExp` over its word lists, as the time-unit parsers do) looks changed every time, so
 * every call to parse builds and compiles those patterns again. It is most of what chrono costs
 * on the analysis's short windows. Here a pattern has changed only when its source or flags have,
 * which is what makes two patterns match alike; and a parser whose inner pattern takes no
 * context builds it once.
 */
interface WordBoundaryParser {
  innerPattern(context?: unknown): RegExp;
  innerPatternHasChange(context: unknown, current: RegExp): boolean;
}

function isWordBoundaryParser(parser: object): parser is WordBoundaryParser {
  return "innerPattern" in parser && "innerPatternHasChange" in parser && typeof parser.innerPattern === "function";
}

function casual(configuration: ReturnType<typeof chrono.fr.createCasualConfiguration>, loaded: typeof chrono): chrono.Chrono {
  for (const parser of configuration.parsers) {
    if (!isWordBoundaryParser(parser)) continue;
    if (parser.innerPattern.length === 0) {
      const fixed = parser.innerPattern();
      parser.innerPattern = () => fixed;
    }
    parser.innerPatternHasChange = function (this: WordBoundaryParser, context: unknown, current: RegExp): boolean {
      const next = this.innerPattern(context);
      return next.source !== current.source || next.flags !== current.flags;
    };
  }
  return new loaded.Chrono(configuration);
}

let parsers: Record<Lang, chrono.Chrono> | undefined;

/**
 * The parser of a language. chrono is loaded the first time a date is parsed, not when the
 * analysis is imported: loading it costs about 0.4 s, and a build whose analyses all come from the
 * cache never parses a date. (The analysis cache's code hash follows this `require` as it follows
 * imports, so an upgrade of chrono still makes cached analyses stale.)
 */
export function dateParser(lang: Lang): chrono.Chrono {
  parsers ??= (() => {
    const require = createRequire(import.meta.url);
    const loaded = require("chrono-node") as typeof chrono;
    return { fr: casual(loaded.fr.createCasualConfiguration(), loaded), es: casual(loaded.es.createCasualConfiguration(), loaded) };
  })();
  return parsers[lang];
}
