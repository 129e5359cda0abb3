import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { msg } from "../../src/messages/index.ts";
import { OutputError } from "./output-guard.ts";

/** Where a build into `output` holds its lock: a file beside the output, holding the build's PID. */
export const lockPath = (output: string) => `${output}.lock`;

/** Whether a process with this PID still runs (one of another user's counts as running). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock on `output` for this process, or throws an OutputError at once if another build
 * that is still running holds it: a second build is refused, it does not wait. A lock left by a
 * build that no longer runs is taken over. Returns the function that gives the lock back.
 */
export function lockOutput(output: string): () => void {
  const lock = lockPath(output);
  const mine = `${process.pid}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      // `wx`: created only if absent, in one step; two builds can never both create it.
      writeFileSync(lock, mine, { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const held = readLock(lock, { waitForContent: true });
    const pid = Number.parseInt(held ?? "", 10);
    if (held === null && attempt < 3) continue; // given back meanwhile
    if (attempt < 3 && Number.isInteger(pid) && pid > 0 && !isRunning(pid)) {
      // Stale: its build was killed. Remove it only if it still names that build.
      if (readLock(lock) === held) unlinkSync(lock);
      continue;
    }
    throw new OutputError({
      file: output,
      expected: msg("lock.expected"),
      found: Number.isInteger(pid) && pid > 0 ? msg("lock.held", { pid: String(pid), lock }) : msg("lock.unnamed", { lock }),
      fix: msg("lock.fix", { lock }),
    });
  }
  return () => {
    if (readLock(lock) === mine) unlinkSync(lock);
  };
}

/**
 * The lock's text, or null when there is none. A lock is created empty and its PID written right
 * after; a reader that comes in between waits a moment for it rather than take it for a broken lock.
 */
function readLock(lock: string, { waitForContent = false } = {}): string | null {
  for (let waited = 0; ; waited += 10) {
    let text: string;
    try {
      text = readFileSync(lock, "utf8");
    } catch {
      return null;
    }
    if (text !== "" || !waitForContent || waited >= 500) return text;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
}
