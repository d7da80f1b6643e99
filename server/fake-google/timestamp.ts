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
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  // A timestamp that names no real day (2026-02-31) or time is refused.
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  const offsetMinutes =
    zone.toUpperCase() === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear keeps them as written.
  const date = new Date(Date.UTC(2000, mo - 1, d, Number(hour), Number(minute), Number(second)));
  date.setUTCFullYear(y);
  const base = date.getTime() - offsetMinutes * 60_000;
  const nanos = Number(fraction.padEnd(9, '0'));
  return { ms: base + Math.floor(nanos / 1e6), subMsNanos: nanos % 1e6 };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
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
