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
}
