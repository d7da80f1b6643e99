import {
  type EnvVar,
  type IamPolicy,
  type Ingress,
  ingressSchema,
  type SecretVolume,
  type TrafficTarget,
  type Workload,
  type WorkloadKind,
} from '../../shared/inventory.ts';
import { describeValue, type Normalized, Reader } from './payload-reader.ts';

const NAME = /^projects\/([^/]+)\/locations\/([^/]+)\/(services|jobs)\/([^/]+)$/;

// Turns a Cloud Run v2 Service or Job, as decoded by the gax client (enums as strings, longs as
// strings, Timestamps as {seconds, nanos}), into a Workload. The payload is untrusted: every field is
// type-checked, and each problem is reported by path instead of throwing, so one odd resource never
// hides the rest of the estate.

/** Normalizes a google.cloud.run.v2.Service. */
export function normalizeService(raw: unknown): Normalized<Workload> {
  return normalizeWorkload(raw, 'service');
}

/** Normalizes a google.cloud.run.v2.Job. */
export function normalizeJob(raw: unknown): Normalized<Workload> {
  return normalizeWorkload(raw, 'job');
}

function normalizeWorkload(raw: unknown, kind: WorkloadKind): Normalized<Workload> {
  const r = new Reader();
  const o = r.obj(raw, kind);
  const name = r.str(o.name, 'name') ?? '';
  const m = NAME.exec(name);
  if (!m || (m[3] === 'services') !== (kind === 'service')) {
    r.problems.push(`name: expected projects/P/locations/L/${kind}s/ID, got ${describeValue(name)}`);
  }
  // A Job's containers sit one level deeper: Job.template (ExecutionTemplate).template (TaskTemplate).
  const execution = kind === 'job' ? r.obj(o.template, 'template') : undefined;
  const tplPath = kind === 'job' ? 'template.template' : 'template';
  const tpl = kind === 'job' ? r.obj(execution?.template, tplPath) : r.obj(o.template, 'template');

  const env: EnvVar[] = [];
  const images: string[] = [];
  r.arr(tpl.containers, `${tplPath}.containers`).forEach((c, i) => {
    const cPath = `${tplPath}.containers[${i}]`;
    const container = r.obj(c, cPath);
    const image = r.str(container.image, `${cPath}.image`);
    if (image) images.push(image);
    const containerName = r.str(container.name, `${cPath}.name`) ?? image ?? `container ${i}`;
    r.arr(container.env, `${cPath}.env`).forEach((e, j) => {
      const ePath = `${cPath}.env[${j}]`;
      const ev = r.obj(e, ePath);
      const envName = r.str(ev.name, `${ePath}.name`);
      if (!envName) {
        r.problems.push(`${ePath}.name: missing`);
        return;
      }
      const ref = r.obj(
        r.obj(ev.valueSource, `${ePath}.valueSource`).secretKeyRef,
        `${ePath}.valueSource.secretKeyRef`,
      );
      const secret = r.str(ref.secret, `${ePath}.valueSource.secretKeyRef.secret`);
      if (secret) {
        const version = r.str(ref.version, `${ePath}.valueSource.secretKeyRef.version`) ?? 'latest';
        env.push({ name: envName, container: containerName, secret: { secret, version } });
      } else {
        const value = typeof ev.value === 'string' ? ev.value : r.str(ev.value, `${ePath}.value`);
        env.push({ name: envName, container: containerName, value: value ?? '' });
      }
    });
  });

  const secretVolumes: SecretVolume[] = [];
  const cloudSqlInstances = new Set<string>();
  r.arr(tpl.volumes, `${tplPath}.volumes`).forEach((v, i) => {
    const vPath = `${tplPath}.volumes[${i}]`;
    const vol = r.obj(v, vPath);
    const volume = r.str(vol.name, `${vPath}.name`) ?? `volume ${i}`;
    if (vol.secret) {
      const s = r.obj(vol.secret, `${vPath}.secret`);
      const secret = r.str(s.secret, `${vPath}.secret.secret`) ?? '';
      const items = r.arr(s.items, `${vPath}.secret.items`);
      const versions = items.map(
        (it, k) =>
          r.str(r.obj(it, `${vPath}.secret.items[${k}]`).version, `${vPath}.secret.items[${k}].version`) ??
          'latest',
      );
      secretVolumes.push({ volume, secret, versions: versions.length > 0 ? versions : ['latest'] });
    }
    if (vol.cloudSqlInstance) {
      const sql = r.obj(vol.cloudSqlInstance, `${vPath}.cloudSqlInstance`);
      r.arr(sql.instances, `${vPath}.cloudSqlInstance.instances`).forEach((inst, k) => {
        const s = r.str(inst, `${vPath}.cloudSqlInstance.instances[${k}]`);
        if (s) cloudSqlInstances.add(s);
      });
    }
  });
  const annotations = r.strMap(o.annotations, 'annotations');
  const tplAnnotations = {
    ...(execution ? r.strMap(execution.annotations, 'template.annotations') : {}),
    ...r.strMap(tpl.annotations, `${tplPath}.annotations`),
  };
  // The v1 annotation is still how many deployments attach Cloud SQL.
  for (const inst of (tplAnnotations['run.googleapis.com/cloudsql-instances'] ?? '').split(',')) {
    if (inst.trim()) cloudSqlInstances.add(inst.trim());
  }

  let ingress: Ingress | undefined;
  if (kind === 'service') {
    const parsed = ingressSchema.safeParse(o.ingress ?? 'INGRESS_TRAFFIC_UNSPECIFIED');
    if (parsed.success) ingress = parsed.data;
    else {
      // Unknown ingress: treat as unspecified (which the exposure model reads as ALL, the safe side) and say so.
      r.problems.push(
        `ingress: unknown value ${describeValue(o.ingress)}, treated as INGRESS_TRAFFIC_UNSPECIFIED`,
      );
      ingress = 'INGRESS_TRAFFIC_UNSPECIFIED';
    }
  }

  const traffic: TrafficTarget[] = [];
  const statuses = r.arr(o.trafficStatuses, 'trafficStatuses');
  const targets = statuses.length > 0 ? statuses : r.arr(o.traffic, 'traffic');
  const tPath = statuses.length > 0 ? 'trafficStatuses' : 'traffic';
  targets.forEach((t, i) => {
    const tt = r.obj(t, `${tPath}[${i}]`);
    traffic.push({
      type: typeof tt.type === 'string' ? tt.type : String(tt.type ?? ''),
      revision: r.str(tt.revision, `${tPath}[${i}].revision`),
      percent: r.num(tt.percent, `${tPath}[${i}].percent`),
      tag: r.str(tt.tag, `${tPath}[${i}].tag`),
      uri: r.str(tt.uri, `${tPath}[${i}].uri`),
    });
  });

  const binAuth = o.binaryAuthorization ? r.obj(o.binaryAuthorization, 'binaryAuthorization') : undefined;
  const uri = r.str(o.uri, 'uri');
  const urls = r
    .arr(o.urls, 'urls')
    .map((u, i) => r.str(u, `urls[${i}]`))
    .filter((u): u is string => !!u);
  const workload: Workload = {
    kind,
    name,
    project: m?.[1] ?? '',
    location: m?.[2] ?? '',
    shortName: m?.[4] ?? name.split('/').pop() ?? name,
    uri,
    urls: uri && !urls.includes(uri) ? [uri, ...urls] : urls,
    ingress,
    invokerIamDisabled: r.bool(o.invokerIamDisabled, 'invokerIamDisabled'),
    defaultUriDisabled: r.bool(o.defaultUriDisabled, 'defaultUriDisabled'),
    iapEnabled: r.bool(o.iapEnabled, 'iapEnabled'),
    labels: r.strMap(o.labels, 'labels'),
    annotations,
    serviceAccount: r.str(tpl.serviceAccount, `${tplPath}.serviceAccount`),
    images,
    env,
    secretVolumes,
    cloudSqlInstances: [...cloudSqlInstances],
    customAudiences: r
      .arr(o.customAudiences, 'customAudiences')
      .map((a, i) => r.str(a, `customAudiences[${i}]`))
      .filter((a): a is string => !!a),
    traffic,
    binaryAuthorization: binAuth
      ? {
          useDefault: r.bool(binAuth.useDefault, 'binaryAuthorization.useDefault'),
          policy: r.str(binAuth.policy, 'binaryAuthorization.policy'),
          breakglassJustification: r.str(
            binAuth.breakglassJustification,
            'binaryAuthorization.breakglassJustification',
          ),
        }
      : undefined,
    iamPolicy: null,
    createTime: r.time(o.createTime, 'createTime'),
    updateTime: r.time(o.updateTime, 'updateTime'),
    creator: r.str(o.creator, 'creator'),
    lastModifier: r.str(o.lastModifier, 'lastModifier'),
  };
  return { value: workload, problems: r.problems };
}

/** Normalizes a google.iam.v1.Policy. */
export function normalizePolicy(raw: unknown): Normalized<IamPolicy> {
  const r = new Reader();
  const o = r.obj(raw, 'policy');
  const bindings = r.arr(o.bindings, 'bindings').flatMap((b, i) => {
    const bo = r.obj(b, `bindings[${i}]`);
    const role = r.str(bo.role, `bindings[${i}].role`);
    if (!role) {
      r.problems.push(`bindings[${i}].role: missing`);
      return [];
    }
    const members = r
      .arr(bo.members, `bindings[${i}].members`)
      .map((mm, k) => r.str(mm, `bindings[${i}].members[${k}]`))
      .filter((mm): mm is string => !!mm);
    const cond = bo.condition ? r.obj(bo.condition, `bindings[${i}].condition`) : undefined;
    const expression = cond ? r.str(cond.expression, `bindings[${i}].condition.expression`) : undefined;
    return [{ role, members, ...(expression ? { condition: expression } : {}) }];
  });
  const etag = o.etag instanceof Uint8Array ? Buffer.from(o.etag).toString('base64') : r.str(o.etag, 'etag');
  return { value: { bindings, ...(etag ? { etag } : {}) }, problems: r.problems };
}
