import { type EditorLang, msg, say } from "./index.ts";

/**
 * What node:util's parseArgs refused, in the editor's language: an unknown option, an option
 * without its value (or with one it does not take), an argument the command does not take. Its
 * own English text is kept for anything else.
 */
export function commandLineError(error: unknown, lang: EditorLang): string {
  const { code, message = String(error) } = error as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return say(lang, msg("cli.unknownOption", { option: quoted }));
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return say(lang, msg("cli.unexpected", { argument: quoted }));
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (message.endsWith("argument missing")) return say(lang, msg("cli.missingValue", { option: quoted.replace(/ <value>$/, "") }));
    if (message.endsWith("does not take an argument")) return say(lang, msg("cli.noValue", { option: quoted }));
  }
  return message;
}
