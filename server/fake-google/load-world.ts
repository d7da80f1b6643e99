import { readFileSync } from 'node:fs';
import { validateComputeSections } from './compute-world.ts';
import { derivedProjectNumber } from './derived-project-number.ts';
import { type GoogleProtos, loadGoogleProtos } from './google-protos.ts';
import { describeJson, jsonPath } from './json-path.ts';
import { checkProtoJson, type JsonObject, type ProtoJsonOptions } from './proto-json-checker.ts';
import { isProjectId, isProjectNumber, isRegion, isResourceId, splitResourceName } from './resource-names.ts';
import { parseTimestamp } from './timestamp.ts';
import { validateTrafficSections } from './traffic-world.ts';
import type { World, WorldProject } from './world.ts';
import { WorldError } from './world-error.ts';

export interface LoadWorldOptions {
  /** The present that the world's `now` maps to; defaults to the clock. */
  now?: Date;
  /** Parsed protos to validate against; loaded when not given. */
  protos?: GoogleProtos;
  /**
   * `refuse` (default): an unknown enum value refuses the world like any other problem.
   * `note`: it is listed in `world.notes` and served as an unrecognized value, so an audit can go on
   * and report it next to the rest of the estate.
   */
  unknownEnums?: 'refuse' | 'note';
}

/**
 * Loads a world from a file path or from already parsed JSON, validating every message against the
 * packaged protos and shifting its timestamps so that the world's `now` is the present.
 * Throws a WorldError naming the JSON path of the first problem.
 */
export function loadWorld(source: string | unknown, options: LoadWorldOptions = {}): World {
  const json = typeof source === 'string' ? parseWorldText(readWorldText(source), source) : source;
  return validateWorld(json, options);
}

function readWorldText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new WorldError('', `cannot read world file ${file}: ${(error as Error).message}`);
  }
}

function parseWorldText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new WorldError('', `world file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function validateWorld(json: unknown, options: LoadWorldOptions): World {
  if (!isObject(json)) throw new WorldError('', `a world must be a JSON object, got ${describeJson(json)}`);
  const protos = options.protos ?? loadGoogleProtos();

  let shiftMs = 0;
  let now: string | undefined;
  if (json.now !== undefined) {
    const worldNow = typeof json.now === 'string' ? parseTimestamp(json.now) : undefined;
    if (!worldNow) {
      throw new WorldError('now', `expected an RFC 3339 timestamp string, got ${describeJson(json.now)}`);
    }
    const present = options.now ?? new Date();
    shiftMs = present.getTime() - worldNow.ms;
    now = present.toISOString();
  }

  if (!Array.isArray(json.projects)) {
    throw new WorldError('projects', `expected an array of projects, got ${describeJson(json.projects)}`);
  }
  const notes: { path: string; reason: string }[] = [];
  const checker = {
    protos,
    options: { shiftMs, ...(options.unknownEnums === 'note' ? { unknownEnums: notes } : {}) },
  };
  const seen = new Map<string, string>();
  const projects = json.projects.map((project, index) =>
    validateProject(project, jsonPath('projects', index), checker, seen),
  );
  // Numbers are derived only once every stated one is claimed, so a clash names the right project.
  const numbered = projects.map((project, index) =>
    withProjectNumber(project, jsonPath('projects', index), seen),
  );
  return {
    ...(now === undefined ? {} : { now }),
    projects: numbered,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** A project as validated, before the projects that state no number get one. */
type ValidatedProject = Omit<WorldProject, 'projectNumber'> & { projectNumber?: string };

/** Google gives every project a number; a world project that states none gets derivedProjectNumber. */
function withProjectNumber(project: ValidatedProject, path: string, seen: Map<string, string>): WorldProject {
  if (project.projectNumber !== undefined) return { ...project, projectNumber: project.projectNumber };
  const projectNumber = derivedProjectNumber(project.projectId);
  claimUnique(
    seen,
    projectNumber,
    jsonPath(path, 'projectId'),
    `the project number derived from this ID, "${projectNumber}", is taken; give the project a projectNumber`,
  );
  return { ...project, projectNumber };
}

interface Checker {
  protos: GoogleProtos;
  options: ProtoJsonOptions;
}

function validateProject(
  json: unknown,
  path: string,
  checker: Checker,
  seen: Map<string, string>,
): ValidatedProject {
  if (!isObject(json)) throw new WorldError(path, `expected a project object, got ${describeJson(json)}`);

  const projectId = json.projectId;
  const idPath = jsonPath(path, 'projectId');
  if (typeof projectId !== 'string' || !isProjectId(projectId)) {
    throw new WorldError(
      idPath,
      `expected a project ID (6-30 lowercase letters, digits and hyphens, starting with a letter), got ${describeJson(projectId)}`,
    );
  }
  claimUnique(seen, projectId, idPath, `duplicate project "${projectId}"`);

  const projectNumber = validateProjectNumber(json.projectNumber, jsonPath(path, 'projectNumber'), seen);
  const locationsPath = jsonPath(path, 'locations');
  const locations = validateLocations(json.locations, locationsPath);
  const context: ProjectContext = { projectId, projectNumber, locations, locationsPath };

  const names = new Set<string>();
  const runResources = (collection: 'services' | 'jobs') => {
    const sectionPath = jsonPath(path, collection);
    return arrayOf(json[collection], sectionPath).map((item, index) =>
      validateRunResource(item, jsonPath(sectionPath, index), collection, context, checker, names),
    );
  };
  const services = runResources('services');
  const jobs = runResources('jobs');
  const iamPolicies = validateIamPolicies(
    json.iamPolicies,
    jsonPath(path, 'iamPolicies'),
    context,
    checker,
    names,
  );
  const projectIamPolicy =
    json.projectIamPolicy === undefined
      ? undefined
      : checkProtoJson(
          policyType(checker),
          json.projectIamPolicy,
          jsonPath(path, 'projectIamPolicy'),
          checker.options,
        );

  const eventResources = (section: EventSection) => {
    const sectionPath = jsonPath(path, section);
    const seenNames = new Set<string>();
    return arrayOf(json[section], sectionPath).map((item, index) =>
      validateEventResource(item, jsonPath(sectionPath, index), section, context, checker, seenNames),
    );
  };

  return {
    projectId,
    ...(projectNumber === undefined ? {} : { projectNumber }),
    locations,
    services,
    jobs,
    iamPolicies,
    ...(projectIamPolicy === undefined ? {} : { projectIamPolicy }),
    pubsubSubscriptions: eventResources('pubsubSubscriptions'),
    schedulerJobs: eventResources('schedulerJobs'),
    tasksQueues: eventResources('tasksQueues'),
    ...validateComputeSections(json, path, { projectId, projectNumber }, checker.options.shiftMs),
    ...validateTrafficSections(json, path, { projectId, projectNumber }, checker),
  };
}

function validateProjectNumber(value: unknown, path: string, seen: Map<string, string>): string | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof number !== 'string' || !isProjectNumber(number)) {
    throw new WorldError(
      path,
      `expected a project number string like "123456789012", got ${describeJson(value)}`,
    );
  }
  claimUnique(seen, number, path, `duplicate project number "${number}"`);
  return number;
}

function validateIamPolicies(
  value: unknown,
  path: string,
  context: ProjectContext,
  checker: Checker,
  names: Set<string>,
): Record<string, JsonObject> {
  if (value === undefined) return {};
  if (!isObject(value)) {
    throw new WorldError(path, `expected an object of policies by resource name, got ${describeJson(value)}`);
  }
  const policies: Record<string, JsonObject> = {};
  for (const [resource, policy] of Object.entries(value)) {
    const policyPath = jsonPath(path, resource);
    const key = canonicalRunName(resource, context);
    if (key === undefined || !names.has(key)) {
      throw new WorldError(
        policyPath,
        `"${resource}" names no service or job of project "${context.projectId}"`,
      );
    }
    policies[resource] = checkProtoJson(policyType(checker), policy, policyPath, checker.options);
  }
  return policies;
}

function policyType(checker: Checker) {
  return checker.protos.messageType('google.iam.v1.Policy');
}

function claimUnique(seen: Map<string, string>, key: string, path: string, reason: string): void {
  const first = seen.get(key);
  if (first !== undefined) throw new WorldError(path, `${reason} (also at ${first})`);
  seen.set(key, path);
}

function arrayOf(value: unknown, path: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new WorldError(path, `expected an array, got ${describeJson(value)}`);
  return value;
}

function validateLocations(value: unknown, path: string): string[] {
  const locations = arrayOf(value, path);
  const seen = new Set<string>();
  return locations.map((location, index) => {
    const locationPath = jsonPath(path, index);
    if (typeof location !== 'string' || !isRegion(location)) {
      throw new WorldError(
        locationPath,
        `expected a region like "europe-west1", got ${describeJson(location)}`,
      );
    }
    if (seen.has(location)) throw new WorldError(locationPath, `duplicate location "${location}"`);
    seen.add(location);
    return location;
  });
}

interface ProjectContext {
  projectId: string;
  projectNumber: string | undefined;
  locations: string[];
  locationsPath: string;
}

const RUN_MESSAGE_TYPES = {
  services: 'google.cloud.run.v2.Service',
  jobs: 'google.cloud.run.v2.Job',
} as const;

/** `projects/{id or number}/locations/L/{services|jobs}/X` of this project as `L/collection/X`. */
function canonicalRunName(name: string, context: ProjectContext): string | undefined {
  for (const collection of ['services', 'jobs'] as const) {
    const ids = splitResourceName(name, ['projects', 'locations', collection]);
    if (!ids) continue;
    const [project, location, id] = ids;
    if (project !== context.projectId && project !== context.projectNumber) return undefined;
    return `${location}/${collection}/${id}`;
  }
  return undefined;
}

function validateRunResource(
  json: unknown,
  path: string,
  collection: 'services' | 'jobs',
  context: ProjectContext,
  checker: Checker,
  names: Set<string>,
): JsonObject {
  const messageType = RUN_MESSAGE_TYPES[collection];
  const message = checkProtoJson(checker.protos.messageType(messageType), json, path, checker.options);
  const namePath = jsonPath(path, 'name');
  const name = message.name;
  const format = `projects/{project}/locations/{location}/${collection}/{id}`;
  const ids =
    typeof name === 'string' ? splitResourceName(name, ['projects', 'locations', collection]) : undefined;
  if (typeof name !== 'string' || !ids) {
    throw new WorldError(
      namePath,
      `expected a ${messageType} name of the form ${format}, got ${describeJson(name)}`,
    );
  }
  const [project = '', location = '', id = ''] = ids;
  if (project !== context.projectId && project !== context.projectNumber) {
    throw new WorldError(namePath, `"${name}" is not in project "${context.projectId}"`);
  }
  if (!context.locations.includes(location)) {
    throw new WorldError(namePath, `location "${location}" is not listed in ${context.locationsPath}`);
  }
  if (!isResourceId(id)) {
    throw new WorldError(
      namePath,
      `"${id}" is not a valid ID (lowercase letters, digits and hyphens, starting with a letter)`,
    );
  }
  const key = `${location}/${collection}/${id}`;
  if (names.has(key)) throw new WorldError(namePath, `duplicate name "${name}"`);
  names.add(key);
  return message;
}

type EventSection = 'pubsubSubscriptions' | 'schedulerJobs' | 'tasksQueues';

interface EventSectionSpec {
  messageType: string;
  /** The collections of the resource name, e.g. ['projects', 'locations', 'jobs']. */
  collections: readonly string[];
  id: RegExp;
  idRule: string;
}

// ID rules from each API's resource docs: Pub/Sub subscription IDs start with a letter, are 3-255 of
// letters, digits and -_.~+% and must not start with "goog"; Scheduler job IDs are letters, digits,
// hyphens and underscores up to 500; Cloud Tasks queue IDs letters, digits and hyphens up to 100.
const EVENT_SECTIONS: Record<EventSection, EventSectionSpec> = {
  pubsubSubscriptions: {
    messageType: 'google.pubsub.v1.Subscription',
    collections: ['projects', 'subscriptions'],
    id: /^(?!goog)[A-Za-z][\w.~+%-]{2,254}$/,
    idRule: '3-255 letters, digits and -_.~+%, starting with a letter, not with "goog"',
  },
  schedulerJobs: {
    messageType: 'google.cloud.scheduler.v1.Job',
    collections: ['projects', 'locations', 'jobs'],
    id: /^[A-Za-z0-9_-]{1,500}$/,
    idRule: 'up to 500 letters, digits, hyphens and underscores',
  },
  tasksQueues: {
    messageType: 'google.cloud.tasks.v2beta3.Queue',
    collections: ['projects', 'locations', 'queues'],
    id: /^[A-Za-z0-9-]{1,100}$/,
    idRule: 'up to 100 letters, digits and hyphens',
  },
};

const TOPIC = /^projects\/[^/]+\/topics\/[^/]+$/;

/** A Pub/Sub subscription, Scheduler job or Tasks queue: its message, name, location and uniqueness. */
function validateEventResource(
  json: unknown,
  path: string,
  section: EventSection,
  context: ProjectContext,
  checker: Checker,
  seenNames: Set<string>,
): JsonObject {
  const spec = EVENT_SECTIONS[section];
  const message = checkProtoJson(checker.protos.messageType(spec.messageType), json, path, checker.options);
  const namePath = jsonPath(path, 'name');
  const name = message.name;
  const ids = typeof name === 'string' ? splitResourceName(name, spec.collections) : undefined;
  if (typeof name !== 'string' || !ids) {
    const format = spec.collections.map((c) => `${c}/{${c === 'projects' ? 'project' : 'id'}}`).join('/');
    throw new WorldError(
      namePath,
      `expected a ${spec.messageType} name of the form ${format.replace('locations/{id}', 'locations/{location}')}, got ${describeJson(name)}`,
    );
  }
  const project = ids[0] ?? '';
  const id = ids.at(-1) ?? '';
  if (project !== context.projectId && project !== context.projectNumber) {
    throw new WorldError(namePath, `"${name}" is not in project "${context.projectId}"`);
  }
  if (ids.length === 3 && !context.locations.includes(ids[1] ?? '')) {
    throw new WorldError(namePath, `location "${ids[1]}" is not listed in ${context.locationsPath}`);
  }
  if (!spec.id.test(id)) throw new WorldError(namePath, `"${id}" is not a valid ID (${spec.idRule})`);
  const key = ids.slice(1).join('/');
  if (seenNames.has(key)) throw new WorldError(namePath, `duplicate name "${name}"`);
  seenNames.add(key);
  if (section === 'pubsubSubscriptions') {
    // Every subscription has a topic; a deleted one reads "_deleted-topic_" (pubsub.proto).
    const topic = message.topic;
    if (typeof topic !== 'string' || (topic !== '_deleted-topic_' && !TOPIC.test(topic))) {
      throw new WorldError(
        jsonPath(path, 'topic'),
        `expected a topic name projects/{project}/topics/{topic}, got ${describeJson(topic)}`,
      );
    }
  }
  return message;
}
