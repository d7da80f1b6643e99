import { status } from '@grpc/grpc-js';
import { GoogleApiError } from './google-api-error.ts';
import type { JsonObject } from './proto-json-checker.ts';

/** A gRPC status as a number (status.UNAVAILABLE) or its name ('UNAVAILABLE'). */
export type StatusCode = status | keyof typeof status;

export interface FailCallOptions {
  /** Fail only the next N matching calls; every matching call when unset. */
  times?: number;
  message?: string;
}

/** One call the fake received, in arrival order. */
export interface CallRecord {
  /** The full gRPC method, e.g. /google.cloud.run.v2.Services/ListServices. */
  method: string;
  request: JsonObject;
  /** The gRPC status code answered; 0 is OK. Undefined while the call runs. */
  code?: status;
}

interface Failure {
  pattern: string;
  code: status;
  message: string | undefined;
  remaining: number;
}

/** Test controls of a running fake: denied projects, injected failures and the call log. */
export class FakeControls {
  private readonly denied = new Set<string>();
  private failures: Failure[] = [];
  private log: CallRecord[] = [];

  /** Every call naming this project (by ID or number) answers PERMISSION_DENIED. */
  denyProject(project: string): void {
    this.denied.add(project);
  }

  isDenied(project: { projectId: string; projectNumber: string }): boolean {
    return this.denied.has(project.projectId) || this.denied.has(project.projectNumber);
  }

  /**
   * Fails calls of a method with a status. The method is the full gRPC path
   * ('/google.cloud.run.v2.Services/ListServices'), 'Services/ListServices' or just 'ListServices'
   * (which matches it on every service). Note gax retries UNAVAILABLE on Get and List calls.
   */
  failCall(method: string, code: StatusCode, options: FailCallOptions = {}): void {
    const numeric = typeof code === 'number' ? code : status[code];
    if (numeric === undefined || status[numeric] === undefined)
      throw new Error(`unknown gRPC status ${code}`);
    if (options.times !== undefined && (!Number.isInteger(options.times) || options.times < 1)) {
      throw new Error(`failCall times must be a positive integer, got ${options.times}`);
    }
    this.failures.push({
      pattern: method.replace(/^\//, ''),
      code: numeric,
      message: options.message,
      remaining: options.times ?? Number.POSITIVE_INFINITY,
    });
  }

  /** The injected failure for a call to this method, if any; uses up one of its times. */
  takeFailure(method: string): GoogleApiError | undefined {
    const failure = this.failures.find((f) => f.remaining > 0 && matchesMethod(method, f.pattern));
    if (!failure) return undefined;
    failure.remaining -= 1;
    const message = failure.message ?? `${status[failure.code]} injected by the fake for ${method}`;
    return new GoogleApiError(failure.code, message);
  }

  record(method: string, request: JsonObject): CallRecord {
    const record: CallRecord = { method, request };
    this.log.push(record);
    return record;
  }

  /** The calls received so far, optionally only those of one method (matched as in failCall). */
  calls(method?: string): CallRecord[] {
    if (method === undefined) return [...this.log];
    const pattern = method.replace(/^\//, '');
    return this.log.filter((call) => matchesMethod(call.method, pattern));
  }

  /** Clears denied projects, injected failures and the call log. */
  reset(): void {
    this.denied.clear();
    this.failures = [];
    this.log = [];
  }
}

function matchesMethod(method: string, pattern: string): boolean {
  const path = method.replace(/^\//, ''); // google.cloud.run.v2.Services/ListServices
  return path === pattern || path.endsWith(`/${pattern}`) || path.endsWith(`.${pattern}`);
}
