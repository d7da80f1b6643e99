import type { JsonObject } from './proto-json-checker.ts';

/** A project's traffic: google.logging.v2.LogEntry, google.monitoring.v3.TimeSeries, Cloud Trace v1 Trace. */
export type TrafficSection = 'logEntries' | 'timeSeries' | 'traces';

/**
 * Compute Engine v1 resources in their REST JSON shapes (the fake serves them over REST); references
 * between them are full URLs once loaded, as the API returns them.
 */
export const COMPUTE_SECTIONS = [
  'networkEndpointGroups',
  'backendServices',
  'urlMaps',
  'targetHttpsProxies',
  'targetHttpProxies',
  'forwardingRules',
] as const;

export type ComputeSection = (typeof COMPUTE_SECTIONS)[number];

/** One project of a world, its messages in proto3 JSON (SPEC §4), validated and time-shifted. */
export type WorldProject = {
  projectId: string;
  /** As the world states it, or derivedProjectNumber(projectId) when it states none. */
  projectNumber: string;
  locations: string[];
  /** google.cloud.run.v2.Service */
  services: JsonObject[];
  /** google.cloud.run.v2.Job */
  jobs: JsonObject[];
  /** google.iam.v1.Policy by full service or job name, as written in the world. */
  iamPolicies: Record<string, JsonObject>;
  /** google.iam.v1.Policy of the project. */
  projectIamPolicy?: JsonObject;
  /** google.pubsub.v1.Subscription */
  pubsubSubscriptions: JsonObject[];
  /** google.cloud.scheduler.v1.Job */
  schedulerJobs: JsonObject[];
  /** google.cloud.tasks.v2beta3.Queue */
  tasksQueues: JsonObject[];
} & Record<ComputeSection, JsonObject[]> &
  Record<TrafficSection, JsonObject[]>;

/** A loaded world: what Google's APIs return for an estate. */
export interface World {
  /** The present that the world's `now` was shifted to (RFC 3339), when the world has a `now`. */
  now?: string;
  projects: WorldProject[];
  /** Problems that did not refuse the world (unknown enum values, when loaded with unknownEnums: 'note'). */
  notes?: { path: string; reason: string }[];
}
