import type { FakeGrpcService } from '../registry.ts';
import { locatedList } from './located-list.ts';

/**
 * google.cloud.scheduler.v1.CloudScheduler, behind @google-cloud/scheduler's CloudSchedulerClient:
 * ListJobs per location. cloudscheduler.proto: "The maximum page size is 500. If unspecified, the page
 * size will be the maximum."
 */
export function cloudSchedulerService(): FakeGrpcService {
  return {
    name: 'google.cloud.scheduler.v1.CloudScheduler',
    methods: {
      ListJobs: locatedList({
        section: 'schedulerJobs',
        field: 'jobs',
        permission: 'cloudscheduler.jobs.list',
        limits: { defaultSize: 500, maxSize: 500 },
      }),
    },
  };
}
