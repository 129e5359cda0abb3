import type { BuiltDigest } from "../src/build-digest.ts";

/**
 * The digest as the templates read it, under two global names:
 *   digest   every page (src/site/), and `render`: the pages to write in this build
 *   feeds    every feed (src/feeds/), and `render.documents`: the feeds to write
 * A production build writes everything; the development server narrows `render` to what changed.
 */
export function templateData(built: BuiltDigest, render: { site: BuiltDigest["site"]; feeds: BuiltDigest["feeds"]["documents"] } = { site: built.site, feeds: built.feeds.documents }) {
  return {
    digest: { ...built.site, render: render.site },
    feeds: { ...built.feeds, render: { documents: render.feeds } },
  };
}
