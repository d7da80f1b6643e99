import type { FakeGrpcService } from '../registry.ts';
import { runCollectionMethods } from './run-collection.ts';

/** google.cloud.run.v2.Services: ListServices, GetService, GetIamPolicy. */
export function runServicesService(): FakeGrpcService {
  return {
    name: 'google.cloud.run.v2.Services',
    methods: runCollectionMethods({
      collection: 'services',
      kind: 'SERVICE',
      list: 'ListServices',
      get: 'GetService',
    }),
  };
}
