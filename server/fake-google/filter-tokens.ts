import { GoogleApiError } from './google-api-error.ts';

/** A token of the filter languages of Cloud Logging and Cloud Monitoring. */
export type FilterToken =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'op'; text: string; at: number }
  | { kind: 'paren'; text: '(' | ')'; at: number }
  | { kind: 'comma'; text: ','; at: number };

// Longest first, so ">=" is not read as ">" then "=".
const OPERATORS = ['>=', '<=', '!=', '=~', '!~', '=', '>', '<', ':'];
// Everything that can appear in an unquoted word: field paths, enum names, numbers, ids.
const WORD = /[A-Za-z0-9_.\-/@%+*$]/;

/**
 * Splits a filter into tokens. Quoted strings take backslash escapes; a field path segment may be
 * quoted (`labels."run.googleapis.com/x"`), which stays quoted inside one word (see splitFieldPath).
 * `language` names the API in error messages.
 */
export function tokenizeFilter(text: string, language: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === '(' || c === ')') {
      tokens.push({ kind: 'paren', text: c, at: i });
      i += 1;
      continue;
    }
    if (c === ',') {
      tokens.push({ kind: 'comma', text: ',', at: i });
      i += 1;
      continue;
    }
    if (c === '"') {
      const [value, end] = readString(text, i, language);
      const previous = tokens.at(-1);
      // `labels."a/b"`: a quoted segment right after a path that ends in a dot.
      if (
        previous?.kind === 'word' &&
        previous.text.endsWith('.') &&
        previous.at + previous.text.length === i
      ) {
        previous.text += JSON.stringify(value);
      } else {
        tokens.push({ kind: 'string', text: value, at: i });
      }
      i = end;
      continue;
    }
    const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
      continue;
    }
    if (WORD.test(c)) {
      let end = i;
      while (end < text.length && WORD.test(text.charAt(end))) end += 1;
      const previous = tokens.at(-1);
      const word = text.slice(i, end);
      // `labels."a/b".c`: a path continuing after a quoted segment.
      if (previous?.kind === 'word' && word.startsWith('.') && isAdjacentToQuote(text, i)) {
        previous.text += word;
      } else {
        tokens.push({ kind: 'word', text: word, at: i });
      }
      i = end;
      continue;
    }
    throw GoogleApiError.invalidArgument(
      `Invalid ${language} filter: unexpected character '${c}' at column ${i + 1}.`,
    );
  }
  return tokens;
}

function isAdjacentToQuote(text: string, at: number): boolean {
  return at > 0 && text.charAt(at - 1) === '"';
}

function readString(text: string, start: number, language: string): [string, number] {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '\\') {
      const next = text.charAt(i + 1);
      // \" \\ \n \t are escapes; any other backslash stays, so regular expressions keep theirs (\d, \w).
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next === '"' || next === '\\' ? next : `\\${next}`;
      i += 2;
      continue;
    }
    if (c === '"') return [value, i + 1];
    value += c;
    i += 1;
  }
  throw GoogleApiError.invalidArgument(
    `Invalid ${language} filter: unterminated string starting at column ${start + 1}.`,
  );
}

/** A cursor over tokens for the recursive-descent parsers. */
export class TokenCursor {
  private index = 0;

  constructor(
    private readonly tokens: FilterToken[],
    private readonly language: string,
  ) {}

  peek(offset = 0): FilterToken | undefined {
    return this.tokens[this.index + offset];
  }

  next(): FilterToken | undefined {
    const token = this.tokens[this.index];
    this.index += 1;
    return token;
  }

  done(): boolean {
    return this.index >= this.tokens.length;
  }

  isWord(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.kind === 'word' && token.text === text;
  }

  isParen(text: '(' | ')'): boolean {
    const token = this.peek();
    return token?.kind === 'paren' && token.text === text;
  }

  expectParen(text: '(' | ')'): void {
    const token = this.next();
    if (token?.kind !== 'paren' || token.text !== text) throw this.syntaxError(token, `expected '${text}'`);
  }

  syntaxError(token: FilterToken | undefined, reason: string): GoogleApiError {
    const where = token ? `at column ${token.at + 1}, token '${token.text}'` : 'at the end of the filter';
    return GoogleApiError.invalidArgument(`Invalid ${this.language} filter: ${reason} ${where}.`);
  }
}

/** Splits a field path on the dots outside quoted segments: `labels."a.b/c".d` → labels, a.b/c, d. */
export function splitFieldPath(path: string): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i <= path.length) {
    if (path.charAt(i) === '"') {
      let end = i + 1;
      while (end < path.length && path.charAt(end) !== '"') end += path.charAt(end) === '\\' ? 2 : 1;
      parts.push(JSON.parse(path.slice(i, end + 1)) as string);
      i = end + 2; // past the closing quote and the dot
      continue;
    }
    const dot = path.indexOf('.', i);
    const end = dot < 0 ? path.length : dot;
    parts.push(path.slice(i, end));
    i = end + 1;
  }
  return parts;
}
