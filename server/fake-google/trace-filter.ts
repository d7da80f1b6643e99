import { GoogleApiError } from './google-api-error.ts';
import type { JsonObject } from './proto-json-checker.ts';

/** A trace as the filter sees it: its spans and the root span's latency. */
export interface FilterableTrace {
  spans: JsonObject[];
  root: JsonObject | undefined;
  rootLatencyMs: number;
}

export type TracePredicate = (trace: FilterableTrace) => boolean;

// A term: optional "+" (exact), an optional KEY followed by ":", then a quoted or simple value.
const TERM = /^(\+)?(?:([^\s:"]+):)?("(?:[^"\\]|\\.)*"|[^\s"]*)/;
// Shortcuts for the HTTP labels (cloud.google.com/trace/docs/trace-filters).
const LABEL_SHORTCUTS: Record<string, string> = {
  method: '/http/method',
  url: '/http/url',
  status: '/http/status_code',
};

/**
 * Parses a Cloud Trace v1 filter (cloud.google.com/trace/docs/trace-filters): whitespace-separated
 * terms that must all match — `root:PREFIX`, `+root:NAME`, `span:PREFIX`, `+span:NAME`, a bare name
 * prefix, `latency:DURATION` (root span at least that long), `LABEL_KEY:VALUE_PREFIX`, `+LABEL_KEY:VALUE`
 * and the method:, url:, status: shortcuts. String tests are case-sensitive. Anything else
 * (boolean operators, negation, parentheses, service:, version:) answers INVALID_ARGUMENT naming it.
 */
export function parseTraceFilter(filter: string): TracePredicate {
  const terms: TracePredicate[] = [];
  let rest = filter.trim();
  while (rest !== '') {
    const unsupported = /^(AND|OR|NOT)(\s|$)|^[-()^]/.exec(rest);
    if (unsupported) {
      throw GoogleApiError.invalidArgument(
        `Invalid filter "${filter}": "${unsupported[0].trim()}" is not supported by the fake; terms are implicitly ANDed.`,
      );
    }
    const match = TERM.exec(rest);
    if (!match || match[0] === '') {
      throw GoogleApiError.invalidArgument(`Invalid filter "${filter}": cannot parse "${rest}".`);
    }
    const [text, exactMark, key, rawValue = ''] = match;
    terms.push(term(filter, exactMark === '+', key, unquote(rawValue)));
    rest = rest.slice(text.length).trimStart();
  }
  return (trace) => terms.every((t) => t(trace));
}

function term(filter: string, exact: boolean, key: string | undefined, value: string): TracePredicate {
  const test = (actual: unknown) =>
    typeof actual === 'string' && (exact ? actual === value : actual.startsWith(value));
  if (key === undefined || key === 'span') return (trace) => trace.spans.some((span) => test(span.name));
  if (key === 'root') return (trace) => trace.root !== undefined && test(trace.root.name);
  if (key === 'latency') {
    const ms = durationMs(value);
    if (ms === undefined) {
      throw GoogleApiError.invalidArgument(
        `Invalid filter "${filter}": latency takes a duration such as 500ms or 1s.`,
      );
    }
    return (trace) => trace.rootLatencyMs >= ms;
  }
  if (key === 'service' || key === 'version') {
    throw GoogleApiError.invalidArgument(
      `Invalid filter "${filter}": "${key}:" is not supported by the fake.`,
    );
  }
  const label = LABEL_SHORTCUTS[key] ?? key;
  return (trace) => trace.spans.some((span) => test((span.labels as JsonObject | undefined)?.[label]));
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  return value.slice(1, -1).replace(/\\(.)/g, '$1');
}

function durationMs(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text);
  if (!match) return undefined;
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 'ms' | 's' | 'm' | 'h'];
  return Number(match[1]) * factor;
}
