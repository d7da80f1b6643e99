import type { ErrorGroup } from '../../shared/observability.ts';

/** One error log entry as grouping needs it. */
export interface ErrorOccurrence {
  message: string;
  /** RFC 3339. */
  timestamp: string;
  trace?: { project: string; traceId: string };
}

const MAX_MESSAGE = 300;

/**
 * The line that names an error: the last unindented line of a Python traceback (the exception),
 * else the first non-empty line (Node, Java and Go put the error first).
 */
export function headlineOf(message: string): string {
  const lines = message.split(/\r?\n/).filter((line) => line.trim() !== '');
  const first = lines[0]?.trim() ?? '';
  if (/^Traceback \(most recent call last\)/.test(first)) {
    const exception = lines.filter((line) => !/^\s/.test(line)).at(-1);
    if (exception && exception !== lines[0]) return exception.trim();
  }
  return first;
}

// Order matters: whole ids before the numbers inside them.
const REPLACEMENTS: Array<[RegExp, string]> = [
  [/https?:\/\/[^\s"'<>]+/g, '<url>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>'],
  [/"[^"\n]*"|'[^'\n]*'|`[^`\n]*`/g, '<str>'],
  [/\b(?:0x)?[0-9a-f]*\d[0-9a-f]*[a-f][0-9a-f]*\b|\b(?:0x)?[0-9a-f]*[a-f][0-9a-f]*\d[0-9a-f]*\b/gi, '<hex>'],
  // Prefixed ids such as ORD-20931, cart_ec510a89, u_fba28efa86, SKU-97253.
  [/\b[A-Za-z]+[-_](?=[\w-]*\d)[\w-]+\b/g, '<id>'],
  [/(?<![A-Za-z<])\d+(?:\.\d+)?/g, '<n>'],
];

/** The error's headline with ids, numbers, hex, quoted values, URLs and emails replaced by placeholders. */
export function normalizeMessage(message: string): string {
  let text = headlineOf(message)
    .replace(/\s+/g, ' ')
    .slice(0, MAX_MESSAGE * 2);
  for (const [pattern, placeholder] of REPLACEMENTS) text = text.replace(pattern, placeholder);
  return text.slice(0, MAX_MESSAGE);
}

/** A stable 16-hex-digit hash (two FNV-1a 32-bit passes with different offsets); no crypto needed. */
export function fingerprintOf(normalized: string): string {
  const fnv = (offset: number) => {
    let hash = offset;
    for (let i = 0; i < normalized.length; i += 1) {
      hash ^= normalized.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  };
  return `${fnv(0x811c9dc5)}${fnv(0x050c5d1f)}`;
}

/** Errors grouped by fingerprint, the most frequent first (then the most recent). */
export function groupErrors(occurrences: readonly ErrorOccurrence[]): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup>();
  for (const occurrence of occurrences) {
    const message = normalizeMessage(occurrence.message);
    if (message === '') continue;
    const fingerprint = fingerprintOf(message);
    const group = groups.get(fingerprint);
    if (!group) {
      groups.set(fingerprint, {
        fingerprint,
        message,
        example: headlineOf(occurrence.message).slice(0, MAX_MESSAGE * 2),
        count: 1,
        firstSeen: occurrence.timestamp,
        lastSeen: occurrence.timestamp,
        sampleTrace: occurrence.trace ?? null,
      });
      continue;
    }
    group.count += 1;
    if (occurrence.timestamp < group.firstSeen) group.firstSeen = occurrence.timestamp;
    if (occurrence.timestamp > group.lastSeen) {
      group.lastSeen = occurrence.timestamp;
      group.example = headlineOf(occurrence.message).slice(0, MAX_MESSAGE * 2);
      if (occurrence.trace) group.sampleTrace = occurrence.trace;
    }
    if (!group.sampleTrace && occurrence.trace) group.sampleTrace = occurrence.trace;
  }
  return [...groups.values()].sort(
    (a, b) => b.count - a.count || (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0),
  );
}
