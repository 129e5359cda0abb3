import type { z } from "zod";
import { type EditorLang, type Message, isMessage, msg, say, verbatim } from "../messages/index.ts";

/**
 * What a check found wrong with the content, said so an editor can fix it without reading code:
 * which file, which field, what was expected, what was found, and what to do. The file and the
 * field are what the editor types; the rest are messages, put into words in the editor's language
 * when they are shown (src/messages/).
 */
export interface Finding {
  file: string;
  field?: string;
  expected: Message;
  found: Message;
  fix?: Message;
}

/**
 * Every check the digest makes is a rule with a stable id; its severity is data, read by the
 * build, `npm run check` and the development server alike, so they never disagree on what blocks.
 *   error    the content cannot be published: the build and the development server refuse it,
 *            the check exits 1
 *   warning  reported by all three; never blocks
 */
export const RULES = {
  /** An article's folder or one of its files is missing, unreadable or invalid. */
  "article-file": "error",
  /** An actor, role or topic file is unreadable or invalid, or refers to something unknown. */
  "registry-file": "error",
  /** content/site.yaml, where the site is published, is unreadable or invalid. */
  "site-file": "error",
  /** No article to publish: articles/ holds none, or drafts only (the development server shows drafts). */
  "empty-corpus": "error",
  /** An article lists a topic id the registry lacks. */
  "unknown-topic": "error",
  /** A finished summary still holds a placeholder `npm run new` left. */
  "placeholder-left": "error",
  /** A published article's summary gives a figure or an actor its source does not support. */
  "unsupported-fact": "error",
  /** The same, in an article not published yet: to correct before it is. */
  "unsupported-fact-in-draft": "warning",
} as const satisfies Record<string, Severity>;

export type Severity = "error" | "warning";
export type RuleId = keyof typeof RULES;

export interface Problem extends Finding {
  rule: RuleId;
  severity: Severity;
}

/** Names the rule behind what a check found; its severity comes from RULES. */
export function underRule(rule: RuleId, findings: readonly Finding[]): Problem[] {
  return findings.map((finding) => ({ rule, severity: RULES[rule], ...finding }));
}

export const errorsIn = (problems: readonly Problem[]): Problem[] => problems.filter((p) => p.severity === "error");

/** One problem on one line: where, expected, found and the fix, in `lang` (English unless told). */
export function formatProblem(p: Finding, lang: EditorLang = "en"): string {
  const where = p.field ? say(lang, msg("problem.inField", { file: p.file, field: p.field })) : p.file;
  const line = say(lang, msg("problem.line", { where, expected: p.expected, found: p.found }));
  return p.fix ? `${line} ${say(lang, msg("problem.fix", { fix: p.fix }))}` : line;
}

/** The problems as a list under one heading, in `lang`. */
export function formatProblems(problems: readonly Finding[], lang: EditorLang = "en"): string {
  return [say(lang, msg("problem.heading", { count: problems.length })), ...problems.map((p) => `  - ${formatProblem(p, lang)}`)].join("\n");
}

export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = "ContentError";
  }
}

/** What a field holds, said as the editor would say it: put into words by the catalog. */
export function describeValue(value: unknown): Message {
  if (value === undefined) return msg("value.missing");
  if (value === null) return msg("value.null");
  if (typeof value === "string") {
    const shown = value.length > 80 ? `${value.slice(0, 77)}…` : value;
    return value === "" ? msg("value.emptyText") : verbatim(JSON.stringify(shown));
  }
  if (Array.isArray(value)) return msg("value.list", { json: jsonPrefix(value, 80) });
  if (typeof value === "object") return msg("value.group");
  if (typeof value === "number") return msg("value.number", { value: String(value) });
  if (typeof value === "boolean") return msg("value.boolean", { value: String(value) });
  return verbatim(`${typeof value} ${String(value)}`);
}

/**
 * Zod carries a schema's message as text: ours are messages written as JSON (`zodMessage`), so
 * that a schema says what it expects in every language; zod's own few (an unknown type) pass
 * through as they are.
 */
export const zodMessage = (message: Message): string => JSON.stringify(message);

export function fromZodMessage(text: string): Message {
  if (text.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isMessage(parsed)) return parsed;
    } catch {
      // Not one of ours.
    }
  }
  return verbatim(text);
}

/**
 * The first `length` characters of the value as JSON, written only that far: a value read from
 * YAML may share itself many times over (aliases), or hold itself, and must never be written whole.
 */
function jsonPrefix(value: unknown, length: number): string {
  let out = "";
  const write = (text: string) => {
    out += text;
    return out.length < length;
  };
  const visit = (v: unknown): boolean => {
    if (Array.isArray(v)) {
      if (!write("[")) return false;
      for (let i = 0; i < v.length; i++) if ((i > 0 && !write(",")) || !visit(v[i] ?? null)) return false;
      return write("]");
    }
    if (v !== null && typeof v === "object") {
      if (!write("{")) return false;
      let first = true;
      for (const [key, child] of Object.entries(v)) {
        if (child === undefined) continue;
        if ((!first && !write(",")) || !write(`${JSON.stringify(key)}:`) || !visit(child)) return false;
        first = false;
      }
      return write("}");
    }
    return write(JSON.stringify(typeof v === "string" ? v.slice(0, length) : v) ?? "null");
  };
  visit(value);
  return out.slice(0, length);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Zod issues become Problems. Schema messages are written as what is expected ("a date as
 * YYYY-MM-DD…"), so the message reads naturally after "expected".
 */
export function problemsFromZod(
  file: string,
  error: z.ZodError,
  input: unknown,
  fixes: Record<string, Message> = {},
): Finding[] {
  return error.issues.flatMap((issue): Finding[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        file,
        field: [...issue.path, key].join("."),
        expected: msg("schema.noSuchField"),
        found: describeValue(valueAt(input, [...issue.path, key])),
        fix: msg("schema.removeField", { key }),
      }));
    }
    const field = issue.path.map(String).join(".");
    // Custom checks may say better than the raw value what was found and how to fix it.
    const params = (issue.code === "custom" ? issue.params : undefined) as
      | { found?: Message; fix?: Message }
      | undefined;
    return [
      {
        file,
        field: field || undefined,
        expected: fromZodMessage(issue.message),
        found: params?.found ?? describeValue(valueAt(input, issue.path)),
        fix: params?.fix ?? fixes[field],
      },
    ];
  });
}
