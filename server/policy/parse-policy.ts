import { type Document, isMap, isNode, isPair, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Policy, policyFileSchema } from '../../shared/policy.ts';

/** A policy file that cannot be used: where (1-based line and column) and why. */
export class PolicyError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}

type Path = ReadonlyArray<PropertyKey>;

/** The deepest node of the document on `path` (the parent when the last step is missing). */
function nodeAt(doc: Document, path: Path): Node | undefined {
  let node: unknown = doc.contents;
  for (const step of path) {
    if (!isNode(node) || !('get' in node)) break;
    const next: unknown = (node as { get(key: unknown, keepScalar: boolean): unknown }).get(step, true);
    if (!isNode(next)) break;
    node = next;
  }
  return isNode(node) ? node : undefined;
}

/** The key node of `key` in the map at `path`, for "unknown key" errors. */
function keyAt(doc: Document, path: Path, key: string): Node | undefined {
  const map = nodeAt(doc, path);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
  return pair && isNode(pair.key) ? pair.key : undefined;
}

function pathText(path: Path): string {
  return path.reduce<string>(
    (text, step) =>
      typeof step === 'number' ? `${text}[${step}]` : text ? `${text}.${String(step)}` : String(step),
    '',
  );
}

function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (value, step) =>
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined,
    data,
  );
}

function reasonOf(issue: z.core.$ZodIssue, data: unknown): string {
  const where = pathText(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}${
      where ? ` in ${where}` : ''
    } (known: version, publicServices, allowedInvokers.domains/projects, waivers[].rule/resource/justification/owner/expires)`;
  }
  if (issue.code === 'invalid_type' && issue.path.length > 0 && valueAt(data, issue.path) === undefined) {
    return `${where}: missing`;
  }
  return `${where || 'the file'}: ${issue.message}`;
}

/**
 * Parses and validates a policy file. YAML syntax errors and structural problems are refused with a
 * PolicyError naming the line and column of the offending node (zod paths are mapped back to nodes).
 */
export function parsePolicy(text: string, file = 'policy'): Policy {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  const [syntax] = doc.errors;
  if (syntax) {
    const { line, column } = syntax.linePos?.[0]
      ? { line: syntax.linePos[0].line, column: syntax.linePos[0].col }
      : position(syntax.pos[0]);
    throw new PolicyError(file, line, column, syntax.message.split('\n')[0] ?? syntax.code);
  }
  const data: unknown = doc.contents === null ? {} : doc.toJS({ maxAliasCount: 100 });
  const parsed = policyFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const node =
      (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
        ? keyAt(doc, issue.path, issue.keys[0])
        : undefined) ?? nodeAt(doc, issue.path);
    const { line, column } = position(node?.range?.[0]);
    throw new PolicyError(file, line, column, reasonOf(issue, data));
  }
  const waiverLines = parsed.data.waivers.map(
    (_, index) => position(nodeAt(doc, ['waivers', index])?.range?.[0]).line,
  );
  return { ...parsed.data, source: file, waiverLines };
}
