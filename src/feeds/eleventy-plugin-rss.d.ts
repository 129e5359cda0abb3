// @11ty/eleventy-plugin-rss ships no type declarations; these are the two date formatters we use.
declare module "@11ty/eleventy-plugin-rss" {
  export function dateToRfc3339(date: Date): string;
  export function dateToRfc822(date: Date | string | number, timeZone?: string): string;
}
