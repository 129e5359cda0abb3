import { dateToRfc3339, dateToRfc822 } from "@11ty/eleventy-plugin-rss";
import { FEED_TIME_ZONE } from "../src/feeds/dates.ts";
import { addNunjucksFilters } from "./nunjucks-filters.ts";

/**
 * The official RSS plugin's date formatters, for the feed templates (content/feeds/). Only these:
 * its feed templates (feedPlugin) make one feed per Eleventy collection, with no categories, no
 * per-language channels and JSON strings left unescaped, while ours are paginated over the channels
 * src/feeds computes. Registering the whole plugin would also replace our `absoluteUrl` filter
 * with its deprecated two-argument one, which returns relative URLs when given no base.
 */
export default function (eleventyConfig: any) {
  // An article's date is formatted in every feed that carries it: each format is made once per date.
  const memo = (format: (date: Date) => string) => {
    const known = new Map<number, string>();
    return (date: Date) => {
      let text = known.get(date.getTime());
      if (text === undefined) known.set(date.getTime(), (text = format(date)));
      return text;
    };
  };
  addNunjucksFilters(eleventyConfig, {
    // RFC 3339 in UTC: Atom and JSON Feed.
    dateToRfc3339: memo((date) => dateToRfc3339(date)),
    // RFC 822 with the numeric offset of the feeds' time zone, whatever the building machine's zone.
    dateToRfc822: memo((date) => dateToRfc822(date, FEED_TIME_ZONE)),
  });
}
