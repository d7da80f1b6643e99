import type { FakeGrpcService } from '../registry.ts';
import { runCollectionMethods } from './run-collection.ts';

/** google.cloud.run.v2.Jobs: ListJobs, GetJob, GetIamPolicy. */
export function runJobsService(): FakeGrpcService {
  return {
    name: 'google.cloud.run.v2.Jobs',
    methods: runCollectionMethods({ collection: 'jobs', kind: 'JOB', list: 'ListJobs', get: 'GetJob' }),
  };
}
