import type { FakeControls } from './fake-controls.ts';
import type { JsonObject } from './proto-json-checker.ts';
import { cloudSchedulerService } from './services/cloud-scheduler.ts';
import { cloudTasksService } from './services/cloud-tasks.ts';
import { locationsService } from './services/locations.ts';
import { loggingService } from './services/logging-entries.ts';
import { monitoringService } from './services/monitoring-metrics.ts';
import { pubsubSubscriberService } from './services/pubsub-subscriber.ts';
import { resourceManagerProjectsService } from './services/resource-manager-projects.ts';
import { runJobsService } from './services/run-jobs.ts';
import { runServicesService } from './services/run-services.ts';
import type { WorldIndex } from './world-index.ts';

/** What a handler may use: the world and the test controls. */
export interface FakeCallContext {
  index: WorldIndex;
  controls: FakeControls;
}

/**
 * One unary RPC: takes the decoded request (camelCase, enums and longs as strings, defaults set) and
 * returns the response in proto3 JSON, or throws a GoogleApiError.
 */
export type UnaryHandler = (
  request: JsonObject,
  context: FakeCallContext,
) => JsonObject | Promise<JsonObject>;

/** A Google gRPC service the fake serves; its protos must be in google-protos.ts. */
export interface FakeGrpcService {
  /** Fully qualified proto service name, e.g. google.cloud.run.v2.Services. */
  name: string;
  /** Handlers by RPC name; the service's other RPCs answer UNIMPLEMENTED as Google does. */
  methods: Record<string, UnaryHandler>;
}

/** Every gRPC service the fake serves. */
export function fakeGrpcServices(): FakeGrpcService[] {
  return [
    runServicesService(),
    runJobsService(),
    locationsService(),
    resourceManagerProjectsService(),
    pubsubSubscriberService(),
    cloudSchedulerService(),
    cloudTasksService(),
    loggingService(),
    monitoringService(),
  ];
}
