import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { NOT_FOR_PUBLISHING } from "../../src/config.ts";
import { type Finding, formatProblem } from "../../src/content/problems.ts";
import { type Message, msg } from "../../src/messages/index.ts";

/**
 * The build replaces its output folder wholesale, so it must only ever replace a folder it wrote
 * itself. Every site it publishes carries this file; a non-empty folder without it is not ours.
 */
export const MARKER = ".digest-build";

export const MARKER_TEXT =
  "This folder is a site written by `npm run build` (digest-mx-us).\n" +
  "The next build into it deletes everything here and writes the site anew.\n" +
  "Delete this file and the build will refuse to replace this folder.\n";

/**
 * What a build writes at the top of its output. A folder holding only these, with the search
 * bundle, the sitemap and both languages, is a site an older build wrote before the marker
 * existed: it is accepted once, and the site that replaces it carries the marker.
 */
export const BUILD_ENTRIES = new Set(["404.html", "_headers", "assets", "es", "fr", "index.html", "pagefind", "robots.txt", "sitemap.xml", NOT_FOR_PUBLISHING, MARKER]);
const OLD_BUILD_NEEDS = ["fr", "es", "index.html", "sitemap.xml", path.join("pagefind", "pagefind-entry.json")];

/** The folders no build may replace, whatever they hold. */
export interface ProtectedFolders {
  /** The folder with package.json and .git. */
  projectRoot: string;
  /** The content being built and the project's own content/ (Eleventy reads its templates there). */
  contentDirs: string[];
}

/** What the output folder is now, when the build may replace it. */
export type OutputState = "missing" | "empty" | "ours" | "older-build";

export class OutputError extends Error {
  constructor(readonly finding: Finding) {
    super(formatProblem(finding));
    this.name = "OutputError";
  }
}

/**
 * Says whether the build may replace `output`, reading it and never writing anything. Throws an
 * OutputError naming the folder, what was expected, what was found and the fix when it may not.
 */
export function checkOutput(output: string, protect: ProtectedFolders): OutputState {
  const given = path.resolve(output);
  const folder = canonical(given);
  const refuse = (found: Message, fix = msg("output.fixOther")): never => {
    throw new OutputError({ file: given, expected: msg("output.expected"), found, fix });
  };

  const contentDirs = protect.contentDirs.map(canonical);
  const root = canonical(protect.projectRoot);
  for (const content of contentDirs) {
    if (same(folder, content)) refuse(msg("output.contentItself"));
    if (within(folder, content)) refuse(msg("output.insideContent", { folder: content }));
  }
  if (same(folder, root)) refuse(msg("output.project"));
  if (within(root, folder)) refuse(msg("output.parentOfProject", { folder: root }));
  for (const content of contentDirs) {
    if (within(content, folder)) refuse(msg("output.parentOfContent", { folder: content }));
  }

  let stat;
  try {
    stat = lstatSync(given);
  } catch {
    return "missing";
  }
  if (stat.isSymbolicLink()) {
    refuse(msg("output.link", { folder }), msg("output.fixLink"));
  }
  if (!stat.isDirectory()) refuse(msg("output.file"), msg("output.fixFile"));

  const entries = readdirSync(folder);
  if (entries.length === 0) return "empty";
  if (isFile(path.join(folder, MARKER))) return "ours";
  if (looksLikeOlderBuild(folder, entries)) return "older-build";
  const strangers = entries.filter((name) => !BUILD_ENTRIES.has(name)).sort();
  const listed = strangers.length > 0 ? strangers : entries.sort();
  const shown = listed.slice(0, 3).join(", ") + (listed.length > 3 ? ", …" : "");
  return refuse(
    strangers.length > 0
      ? msg("output.strangers", { marker: MARKER, count: strangers.length, shown })
      : msg("output.partOfSite", { marker: MARKER, shown }),
    msg("output.fixStrangers"),
  );
}

/** A site an older build wrote: its top level holds what a build writes and nothing else. */
function looksLikeOlderBuild(folder: string, entries: string[]): boolean {
  return entries.every((name) => BUILD_ENTRIES.has(name)) && OLD_BUILD_NEEDS.every((name) => existsSync(path.join(folder, name)));
}

/** Whether a leftover folder beside the output holds nothing but what a build writes. */
export function holdsOnlyBuildEntries(folder: string): boolean {
  return readdirSync(folder).every((name) => BUILD_ENTRIES.has(name));
}

export function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The path with every symbolic link in its existing part resolved, so two names of one folder compare equal. */
function canonical(p: string): string {
  let existing = path.resolve(p);
  const rest: string[] = [];
  while (!existsSync(existing) && path.dirname(existing) !== existing) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return path.join(realpathOr(existing), ...rest);
}

function realpathOr(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}

// macOS and Windows disks usually ignore case: there, Content/ is content/.
const fold = (p: string) => (process.platform === "linux" ? p : p.toLowerCase());
const same = (a: string, b: string) => fold(a) === fold(b);

/** Whether `inner` is strictly inside `outer`. */
function within(inner: string, outer: string): boolean {
  const rel = path.relative(fold(outer), fold(inner));
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
