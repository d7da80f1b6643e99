/** Cloud Logging's trace fields of a log entry written while serving a request. */
export type TraceFields = {
  'logging.googleapis.com/trace'?: string;
  'logging.googleapis.com/spanId'?: string;
  'logging.googleapis.com/trace_sampled'?: boolean;
};

const CLOUD_TRACE = /^([0-9a-f]{32})(?:\/(\d{1,20}))?(?:;o=([0-3]))?$/i;
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/i;

/**
 * Reads X-Cloud-Trace-Context (`TRACE_ID/SPAN_ID;o=1`, span in decimal), else W3C traceparent, and
 * returns the fields that group a log line under its request in Cloud Logging. Anything malformed
 * (headers are client input) or a missing project gives no fields.
 */
export function traceFields(
  headers: { cloudTrace?: string | undefined; traceparent?: string | undefined },
  projectId: string | undefined,
): TraceFields {
  if (!projectId) return {};
  const cloud = headers.cloudTrace ? CLOUD_TRACE.exec(headers.cloudTrace) : null;
  if (cloud?.[1]) {
    const [, traceId, span, options] = cloud;
    const fields: TraceFields = {
      'logging.googleapis.com/trace': `projects/${projectId}/traces/${traceId.toLowerCase()}`,
    };
    if (span && BigInt(span) < 2n ** 64n) {
      fields['logging.googleapis.com/spanId'] = BigInt(span).toString(16).padStart(16, '0');
    }
    if (options !== undefined) fields['logging.googleapis.com/trace_sampled'] = (Number(options) & 1) === 1;
    return fields;
  }
  const w3c = headers.traceparent ? TRACEPARENT.exec(headers.traceparent) : null;
  if (w3c?.[1] && w3c[2] && w3c[3]) {
    return {
      'logging.googleapis.com/trace': `projects/${projectId}/traces/${w3c[1].toLowerCase()}`,
      'logging.googleapis.com/spanId': w3c[2].toLowerCase(),
      'logging.googleapis.com/trace_sampled': (Number.parseInt(w3c[3], 16) & 1) === 1,
    };
  }
  return {};
}
