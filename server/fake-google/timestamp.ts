// RFC 3339 as proto3 JSON accepts it: up to nanoseconds, "Z" or a numeric offset.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

/** A point in time kept to the nanosecond, as google.protobuf.Timestamp holds it. */
export interface PreciseTime {
  /** Whole milliseconds since the epoch. */
  ms: number;
  /** Nanoseconds within that millisecond, 0-999999. */
  subMsNanos: number;
}

/** Parses an RFC 3339 timestamp, or returns undefined when it is not one. */
export function parseTimestamp(text: string): PreciseTime | undefined {
  const match = RFC3339.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  const base = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone.toUpperCase()}`);
  if (Number.isNaN(base)) return undefined;
  // Date.parse accepts 2026-02-31; a timestamp that names no real day is refused.
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (
    calendar.getUTCDate() !== Number(day) ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59
  ) {
    return undefined;
  }
  const nanos = Number(fraction.padEnd(9, '0'));
  return { ms: base + Math.floor(nanos / 1e6), subMsNanos: nanos % 1e6 };
}

/** Formats a time as proto3 JSON does: UTC, "Z", 0, 3, 6 or 9 fractional digits. */
export function formatTimestamp(time: PreciseTime): string {
  const iso = new Date(time.ms).toISOString(); // 2026-11-21T12:00:00.000Z
  const nanos = (time.ms - Math.floor(time.ms / 1000) * 1000) * 1e6 + time.subMsNanos;
  return `${iso.slice(0, 19)}${fractionDigits(nanos)}Z`;
}

function fractionDigits(nanos: number): string {
  if (nanos === 0) return '';
  if (nanos % 1e6 === 0) return `.${String(nanos / 1e6).padStart(3, '0')}`;
  if (nanos % 1e3 === 0) return `.${String(nanos / 1e3).padStart(6, '0')}`;
  return `.${String(nanos).padStart(9, '0')}`;
}

/** Moves an RFC 3339 timestamp by a number of milliseconds, keeping its sub-millisecond digits. */
export function shiftTimestamp(text: string, shiftMs: number): string {
  const time = parseTimestamp(text);
  if (!time) throw new Error(`not an RFC 3339 timestamp: ${text}`);
  return formatTimestamp({ ms: time.ms + shiftMs, subMsNanos: time.subMsNanos });
}
