import { status } from '@grpc/grpc-js';

/** An error the fake answers with, as a gRPC status code and Google's message. */
export class GoogleApiError extends Error {
  readonly code: status;

  constructor(code: status, message: string) {
    super(message);
    this.name = 'GoogleApiError';
    this.code = code;
  }

  static invalidArgument(message: string): GoogleApiError {
    return new GoogleApiError(status.INVALID_ARGUMENT, message);
  }

  /**
   * Cloud Run's PERMISSION_DENIED, which Google answers both for resources the caller may not see and
   * for ones that do not exist (Resource Manager words it its own way).
   */
  static permissionDenied(permission: string, resource: string): GoogleApiError {
    // Cloud Run's wording, e.g. "Permission 'run.services.setIamPolicy' denied on resource
    // 'projects/p/locations/asia-northeast1/services/web' (or resource may not exist)."
    return new GoogleApiError(
      status.PERMISSION_DENIED,
      `Permission '${permission}' denied on resource '${resource}' (or resource may not exist).`,
    );
  }

  static notFound(message: string): GoogleApiError {
    return new GoogleApiError(status.NOT_FOUND, message);
  }

  /** PERMISSION_DENIED in an API's own wording, which differs from one API to the next. */
  static denied(message: string): GoogleApiError {
    return new GoogleApiError(status.PERMISSION_DENIED, message);
  }

  static unimplemented(message: string): GoogleApiError {
    return new GoogleApiError(status.UNIMPLEMENTED, message);
  }
}

/** What the fake answers for any thrown error: a GoogleApiError as is, anything else as INTERNAL. */
export function asGoogleApiError(error: unknown): GoogleApiError {
  if (error instanceof GoogleApiError) return error;
  return new GoogleApiError(status.INTERNAL, `fake-google: ${(error as Error).message}`);
}

// google.rpc.Code to HTTP status, as google/rpc/code.proto documents each code.
const HTTP_STATUS: Partial<Record<status, number>> = {
  [status.CANCELLED]: 499,
  [status.UNKNOWN]: 500,
  [status.INVALID_ARGUMENT]: 400,
  [status.DEADLINE_EXCEEDED]: 504,
  [status.NOT_FOUND]: 404,
  [status.ALREADY_EXISTS]: 409,
  [status.PERMISSION_DENIED]: 403,
  [status.RESOURCE_EXHAUSTED]: 429,
  [status.FAILED_PRECONDITION]: 400,
  [status.ABORTED]: 409,
  [status.OUT_OF_RANGE]: 400,
  [status.UNIMPLEMENTED]: 501,
  [status.INTERNAL]: 500,
  [status.UNAVAILABLE]: 503,
  [status.DATA_LOSS]: 500,
  [status.UNAUTHENTICATED]: 401,
};

/** The HTTP status a REST API answers for a gRPC status code. */
export function httpStatusOf(code: status): number {
  return HTTP_STATUS[code] ?? 500;
}
