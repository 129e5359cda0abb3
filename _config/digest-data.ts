import type { BuiltDigest } from "../src/build-digest.ts";

/**
 * The digest as the templates read it, under two global names:
 *   digest   every page (src/site/), and `render`: the pages to write in this build
 *   feeds    every feed (src/feeds/), and `render.documents`: the feeds to write
 * The development server and a production build over its own earlier site narrow `render` to
 * what changed; a production build renders in runs, each narrowed to its share (scripts/lib/render-site.ts).
 */
export function templateData(built: Pick<BuiltDigest, "site" | "feeds">, render: { site: BuiltDigest["site"]; feeds: BuiltDigest["feeds"]["documents"] } = { site: built.site, feeds: built.feeds.documents }) {
  return {
    digest: { ...built.site, render: render.site },
    feeds: { ...built.feeds, render: { documents: render.feeds } },
  };
}
