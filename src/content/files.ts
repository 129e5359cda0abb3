import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readlinkSync, realpathSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { type Message, msg } from "../messages/index.ts";
import type { Finding } from "./problems.ts";
import { normalizeText } from "./text.ts";

/**
 * Every file of the content folder is read here, and only what the folder itself holds is read:
 * whatever it says ends up on public pages and in the search index. So:
 *   - symbolic links are never followed, wherever they point (a link to a file outside the folder
 *     once published the build's environment); the problem says where the link leads;
 *   - only regular files are read: never a pipe, a device, a socket or a /proc file;
 *   - each kind of file has a size limit, checked before reading, far above any real file;
 *   - text is UTF-8, decoded strictly: a Latin-1 file is refused, not read as "�" everywhere.
 */

/** How large each kind of file may be, far above any real one, and what a real one weighs. */
export interface SizeLimit {
  bytes: number;
  typical: Message;
  fix: Message;
}

const CHECK_FILE = msg("file.checkFile");

export const SIZE_LIMITS = {
  source: { bytes: 1_000_000, typical: msg("file.typicalSource", { size: formatBytes(60_000) }), fix: msg("file.fixSource") },
  summary: { bytes: 100_000, typical: msg("file.typicalSummary", { size: formatBytes(2_000) }), fix: CHECK_FILE },
  articleMeta: { bytes: 20_000, typical: msg("file.typicalMeta"), fix: CHECK_FILE },
  registry: { bytes: 100_000, typical: msg("file.typicalRegistry", { size: formatBytes(1_000) }), fix: CHECK_FILE },
} as const satisfies Record<string, SizeLimit>;

/** The content folder the files must be in, and how a path is shown to editors. */
export interface ContentFolder {
  /** Its real path (symbolic links in the path leading to it resolved). */
  root: string;
  display: (file: string) => string;
}

export function contentFolder(dir: string): ContentFolder {
  const resolved = path.resolve(dir);
  let root = resolved;
  try {
    root = realpathSync(resolved);
  } catch {
    // A missing folder is reported by whoever lists it.
  }
  return { root, display: (file) => path.relative(process.cwd(), file) || file };
}

/** Fatal: a byte that is not UTF-8 throws. Not streaming, so one decoder serves every file. */
const UTF8 = new TextDecoder("utf-8", { fatal: true });

export type FileRead = { ok: true; text: string } | { ok: false; missing: true } | { ok: false; missing: false; problem: Finding };

/**
 * The text of a content file, with its byte-order mark and Windows line endings removed, or what
 * is wrong with it. A missing file is left to the caller, which knows what it should hold.
 */
export function readContentText(file: string, folder: ContentFolder, limit: SizeLimit): FileRead {
  const maxBytes = limit.bytes;
  const refuse = (problem: Omit<Finding, "file">): FileRead => ({ ok: false, missing: false, problem: { file: folder.display(file), ...problem } });
  let stat: Stats;
  try {
    stat = lstatSync(file);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return { ok: false, missing: true };
    return refuse(unreadable(error));
  }
  const refused = refusedEntry(file, stat, folder, "file");
  if (refused) return refuse(refused);
  if (stat.size > maxBytes) return refuse(tooLarge(stat.size, limit));
  // A folder on the way to the file may itself be a link: the file must really be inside.
  // One realpath(3) call: the JavaScript one lstats every folder on the way, for each of 40,000 files.
  const real = realpathSync.native(file);
  if (!isInside(real, folder.root)) return refuse(outside(real));

  let bytes: Buffer;
  try {
    bytes = readAtMost(file, maxBytes + 1);
  } catch (error) {
    return refuse(unreadable(error));
  }
  // Some files (those of /proc among them) say they are empty and are not: the bytes decide.
  if (bytes.length > maxBytes) return refuse(tooLarge(bytes.length, limit, true));
  try {
    return { ok: true, text: normalizeText(UTF8.decode(bytes)) };
  } catch {
    return refuse(notUtf8(bytes));
  }
}

/**
 * What is wrong with an entry of the content folder that is not a real file or folder (a link, a
 * pipe, a device, a socket), or that is a folder where a file is expected or the other way
 * round; null when it is what is expected. Folder walks use it to report what they do not enter.
 */
export function refusedEntry(file: string, stat: Stats, folder: ContentFolder, expected: "file" | "folder" | "file or folder"): Omit<Finding, "file"> | null {
  if (stat.isSymbolicLink()) return symbolicLink(file, folder, expected === "file or folder" ? linkedKind(file) : expected);
  if (stat.isFile() && expected !== "folder") return null;
  if (stat.isDirectory() && expected !== "file") return null;
  const wanted = expected === "file or folder" ? "file" : expected;
  const kind = stat.isDirectory()
    ? "folder"
    : stat.isFile()
      ? "file"
      : stat.isFIFO()
        ? "pipe"
        : stat.isSocket()
          ? "socket"
          : stat.isCharacterDevice() || stat.isBlockDevice()
            ? "device"
            : "special";
  const special = !stat.isFile() && !stat.isDirectory();
  return {
    expected: msg(`file.regular.${wanted}`),
    found: special ? msg("file.onlyRegular", { kind: msg(`file.kind.${kind}`) }) : msg(`file.kind.${kind}`),
    fix: msg(special ? "file.fixSpecial" : `file.replaceWith.${wanted}`),
  };
}

/** What a link found by a folder walk stands for: a folder when it leads to one. */
function linkedKind(link: string): "file" | "folder" {
  try {
    return statSync(link).isDirectory() ? "folder" : "file";
  } catch {
    return "file";
  }
}

function symbolicLink(file: string, folder: ContentFolder, expected: "file" | "folder"): Omit<Finding, "file"> {
  let target = "";
  try {
    target = readlinkSync(file);
  } catch {
    // Shown without its target.
  }
  let real: string | null = null;
  try {
    real = realpathSync(file);
  } catch {
    // A link to nothing.
  }
  const where =
    real === null
      ? msg("file.link.nowhere")
      : isInside(real, folder.root) || real === folder.root
        ? msg("file.link.inside", { path: folder.display(real) })
        : real === path.resolve(path.dirname(file), target)
          ? msg("file.link.outside")
          : msg("file.link.outsideAt", { path: real });
  return {
    expected: msg(`file.link.expected.${expected}`),
    found: target ? msg("file.link.foundTo", { target, where }) : msg("file.link.found", { where }),
    fix: real !== null && !isInside(real, folder.root) ? msg("file.link.fixOutside") : msg(`file.link.fixCopy.${expected}`),
  };
}

function outside(real: string): Omit<Finding, "file"> {
  return {
    expected: msg("file.link.expected.file"),
    found: msg("file.link.throughFolder", { path: real }),
    fix: msg("file.link.fixFolder"),
  };
}

function tooLarge(size: number, limit: SizeLimit, more = false): Omit<Finding, "file"> {
  return {
    expected: msg("file.atMost", { size: formatBytes(limit.bytes), typical: limit.typical }),
    found: msg(more ? "file.moreThan" : "file.size", { size: formatBytes(size), count: size }),
    fix: limit.fix,
  };
}

function unreadable(error: unknown): Omit<Finding, "file"> {
  return {
    expected: msg("file.readable"),
    found: msg("file.unreadable", { code: errorCode(error) === NOT_REGULAR ? msg("file.notRegular") : (errorCode(error) ?? String(error)) }),
    fix: msg("file.checkPermissions"),
  };
}

/** Where the first byte that is not UTF-8 is, and what the file most likely is instead. */
function notUtf8(bytes: Uint8Array): Omit<Finding, "file"> {
  const at = firstInvalidUtf8(bytes);
  const byte = bytes[at] ?? 0;
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  let control = 0;
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  const binary = !utf16 && control > bytes.length / 100;
  const guess = utf16 ? msg("file.utf16") : binary ? msg("file.binary") : msg("file.latin1", { byte: hex, char: windows1252(byte) });
  return {
    expected: msg("file.utf8"),
    found: msg("file.notUtf8", { line, byte: hex, guess }),
    fix: msg(binary ? "file.fixBinary" : "file.fixEncoding"),
  };
}

function windows1252(byte: number): string {
  return new TextDecoder("windows-1252").decode(new Uint8Array([byte]));
}

/** The offset of the first byte that starts no valid UTF-8 sequence (the file has one). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const [length, low, high] =
      b >= 0xc2 && b <= 0xdf ? [1, 0x80, 0xbf] : b >= 0xe0 && b <= 0xef ? [2, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf] : b >= 0xf0 && b <= 0xf4 ? [3, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf] : [0, 0, 0];
    if (length === 0 || i + length >= bytes.length) return i;
    const second = bytes[i + 1] as number;
    if (second < low || second > high) return i;
    for (let k = 2; k <= length; k++) {
      const next = bytes[i + k] as number;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length + 1;
  }
  return bytes.length;
}

/** "1 MB", "60 KB": a size as an editor reads it, with the units of the language (Mo, Ko in French). */
export function formatBytes(bytes: number): Message {
  if (bytes >= 1_000_000) return msg("file.megabytes", { size: Number((bytes / 1_000_000).toFixed(1)) });
  if (bytes >= 1_000) return msg("file.kilobytes", { size: Number((bytes / 1_000).toFixed(1)) });
  return msg("file.bytes", { count: bytes });
}

/**
 * Reads no more than `limit` bytes. O_NOFOLLOW refuses a link swapped in after the check, and
 * O_NONBLOCK keeps a pipe swapped in from blocking the build; what was opened must be a file.
 */
function readAtMost(file: string, limit: number): Buffer {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw Object.assign(new Error(NOT_REGULAR), { code: NOT_REGULAR });
    // Sized by what the file says it holds, grown when it holds more (a /proc file says 0).
    let buffer = Buffer.alloc(Math.min(limit, stat.size + 1, 1 << 30) || 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length >= limit) break;
        const larger = Buffer.alloc(Math.min(limit, length * 2));
        buffer.copy(larger);
        buffer = larger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

function isInside(file: string, root: string): boolean {
  return file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** What a file swapped for a pipe or a folder between the check and the read is said to be. */
const NOT_REGULAR = "not a regular file";

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}
