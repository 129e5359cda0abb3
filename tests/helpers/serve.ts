/** The static host tests serve built sites with is the one `npm run screenshots` uses. */
export * from "../../scripts/lib/serve-site.ts";
