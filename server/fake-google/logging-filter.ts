import { type FilterToken, splitFieldPath, TokenCursor, tokenizeFilter } from './filter-tokens.ts';
import { GoogleApiError } from './google-api-error.ts';
import type { JsonObject } from './proto-json-checker.ts';
import { parseTimestamp } from './timestamp.ts';

/** A log entry as the filter sees it: the proto3 JSON and the values compared most. */
export interface FilterableLogEntry {
  json: JsonObject;
  timestampMs: number;
  severity: number;
}

/** A parsed Logging query: call it on an entry. */
export type LogEntryPredicate = (entry: FilterableLogEntry) => boolean;

const LANGUAGE = 'Logging';

/** google.logging.type.LogSeverity: names by their numbers, which order them. */
export const LOG_SEVERITIES: Record<string, number> = {
  DEFAULT: 0,
  DEBUG: 100,
  INFO: 200,
  NOTICE: 300,
  WARNING: 400,
  ERROR: 500,
  CRITICAL: 600,
  ALERT: 700,
  EMERGENCY: 800,
};

// The LogEntry fields a query may name (log_entry.proto); anything else is refused, never ignored.
const TOP_LEVEL_FIELDS = new Set([
  'logName',
  'resource',
  'timestamp',
  'receiveTimestamp',
  'severity',
  'insertId',
  'httpRequest',
  'labels',
  'trace',
  'spanId',
  'traceSampled',
  'textPayload',
  'jsonPayload',
  'protoPayload',
  'operation',
  'sourceLocation',
]);
const TIME_FIELDS = new Set(['timestamp', 'receiveTimestamp']);
const NUMERIC_FIELDS = new Set([
  'httpRequest.status',
  'httpRequest.requestSize',
  'httpRequest.responseSize',
  'httpRequest.cacheFillBytes',
]);
const DURATION_FIELDS = new Set(['httpRequest.latency']);

/**
 * Parses a Cloud Logging query (cloud.google.com/logging/docs/view/logging-query-language): field
 * comparisons with = != > < >= <= : =~ !~, `:*` presence, `log_id("…")`, AND, OR, NOT, `-`,
 * parentheses and implicit AND, with Logging's precedence (NOT, then OR, then AND). Severities compare
 * by level, timestamps as times, httpRequest.status and sizes as numbers. Syntax the fake does not
 * support answers INVALID_ARGUMENT naming it.
 */
export function parseLoggingFilter(filter: string): LogEntryPredicate {
  if (filter.trim() === '') return () => true;
  const cursor = new TokenCursor(tokenizeFilter(filter, LANGUAGE), LANGUAGE);
  const predicate = parseConjunction(cursor);
  if (!cursor.done()) throw cursor.syntaxError(cursor.peek(), 'unexpected token');
  return predicate;
}

function startsTerm(cursor: TokenCursor): boolean {
  const token = cursor.peek();
  if (!token) return false;
  if (token.kind === 'paren') return token.text === '(';
  if (token.kind === 'word') return token.text !== 'AND' && token.text !== 'OR';
  return token.kind === 'string';
}

function parseConjunction(cursor: TokenCursor): LogEntryPredicate {
  const terms = [parseDisjunction(cursor)];
  while (!cursor.done()) {
    if (cursor.isWord('AND')) {
      cursor.next();
      terms.push(parseDisjunction(cursor));
    } else if (startsTerm(cursor)) {
      terms.push(parseDisjunction(cursor)); // implicit AND
    } else {
      break;
    }
  }
  return terms.length === 1 ? (terms[0] as LogEntryPredicate) : (entry) => terms.every((t) => t(entry));
}

function parseDisjunction(cursor: TokenCursor): LogEntryPredicate {
  const terms = [parseUnary(cursor)];
  while (cursor.isWord('OR')) {
    cursor.next();
    terms.push(parseUnary(cursor));
  }
  return terms.length === 1 ? (terms[0] as LogEntryPredicate) : (entry) => terms.some((t) => t(entry));
}

function parseUnary(cursor: TokenCursor): LogEntryPredicate {
  if (cursor.isWord('NOT')) {
    cursor.next();
    const inner = parseUnary(cursor);
    return (entry) => !inner(entry);
  }
  const token = cursor.peek();
  if (token?.kind === 'word' && token.text.startsWith('-') && token.text.length > 1) {
    // `-field=value` negates; strip the minus and parse the term it prefixes.
    token.text = token.text.slice(1);
    token.at += 1;
    const inner = parseUnary(cursor);
    return (entry) => !inner(entry);
  }
  if (token?.kind === 'word' && token.text === '-') {
    cursor.next();
    const inner = parseUnary(cursor);
    return (entry) => !inner(entry);
  }
  return parsePrimary(cursor);
}

function parsePrimary(cursor: TokenCursor): LogEntryPredicate {
  const token = cursor.next();
  if (!token) throw cursor.syntaxError(token, 'expected a term');
  if (token.kind === 'paren' && token.text === '(') {
    const inner = parseConjunction(cursor);
    cursor.expectParen(')');
    return inner;
  }
  if (token.kind === 'string') {
    throw GoogleApiError.invalidArgument(
      `Invalid Logging filter: global restrictions (a bare value such as "${token.text}") are not supported by the fake; name a field, e.g. textPayload:"${token.text}".`,
    );
  }
  if (token.kind !== 'word') throw cursor.syntaxError(token, 'expected a field name');
  if (cursor.isParen('(')) return parseFunction(token, cursor);
  const op = cursor.peek();
  if (op?.kind !== 'op') {
    if (token.text === 'AND' || token.text === 'OR') throw cursor.syntaxError(token, 'expected a term');
    throw GoogleApiError.invalidArgument(
      `Invalid Logging filter: global restrictions (a bare value such as ${token.text}) are not supported by the fake; name a field, e.g. textPayload:${token.text}.`,
    );
  }
  cursor.next();
  const path = checkField(token.text);
  const values = parseValues(cursor);
  const comparisons = values.map((value) => comparison(path, op.text, value));
  return comparisons.length === 1
    ? (comparisons[0] as LogEntryPredicate)
    : (entry) => comparisons.some((c) => c(entry));
}

/** A value, or `(v1 OR v2 …)`, which matches any of them. */
function parseValues(cursor: TokenCursor): string[] {
  if (cursor.isParen('(')) {
    cursor.next();
    const values = [parseValue(cursor)];
    while (cursor.isWord('OR')) {
      cursor.next();
      values.push(parseValue(cursor));
    }
    cursor.expectParen(')');
    return values;
  }
  return [parseValue(cursor)];
}

function parseValue(cursor: TokenCursor): string {
  const token = cursor.next();
  if (token?.kind === 'string' || (token?.kind === 'word' && !['AND', 'OR', 'NOT'].includes(token.text))) {
    return token.text;
  }
  throw cursor.syntaxError(token, 'expected a value');
}

function parseFunction(name: FilterToken, cursor: TokenCursor): LogEntryPredicate {
  cursor.expectParen('(');
  if (name.text !== 'log_id') {
    throw GoogleApiError.invalidArgument(
      `Invalid Logging filter: the function ${name.text}() is not supported by the fake (only log_id()).`,
    );
  }
  const arg = cursor.next();
  if (arg?.kind !== 'string') throw cursor.syntaxError(arg, 'log_id() takes one quoted log ID');
  cursor.expectParen(')');
  const suffix = `/logs/${encodeURIComponent(arg.text)}`;
  return (entry) => logNameOf(entry).endsWith(suffix);
}

function checkField(path: string): string[] {
  const parts = splitFieldPath(path);
  const [head = ''] = parts;
  if (!TOP_LEVEL_FIELDS.has(head) || parts.some((part) => part === '')) {
    throw GoogleApiError.invalidArgument(
      `Invalid Logging filter: the field "${path}" is not a LogEntry field the fake supports.`,
    );
  }
  if (
    (head === 'resource' && parts.length > 1 && !['type', 'labels'].includes(parts[1] ?? '')) ||
    path === 'resource'
  ) {
    throw GoogleApiError.invalidArgument(
      `Invalid Logging filter: the field "${path}" is not supported; use resource.type or resource.labels.KEY.`,
    );
  }
  return parts;
}

function logNameOf(entry: FilterableLogEntry): string {
  return typeof entry.json.logName === 'string' ? decodeLogName(entry.json.logName) : '';
}

/** Log names compare with their log ID %2F-decoded, so `a%2Fb` and `a/b` name the same log. */
function decodeLogName(name: string): string {
  const at = name.indexOf('/logs/');
  if (at < 0) return name;
  const id = name.slice(at + 6);
  let decoded = id;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    // not percent-encoded
  }
  return `${name.slice(0, at + 6)}${encodeURIComponent(decoded)}`;
}

function lookup(json: unknown, path: string[]): unknown {
  let value: unknown = json;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as JsonObject)[part];
  }
  return value;
}

type Compare = (a: number, b: number) => boolean;

const ORDERINGS: Record<string, Compare> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
};

function comparison(path: string[], op: string, value: string): LogEntryPredicate {
  const field = path.join('.');
  if (op === ':' && value === '*') {
    if (field === 'severity' || field === 'timestamp') return () => true;
    return (entry) => lookup(entry.json, path) !== undefined;
  }
  if (op === '=~' || op === '!~') return regexComparison(path, op, value);

  if (field === 'severity') {
    const level = severityLevel(value);
    const order = orderingOf(op, field);
    return (entry) => order(entry.severity, level);
  }
  if (TIME_FIELDS.has(field)) {
    const time = parseTimestamp(value);
    if (!time) {
      throw GoogleApiError.invalidArgument(
        `Invalid Logging filter: ${field} must be compared with an RFC 3339 timestamp, got "${value}".`,
      );
    }
    const order = orderingOf(op, field);
    if (field === 'timestamp') return (entry) => order(entry.timestampMs, time.ms);
    return (entry) => {
      const stamp = lookup(entry.json, path);
      const parsed = typeof stamp === 'string' ? parseTimestamp(stamp) : undefined;
      return parsed !== undefined && order(parsed.ms, time.ms);
    };
  }
  if (NUMERIC_FIELDS.has(field) || DURATION_FIELDS.has(field)) {
    const duration = DURATION_FIELDS.has(field);
    const number = duration ? parseDuration(value) : Number(value);
    if (number === undefined || !Number.isFinite(number) || value.trim() === '') {
      throw GoogleApiError.invalidArgument(
        `Invalid Logging filter: ${field} must be compared with a ${duration ? 'duration such as "1.5s"' : 'number'}, got "${value}".`,
      );
    }
    const order = orderingOf(op, field);
    return (entry) => {
      const raw = lookup(entry.json, path);
      const actual = duration ? (typeof raw === 'string' ? parseDuration(raw) : undefined) : Number(raw);
      return raw !== undefined && actual !== undefined && Number.isFinite(actual) && order(actual, number);
    };
  }
  if (field === 'logName') {
    const wanted = decodeLogName(value);
    if (op === ':') return (entry) => logNameOf(entry).toLowerCase().includes(value.toLowerCase());
    const order = orderingOf(op, field);
    return (entry) => entry.json.logName !== undefined && order(logNameOf(entry).localeCompare(wanted), 0);
  }
  if (op === ':') {
    const needle = value.toLowerCase();
    return (entry) => {
      const actual = lookup(entry.json, path);
      return actual !== undefined && textOf(actual).toLowerCase().includes(needle);
    };
  }
  const order = orderingOf(op, field);
  return (entry) => {
    const actual = lookup(entry.json, path);
    if (actual === undefined || (actual !== null && typeof actual === 'object')) return false;
    const text = textOf(actual);
    return order(text < value ? -1 : text > value ? 1 : 0, 0);
  };
}

function regexComparison(path: string[], op: string, pattern: string): LogEntryPredicate {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch (error) {
    throw GoogleApiError.invalidArgument(
      `Invalid Logging filter: bad regular expression "${pattern}": ${(error as Error).message}.`,
    );
  }
  const negate = op === '!~';
  return (entry) => {
    const actual = lookup(entry.json, path);
    if (actual === undefined) return false;
    return regex.test(textOf(actual)) !== negate;
  };
}

function orderingOf(op: string, field: string): Compare {
  const order = ORDERINGS[op];
  if (!order) {
    throw GoogleApiError.invalidArgument(
      `Invalid Logging filter: operator ${op} is not supported on ${field}.`,
    );
  }
  return order;
}

function severityLevel(value: string): number {
  const upper = value.toUpperCase();
  const level = LOG_SEVERITIES[upper] ?? (/^\d+$/.test(value) ? Number(value) : undefined);
  if (level === undefined) {
    throw GoogleApiError.invalidArgument(
      `Invalid Logging filter: unknown severity "${value}"; expected one of ${Object.keys(LOG_SEVERITIES).join(', ')}.`,
    );
  }
  return level;
}

function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(s|ms)?$/.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2] === 'ms' ? amount / 1000 : amount;
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
