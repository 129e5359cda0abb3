// Eleventy 3 ships no type declarations; this names the small surface we use.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
  }
  export const HtmlBasePlugin: unknown;
  export const RenderPlugin: unknown;
  export const IdAttributePlugin: unknown;
  export const InputPathToUrlTransformPlugin: unknown;
}
