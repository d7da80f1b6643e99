/**
 * Typed reads of an untrusted API payload as the gax clients decode it (enums as strings, longs as
 * strings, Timestamps as {seconds, nanos}): each problem is collected by path instead of thrown.
 */

/** A normalized value and the problems met on the way. */
export interface Normalized<T> {
  value: T;
  /** `field: problem` sentences, empty when the payload was clean. */
  problems: string[];
}

export type Obj = Record<string, unknown>;

/** Reads fields of an untrusted payload, recording each problem by path. */
export class Reader {
  readonly problems: string[] = [];

  obj(v: unknown, path: string): Obj {
    if (v === undefined || v === null) return {};
    if (typeof v === 'object' && !Array.isArray(v)) return v as Obj;
    this.problems.push(`${path}: expected an object, got ${describeValue(v)}`);
    return {};
  }

  arr(v: unknown, path: string): unknown[] {
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    this.problems.push(`${path}: expected a list, got ${describeValue(v)}`);
    return [];
  }

  str(v: unknown, path: string): string | undefined {
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string') return v;
    this.problems.push(`${path}: expected a string, got ${describeValue(v)}`);
    return undefined;
  }

  bool(v: unknown, path: string): boolean {
    if (v === undefined || v === null) return false;
    if (typeof v === 'boolean') return v;
    this.problems.push(`${path}: expected a boolean, got ${describeValue(v)}`);
    return false;
  }

  num(v: unknown, path: string): number {
    if (v === undefined || v === null) return 0;
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n === 'number' && Number.isFinite(n)) return n;
    this.problems.push(`${path}: expected a number, got ${describeValue(v)}`);
    return 0;
  }

  strMap(v: unknown, path: string): Record<string, string> {
    const o = this.obj(v, path);
    const out: Record<string, string> = {};
    for (const [k, val] of Object.entries(o)) {
      if (typeof val === 'string') out[k] = val;
      else this.problems.push(`${path}.${k}: expected a string, got ${describeValue(val)}`);
    }
    return out;
  }

  /** Timestamp as {seconds, nanos} (gax) or an RFC 3339 string (proto3 JSON). */
  time(v: unknown, path: string): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') {
      if (!Number.isNaN(Date.parse(v))) return new Date(v).toISOString();
    } else if (typeof v === 'object') {
      const { seconds, nanos } = v as Obj;
      const s = Number(seconds ?? 0);
      const n = Number(nanos ?? 0);
      if (Number.isFinite(s) && Number.isFinite(n)) {
        if (s === 0 && n === 0) return undefined;
        return new Date(s * 1000 + Math.floor(n / 1e6)).toISOString();
      }
    }
    this.problems.push(`${path}: expected a timestamp, got ${describeValue(v)}`);
    return undefined;
  }
}

export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

/** `{key: value}` when value is defined, `{}` otherwise, for optional fields of a spread literal. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
