import type { FakeGrpcService } from '../registry.ts';
import { locatedList } from './located-list.ts';

/**
 * google.cloud.tasks.v2beta3.CloudTasks, behind @google-cloud/tasks' v2beta3.CloudTasksClient (the
 * version with queue-level HTTP targets): ListQueues per location. cloudtasks.proto: "The maximum page
 * size is 9800. If unspecified, the page size will be the maximum."
 */
export function cloudTasksService(): FakeGrpcService {
  return {
    name: 'google.cloud.tasks.v2beta3.CloudTasks',
    methods: {
      ListQueues: locatedList({
        section: 'tasksQueues',
        field: 'queues',
        permission: 'cloudtasks.queues.list',
        limits: { defaultSize: 9800, maxSize: 9800 },
      }),
    },
  };
}
