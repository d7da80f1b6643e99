import { accessSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { protobuf } from 'google-gax';

/** The proto files the fake serves and validates against; later APIs add theirs here. */
const PROTO_FILES = [
  'google/cloud/run/v2/service.proto',
  'google/cloud/run/v2/job.proto',
  'google/cloud/location/locations.proto',
  'google/cloud/resourcemanager/v3/projects.proto',
  'google/iam/v1/iam_policy.proto',
  'google/iam/v1/policy.proto',
  'google/pubsub/v1/pubsub.proto',
  'google/cloud/scheduler/v1/cloudscheduler.proto',
  'google/cloud/tasks/v2beta3/cloudtasks.proto',
  'google/logging/v2/logging.proto',
  'google/monitoring/v3/metric_service.proto',
];

/** The client packages whose build/protos hold the files above (google-gax brings the common ones). */
const PROTO_PACKAGES = [
  '@google-cloud/run',
  '@google-cloud/resource-manager',
  '@google-cloud/pubsub',
  '@google-cloud/scheduler',
  '@google-cloud/tasks',
  '@google-cloud/monitoring',
  'google-gax',
];

/** The reflection types of Google's APIs, parsed from the .proto files shipped in the client packages. */
export interface GoogleProtos {
  root: protobuf.Root;
  messageType(fullName: string): protobuf.Type;
  service(fullName: string): protobuf.Service;
}

/**
 * These packages keep their protos in build/protos, beside build/src/index.js (or, for the dual
 * ESM/CJS packages such as @google-cloud/tasks 6, beside build/cjs/src/index.cjs).
 */
function protosDir(entry: string): string {
  const build = entry.slice(0, entry.lastIndexOf(`${path.sep}build${path.sep}`));
  return path.join(build, 'build', 'protos');
}

/** Parses the packaged .proto files (about 60 ms); create once and pass it around. */
export function loadGoogleProtos(): GoogleProtos {
  const require = createRequire(import.meta.url);
  const includeDirs = PROTO_PACKAGES.map((pkg) => protosDir(require.resolve(pkg)));
  // @google-cloud/logging keeps its generated client, and the protos, in @google-cloud/logging-api.
  const logging = createRequire(require.resolve('@google-cloud/logging'));
  includeDirs.push(protosDir(logging.resolve('@google-cloud/logging-api')));
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => {
    for (const dir of includeDirs) {
      const candidate = path.join(dir, target);
      try {
        accessSync(candidate);
        return candidate;
      } catch {
        // not in this include dir
      }
    }
    return target;
  };
  root.loadSync(PROTO_FILES, { keepCase: false });
  root.resolveAll();
  return {
    root,
    messageType: (fullName) => root.lookupType(fullName),
    service: (fullName) => root.lookupService(fullName),
  };
}
