import { TokenCursor, tokenizeFilter } from './filter-tokens.ts';
import { GoogleApiError } from './google-api-error.ts';
import type { JsonObject } from './proto-json-checker.ts';

/** A parsed Monitoring filter: call it on a google.monitoring.v3.TimeSeries (proto3 JSON). */
export type TimeSeriesPredicate = (series: JsonObject) => boolean;

const LANGUAGE = 'Monitoring';

type Matcher = (value: string | undefined) => boolean;

/**
 * Parses a Cloud Monitoring filter (cloud.google.com/monitoring/api/v3/filters) over metric.type,
 * metric.labels.KEY, resource.type, resource.labels.KEY and project: `=` and `!=` against a string,
 * starts_with(), ends_with(), has_substring(), one_of() and monitoring.regex.full_match(), joined by
 * AND (or juxtaposition), OR, NOT and parentheses. ListTimeSeries needs one metric type, so the filter
 * must hold `metric.type = "…"` at its top level. Anything else answers INVALID_ARGUMENT naming it.
 */
export function parseMonitoringFilter(filter: string): TimeSeriesPredicate {
  const cursor = new TokenCursor(tokenizeFilter(filter, LANGUAGE), LANGUAGE);
  if (cursor.done()) {
    throw GoogleApiError.invalidArgument('Field filter is required: it must name a metric type.');
  }
  const { predicate, namesMetricType } = parseOr(cursor);
  if (!cursor.done()) throw cursor.syntaxError(cursor.peek(), 'unexpected token');
  if (!namesMetricType) {
    throw GoogleApiError.invalidArgument(
      `Field filter had an invalid value of "${filter}": the filter must specify a single metric type (metric.type = "…" joined by AND).`,
    );
  }
  return predicate;
}

interface Parsed {
  predicate: TimeSeriesPredicate;
  /** The expression requires metric.type to equal one type (an AND-joined equality). */
  namesMetricType: boolean;
}

function parseOr(cursor: TokenCursor): Parsed {
  const terms = [parseAnd(cursor)];
  while (cursor.isWord('OR')) {
    cursor.next();
    terms.push(parseAnd(cursor));
  }
  if (terms.length === 1) return terms[0] as Parsed;
  return {
    predicate: (s) => terms.some((t) => t.predicate(s)),
    namesMetricType: false,
  };
}

function parseAnd(cursor: TokenCursor): Parsed {
  const terms = [parseUnary(cursor)];
  for (;;) {
    if (cursor.isWord('AND')) {
      cursor.next();
      terms.push(parseUnary(cursor));
      continue;
    }
    const token = cursor.peek();
    const startsTerm =
      (token?.kind === 'word' && token.text !== 'OR') || (token?.kind === 'paren' && token.text === '(');
    if (!startsTerm) break;
    terms.push(parseUnary(cursor)); // implicit AND
  }
  if (terms.length === 1) return terms[0] as Parsed;
  return {
    predicate: (s) => terms.every((t) => t.predicate(s)),
    namesMetricType: terms.some((t) => t.namesMetricType),
  };
}

function parseUnary(cursor: TokenCursor): Parsed {
  if (cursor.isWord('NOT')) {
    cursor.next();
    const inner = parseUnary(cursor);
    return { predicate: (s) => !inner.predicate(s), namesMetricType: false };
  }
  if (cursor.isParen('(')) {
    cursor.next();
    const inner = parseOr(cursor);
    cursor.expectParen(')');
    return inner;
  }
  return parseRestriction(cursor);
}

function parseRestriction(cursor: TokenCursor): Parsed {
  const selector = cursor.next();
  if (selector?.kind !== 'word')
    throw cursor.syntaxError(selector, 'expected a selector such as metric.type');
  const read = selectorReader(selector.text);
  const op = cursor.next();
  if (op?.kind !== 'op' || (op.text !== '=' && op.text !== '!=')) {
    if (op?.kind === 'op') {
      throw GoogleApiError.invalidArgument(
        `Invalid Monitoring filter: the operator ${op.text} is not supported by the fake (use = or !=).`,
      );
    }
    throw cursor.syntaxError(op, 'expected = or !=');
  }
  const valueToken = cursor.next();
  let matcher: Matcher;
  let exact = false;
  if (valueToken?.kind === 'string') {
    const wanted = valueToken.text;
    matcher = (value) => value === wanted;
    exact = true;
  } else if (valueToken?.kind === 'word' && cursor.isParen('(')) {
    matcher = parseFunction(valueToken.text, cursor);
  } else if (valueToken?.kind === 'word' && /^-?\d+(\.\d+)?$/.test(valueToken.text)) {
    const wanted = valueToken.text;
    matcher = (value) => value === wanted;
    exact = true;
  } else {
    throw cursor.syntaxError(valueToken, 'expected a quoted string or a function such as starts_with(…)');
  }
  const negate = op.text === '!=';
  return {
    predicate: (series) => {
      const value = read(series);
      return negate ? value !== undefined && !matcher(value) : matcher(value);
    },
    namesMetricType: selector.text === 'metric.type' && exact && !negate,
  };
}

function parseFunction(name: string, cursor: TokenCursor): Matcher {
  cursor.expectParen('(');
  const args: string[] = [];
  while (!cursor.isParen(')')) {
    const arg = cursor.next();
    if (arg?.kind !== 'string') throw cursor.syntaxError(arg, `${name}() takes quoted strings`);
    args.push(arg.text);
    if (cursor.peek()?.kind === 'comma') cursor.next();
  }
  cursor.expectParen(')');
  const [first = ''] = args;
  const needsOne = () => {
    if (args.length !== 1) {
      throw GoogleApiError.invalidArgument(`Invalid Monitoring filter: ${name}() takes one string.`);
    }
  };
  switch (name) {
    case 'starts_with':
      needsOne();
      return (value) => value?.startsWith(first) ?? false;
    case 'ends_with':
      needsOne();
      return (value) => value?.endsWith(first) ?? false;
    case 'has_substring':
      needsOne();
      return (value) => value?.includes(first) ?? false;
    case 'one_of':
      if (args.length === 0)
        throw GoogleApiError.invalidArgument('Invalid Monitoring filter: one_of() is empty.');
      return (value) => value !== undefined && args.includes(value);
    case 'monitoring.regex.full_match': {
      needsOne();
      let regex: RegExp;
      try {
        regex = new RegExp(`^(?:${first})$`);
      } catch (error) {
        throw GoogleApiError.invalidArgument(
          `Invalid Monitoring filter: bad regular expression "${first}": ${(error as Error).message}.`,
        );
      }
      return (value) => value !== undefined && regex.test(value);
    }
    default:
      throw GoogleApiError.invalidArgument(
        `Invalid Monitoring filter: the function ${name}() is not supported by the fake.`,
      );
  }
}

/** Reads a selector's value from a series; unsupported selectors answer INVALID_ARGUMENT. */
function selectorReader(selector: string): (series: JsonObject) => string | undefined {
  const label = /^(metric|resource)\.labels?\.([A-Za-z0-9_./-]+)$/.exec(selector);
  if (label) {
    const [, owner = '', key = ''] = label;
    return (series) => stringAt(series[owner], 'labels', key);
  }
  switch (selector) {
    case 'metric.type':
      return (series) => stringAt(series.metric, 'type');
    case 'resource.type':
      return (series) => stringAt(series.resource, 'type');
    case 'project':
      return (series) => stringAt(series.resource, 'labels', 'project_id');
    default:
      throw GoogleApiError.invalidArgument(
        `Invalid Monitoring filter: the selector "${selector}" is not supported by the fake (metric.type, metric.labels.KEY, resource.type, resource.labels.KEY, project).`,
      );
  }
}

function stringAt(value: unknown, ...path: string[]): string | undefined {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as JsonObject)[key];
  }
  return typeof current === 'string' ? current : undefined;
}
