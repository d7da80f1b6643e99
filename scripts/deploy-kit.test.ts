import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../server/config.ts';
import { packageRoot } from '../server/paths.ts';
import { auditReportSchema } from '../shared/audit.ts';

// The deploy kit (deploy/) checked by runmap itself: its service definition, turned into a world,
// audits clean; its roles are read-only; its scripts never grant allUsers and print a valid audience.
const run = promisify(execFile);
const root = packageRoot();
const deploy = (...p: string[]) => path.join(root, 'deploy', ...p);
const SELF_WORLD = deploy('runmap-self.world.json');

const EXAMPLE = {
  PROJECT_ID: 'runmap-ops',
  PROJECT_NUMBER: '271828182845',
  REGION: 'europe-west1',
  SERVICE: 'runmap',
  SERVICE_ACCOUNT: 'runmap-console@runmap-ops.iam.gserviceaccount.com',
  IMAGE: 'europe-west1-docker.pkg.dev/runmap-ops/runmap/runmap:1.0.0',
  AUDIENCE: '/projects/271828182845/global/backendServices/4567890123',
  TARGET_PROJECTS: 'runmap-ops',
  ALLOWED_DOMAINS: 'example.com',
};

/** deploy/roles.txt: the console's roles, one a line with why. */
const roles = readFileSync(deploy('roles.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split(/\s+/)[0] ?? '');

const INGRESS: Record<string, string> = {
  all: 'INGRESS_TRAFFIC_ALL',
  internal: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
  'internal-and-cloud-load-balancing': 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
};

type Knative = {
  metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string> };
  spec: {
    template: {
      spec: {
        serviceAccountName: string;
        containers: {
          image: string;
          env: { name: string; value: string }[];
          ports: { containerPort: number }[];
        }[];
      };
    };
  };
};

/** deploy/service.yaml with the example values, as the world's google.cloud.run.v2.Service and the rest. */
function selfWorld(): unknown {
  let text = readFileSync(deploy('service.yaml'), 'utf8');
  for (const [k, v] of Object.entries(EXAMPLE)) text = text.replaceAll(`\${${k}}`, v);
  const svc = parse(text) as Knative;
  const a = svc.metadata.annotations;
  const { PROJECT_ID: project, REGION: region, PROJECT_NUMBER: number } = EXAMPLE;
  const name = `projects/${project}/locations/${region}/services/${svc.metadata.name}`;
  const compute = `https://www.googleapis.com/compute/v1/projects/${project}`;
  const neg = `${compute}/regions/${region}/networkEndpointGroups/${svc.metadata.name}-neg`;
  return {
    now: '2026-11-21T12:00:00Z',
    projects: [
      {
        projectId: project,
        projectNumber: number,
        locations: [region],
        services: [
          {
            name,
            uri: `https://${svc.metadata.name}-${number}.${region}.run.app`,
            urls: [`https://${svc.metadata.name}-${number}.${region}.run.app`],
            labels: svc.metadata.labels,
            ingress: INGRESS[a['run.googleapis.com/ingress'] ?? 'all'],
            defaultUriDisabled: a['run.googleapis.com/default-url-disabled'] === 'true',
            invokerIamDisabled: a['run.googleapis.com/invoker-iam-disabled'] === 'true',
            iapEnabled: a['run.googleapis.com/iap-enabled'] === 'true',
            binaryAuthorization:
              a['run.googleapis.com/binary-authorization'] === 'default' ? { useDefault: true } : undefined,
            createTime: '2026-11-01T09:00:00Z',
            updateTime: '2026-11-20T09:00:00Z',
            launchStage: 'GA',
            template: {
              serviceAccount: svc.spec.template.spec.serviceAccountName,
              containers: svc.spec.template.spec.containers.map((c) => ({
                image: c.image,
                env: c.env.filter((e) => e.value !== ''),
                ports: c.ports,
              })),
            },
            traffic: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }],
          },
        ],
        iamPolicies: {
          // What deploy.sh and main.tf grant: roles/run.invoker to IAP's service agent only.
          [name]: {
            version: 1,
            bindings: [
              {
                role: 'roles/run.invoker',
                members: [`serviceAccount:service-${number}@gcp-sa-iap.iam.gserviceaccount.com`],
              },
            ],
          },
        },
        projectIamPolicy: {
          version: 1,
          bindings: roles.map((role) => ({ role, members: [`serviceAccount:${EXAMPLE.SERVICE_ACCOUNT}`] })),
        },
        networkEndpointGroups: [
          {
            name: `${svc.metadata.name}-neg`,
            region: `${compute}/regions/${region}`,
            networkEndpointType: 'SERVERLESS',
            cloudRun: { service: svc.metadata.name },
            selfLink: neg,
          },
        ],
        backendServices: [
          {
            name: `${svc.metadata.name}-backend`,
            loadBalancingScheme: 'EXTERNAL_MANAGED',
            protocol: 'HTTPS',
            backends: [{ group: neg }],
            iap: { enabled: true },
            selfLink: `${compute}/global/backendServices/${svc.metadata.name}-backend`,
          },
        ],
      },
    ],
  };
}

describe('the deploy kit', () => {
  it('describes a service that runmap audits with nothing above low', async () => {
    const world = `${JSON.stringify(selfWorld(), null, 2)}\n`;
    // deploy/runmap-self.world.json is this world, committed so anyone can audit it by hand.
    if (process.env.UPDATE_SELF_WORLD || !existsSync(SELF_WORLD)) writeFileSync(SELF_WORLD, world);
    expect(readFileSync(SELF_WORLD, 'utf8'), 'run with UPDATE_SELF_WORLD=1 after changing deploy/').toBe(
      world,
    );

    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', 'audit', '--world', SELF_WORLD, '--format', 'json'],
      { cwd: root, env: { ...process.env, NODE_NO_WARNINGS: '1' } },
    );
    const report = auditReportSchema.parse(JSON.parse(stdout));
    expect(report.services.map((s) => s.exposure.verdict)).toEqual(['reachable']);
    const aboveLow = report.findings.filter((f) => !['low', 'info'].includes(f.severity));
    expect(aboveLow.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`)).toEqual([]);
  });

  it('grants the console read-only roles only, the same in roles.txt and the Terraform module', () => {
    for (const role of roles) expect(role).toMatch(/^roles\/([a-z]+\.(viewer|user)|browser)$/);
    expect(roles).not.toContain('roles/viewer'); // too broad: reads every service's data
    const tf = readFileSync(deploy('terraform/variables.tf'), 'utf8');
    const block = /variable "reader_roles"[\s\S]*?default = \[([\s\S]*?)\]/.exec(tf)?.[1] ?? '';
    expect([...block.matchAll(/"(roles\/[^"]+)"/g)].map((m) => m[1])).toEqual(roles);
  });

  it('never grants allUsers or allAuthenticatedUsers in Terraform', () => {
    const tf = ['main.tf', 'variables.tf', 'outputs.tf'].map((f) =>
      readFileSync(deploy('terraform', f), 'utf8'),
    );
    const grants = tf
      .join('\n')
      .split('\n')
      .filter((l) => /member\s*=/.test(l));
    expect(grants.join('\n')).not.toMatch(/allUsers|allAuthenticatedUsers/);
    expect(tf[0]).toMatch(/INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER/);
  });

  it.each(['lb', 'direct'])(
    'deploy.sh (MODE=%s, dry run) grants nothing to allUsers and prints an audience runmap accepts',
    async (mode) => {
      const { stdout } = await run('bash', [deploy('gcloud/deploy.sh')], {
        env: {
          PATH: process.env.PATH ?? '',
          DRY_RUN: '1',
          MODE: mode,
          PROJECT_ID: EXAMPLE.PROJECT_ID,
          REGION: EXAMPLE.REGION,
          TARGET_PROJECTS: 'shop-prod,platform-prod',
          IAP_MEMBERS: 'group:cloud-reviewers@example.com',
          DOMAIN: 'runmap.example.com',
        },
      });
      const commands = stdout.split('\n').filter((l) => l.startsWith('+ '));
      expect(commands.join('\n')).not.toMatch(/allUsers|allAuthenticatedUsers|allow-unauthenticated/);
      const bindings = commands.filter((c) => c.includes('projects add-iam-policy-binding'));
      expect(bindings).toHaveLength(2 * roles.length);
      const audience = /RUNMAP_IAP_AUDIENCE=(\S+)/.exec(stdout)?.[1] ?? '';
      expect(parseConfig({ K_SERVICE: 'runmap', RUNMAP_IAP_AUDIENCE: audience }).auth).toMatchObject({
        mode: 'iap',
        audiences: [audience],
      });
    },
  );

  it('deploy.sh refuses to let allUsers through IAP', async () => {
    const error = (await run('bash', [deploy('gcloud/deploy.sh')], {
      env: {
        PATH: process.env.PATH ?? '',
        DRY_RUN: '1',
        MODE: 'direct',
        PROJECT_ID: 'p-123456',
        REGION: 'europe-west1',
        TARGET_PROJECTS: 'p-123456',
        IAP_MEMBERS: 'allUsers',
      },
    }).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(/refusing to let allUsers through IAP/);
  });
});
