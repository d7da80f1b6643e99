import { GoogleApiError } from '../google-api-error.ts';
import { paginate } from '../paginate.ts';
import type { FakeGrpcService, UnaryHandler } from '../registry.ts';
import { isProjectRef, splitResourceName } from '../resource-names.ts';
import { visibleProject } from './visible-project.ts';

interface ListLocationsRequest {
  name: string;
  pageSize: number;
  pageToken: string;
}

/** google.cloud.location.Locations, the mixin behind ServicesClient.listLocations: the world's regions. */
export function locationsService(): FakeGrpcService {
  const listLocations: UnaryHandler = (request, context) => {
    const { name, pageSize, pageToken } = request as unknown as ListLocationsRequest;
    const [ref = ''] = splitResourceName(name, ['projects']) ?? [];
    if (!isProjectRef(ref)) {
      throw GoogleApiError.invalidArgument(`Invalid name '${name}': expected projects/{project}.`);
    }
    const project = visibleProject(context, ref, () =>
      GoogleApiError.permissionDenied('run.locations.list', name),
    );
    const locations = project.locations.map((location) => ({
      name: `projects/${ref}/locations/${location}`,
      locationId: location,
    }));
    const page = paginate(locations, { pageSize, pageToken, queryKey: `${project.projectId}/locations` });
    return { locations: page.items, nextPageToken: page.nextPageToken };
  };
  return { name: 'google.cloud.location.Locations', methods: { ListLocations: listLocations } };
}
