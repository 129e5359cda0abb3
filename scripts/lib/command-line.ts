import { type ParseArgsConfig, parseArgs } from "node:util";
import { commandLineError } from "../../src/messages/command-line.ts";
import { type EditorLang, msg, say } from "../../src/messages/index.ts";

/**
 * The command line as node:util reads it, or, when it holds an unknown option or a missing value,
 * the reason and how to call the command (the message `usage`), in the editor's language, and exit 1.
 */
export function parseCommandLine<T extends ParseArgsConfig>(lang: EditorLang, usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`✗ ${commandLineError(error, lang)}\n\n${say(lang, msg(usage))}`);
    process.exit(1);
  }
}
