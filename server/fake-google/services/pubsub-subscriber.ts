import { GoogleApiError } from '../google-api-error.ts';
import { paginate } from '../paginate.ts';
import type { FakeGrpcService, UnaryHandler } from '../registry.ts';
import { isProjectRef, splitResourceName } from '../resource-names.ts';
import { visibleProject } from './visible-project.ts';

interface ListSubscriptionsRequest {
  project: string;
  pageSize: number;
  pageToken: string;
}

/**
 * google.pubsub.v1.Subscriber, the service behind @google-cloud/pubsub's v1.SubscriberClient:
 * ListSubscriptions of a project. Pub/Sub answers a project the caller may not read (or that does not
 * exist) with PERMISSION_DENIED "User not authorized to perform this action." (googleapis/nodejs-pubsub#1180).
 */
export function pubsubSubscriberService(): FakeGrpcService {
  const listSubscriptions: UnaryHandler = (request, context) => {
    const { project: name, pageSize, pageToken } = request as unknown as ListSubscriptionsRequest;
    const [ref = ''] = splitResourceName(name, ['projects']) ?? [];
    if (!isProjectRef(ref)) {
      throw GoogleApiError.invalidArgument(
        `Invalid project name: (project=${name}); expected projects/{project}.`,
      );
    }
    const project = visibleProject(context, ref, () =>
      GoogleApiError.denied('User not authorized to perform this action.'),
    );
    const page = paginate(project.pubsubSubscriptions, {
      pageSize,
      pageToken,
      queryKey: `${project.projectId}/subscriptions`,
    });
    return { subscriptions: page.items, nextPageToken: page.nextPageToken };
  };
  return { name: 'google.pubsub.v1.Subscriber', methods: { ListSubscriptions: listSubscriptions } };
}
