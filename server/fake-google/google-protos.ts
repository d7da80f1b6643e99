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
];

/** The reflection types of Google's APIs, parsed from the .proto files shipped in the client packages. */
export interface GoogleProtos {
  root: protobuf.Root;
  messageType(fullName: string): protobuf.Type;
  service(fullName: string): protobuf.Service;
}

/** Parses the packaged .proto files (about 60 ms); create once and pass it around. */
export function loadGoogleProtos(): GoogleProtos {
  const require = createRequire(import.meta.url);
  // These packages keep their protos in build/protos, next to build/src/index.js.
  const includeDirs = ['@google-cloud/run', '@google-cloud/resource-manager', 'google-gax'].map((pkg) =>
    path.resolve(path.dirname(require.resolve(pkg)), '../protos'),
  );
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
