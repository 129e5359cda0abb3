import { createRequire } from "node:module";

/** A Nunjucks frame: the variables of one scope, and the scope around it. */
interface Frame {
  variables: Record<string, any>;
  resolve(name: string, forWrite: boolean): Frame | undefined;
  set(name: string, value: unknown, resolveUp?: boolean): void;
}

/**
 * Nunjucks sets seven variables on every turn of a `for` loop (`loop.index`, `loop.first`…), and
 * its frame splits each name on its dots every time: at 1,000 articles that is 2.5 million splits
 * of the same few dozen names. This keeps each name's parts once; the rest is Nunjucks' own
 * `Frame.set`, line for line. Names come from the templates' source, so there are only ever a few.
 */
export default function nunjucksFrames(_eleventyConfig?: unknown): void {
  // The copy Eleventy renders with (package.json: Eleventy's fork, under the name `nunjucks`).
  const { Frame } = createRequire(import.meta.url)("nunjucks/src/runtime.js") as { Frame: { prototype: Frame & { splitNames?: true } } };
  if (Frame.prototype.splitNames) return;
  const parts = new Map<string, string[]>();
  Frame.prototype.set = function set(this: Frame, name: string, value: unknown, resolveUp?: boolean): void {
    let path = parts.get(name);
    if (path === undefined) parts.set(name, (path = name.split(".")));
    if (resolveUp) {
      const frame = this.resolve(path[0] as string, true);
      if (frame) {
        frame.set(name, value);
        return;
      }
    }
    let scope = this.variables;
    for (let i = 0; i < path.length - 1; i++) {
      const id = path[i] as string;
      if (!scope[id]) scope[id] = {};
      scope = scope[id];
    }
    scope[path[path.length - 1] as string] = value;
  };
  Frame.prototype.splitNames = true;
}
