import type { z } from "zod";

/**
 * What a check found wrong with the content, said so an editor can fix it without reading code:
 * which file, which field, what was expected, what was found, and what to do.
 */
export interface Finding {
  file: string;
  field?: string;
  expected: string;
  found: string;
  fix?: string;
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

export function formatProblem(p: Finding): string {
  const where = p.field ? `${p.file}: field "${p.field}"` : p.file;
  const fix = p.fix ? ` Fix: ${p.fix}` : "";
  return `${where}: expected ${p.expected}; found ${p.found}.${fix}`;
}

export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `The content has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join("\n"),
    );
    this.name = "ContentError";
  }
}

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "an empty value";
  if (typeof value === "string") {
    const shown = value.length > 80 ? `${value.slice(0, 77)}…` : value;
    return value === "" ? "an empty text" : JSON.stringify(shown);
  }
  if (Array.isArray(value)) return `a list (${jsonPrefix(value, 80)})`;
  if (typeof value === "object") return "a group of fields";
  return `${typeof value} ${String(value)}`;
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
  fixes: Record<string, string> = {},
): Finding[] {
  return error.issues.flatMap((issue): Finding[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        file,
        field: [...issue.path, key].join("."),
        expected: "no such field",
        found: describeValue(valueAt(input, [...issue.path, key])),
        fix: `remove "${key}" or correct its spelling (${issue.message})`,
      }));
    }
    const field = issue.path.map(String).join(".");
    // Custom checks may say better than the raw value what was found and how to fix it.
    const params = (issue.code === "custom" ? issue.params : undefined) as
      | { found?: string; fix?: string }
      | undefined;
    return [
      {
        file,
        field: field || undefined,
        expected: issue.message,
        found: params?.found ?? describeValue(valueAt(input, issue.path)),
        fix: params?.fix ?? fixes[field],
      },
    ];
  });
}
