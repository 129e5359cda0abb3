import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, unlinkSync, writeFileSync, type Stats } from "node:fs";
import path from "node:path";
import { MARKER, MARKER_TEXT, holdsOnlyBuildEntries, isFile } from "./output-guard.ts";
import { isRunning } from "./output-lock.ts";

/** The folder beside the output where a build renders the new site. */
export const stagingPath = (output: string, pid = process.pid) => `${output}.tmp-${pid}`;
/** The folder beside the output where the site being replaced waits, for two renames, to be deleted. */
export const previousPath = (output: string, pid = process.pid) => `${output}.old-${pid}`;

export interface Recovery {
  /** The previous site put back as the output, when a build was killed between its two renames. */
  restored: string | null;
  /** Folders that killed builds left beside the output, now deleted. */
  removed: string[];
}

/**
 * Cleans what killed builds left beside `output`, to be called with the lock held. Only folders
 * named as a build names them (`<output>.tmp-<pid>`, `<output>.old-<pid>`), whose build no longer
 * runs and that hold nothing but what a build writes, are touched. When the output is missing and
 * a complete previous site is there (it still has its marker: deleting one removes the marker
 * first), that site is put back before anything else.
 */
export function recoverOutput(output: string): Recovery {
  const parent = path.dirname(output);
  if (!existsSync(parent)) return { restored: null, removed: [] };
  const ours = new RegExp(`^${escapeRegExp(path.basename(output))}\\.(tmp|old)-(\\d+)$`);
  const leftovers = readdirSync(parent, { withFileTypes: true }).flatMap((entry) => {
    const match = ours.exec(entry.name);
    if (!match || !entry.isDirectory()) return [];
    const pid = Number(match[2]);
    // Our own PID names nothing of ours yet: an earlier build had it.
    if (pid !== process.pid && isRunning(pid)) return [];
    const dir = path.join(parent, entry.name);
    return holdsOnlyBuildEntries(dir) ? [{ dir, kind: match[1] }] : [];
  });

  let restored: string | null = null;
  if (!existsSync(output)) {
    const [newest] = leftovers
      .filter(({ dir, kind }) => kind === "old" && isFile(path.join(dir, MARKER)))
      .sort((a, b) => statSync(b.dir).ctimeMs - statSync(a.dir).ctimeMs);
    if (newest) {
      renameSync(newest.dir, output);
      restored = newest.dir;
    }
  }
  const removed = leftovers.map(({ dir }) => dir).filter((dir) => dir !== restored);
  for (const dir of removed) removeSite(dir);
  return { restored, removed };
}

/**
 * Puts the site rendered in `staging` in place of `output`: the marker into the new site, then two
 * renames (the output aside, the new site in), then the old site is deleted. Between the two
 * renames, and only there, no output folder exists; a build killed there leaves the old site
 * complete beside it, and the next build puts it back (recoverOutput).
 *
 * With `spare`, the old site is not deleted but moved there, its marker taken out first (so it is
 * never taken for a complete site), for the next build to assemble its site in (keepFiles in
 * site-manifest.ts); where it cannot be moved (another file system) it is deleted.
 */
export function publish(staging: string, output: string, spare?: string): void {
  writeFileSync(path.join(staging, MARKER), MARKER_TEXT);
  const previous = previousPath(output);
  if (existsSync(output)) {
    // A site an older build wrote, accepted once: marked now, so it is restorable if we die below.
    if (!isFile(path.join(output, MARKER))) writeFileSync(path.join(output, MARKER), MARKER_TEXT);
    renameSync(output, previous);
  }
  renameSync(staging, output);
  if (spare === undefined || !existsSync(previous)) return removeSite(previous);
  rmSync(path.join(previous, MARKER), { force: true });
  try {
    // Whatever is there (a spare no build took): a link is removed, never followed.
    if (lstatOrNull(spare)?.isDirectory()) removeTree(spare);
    else rmSync(spare, { force: true });
    mkdirSync(path.dirname(spare), { recursive: true });
    renameSync(previous, spare);
  } catch {
    removeSite(previous);
  }
}

/** Deletes a site, its marker first: a deletion cut short never leaves what looks like a complete site. */
export function removeSite(dir: string): void {
  rmSync(path.join(dir, MARKER), { force: true });
  removeTree(dir);
}

/**
 * Deletes a folder and everything under it, a site's 25,000 files at 10,000 articles. Each entry's
 * kind comes with its folder's listing, so a file costs one unlink and a folder one listing and one
 * rmdir, where rmSync first asks each path what it is and tries each folder's rmdir before emptying
 * it. A symbolic link is unlinked, never followed. Anything unexpected (a file that will not go, a
 * folder another process fills) is left to rmSync, which retries and reports.
 */
export function removeTree(dir: string): void {
  try {
    emptyAndRemove(dir);
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}

function emptyAndRemove(dir: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) emptyAndRemove(file);
    else unlinkSync(file);
  }
  rmdirSync(dir);
}

function lstatOrNull(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
