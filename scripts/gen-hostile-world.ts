/**
 * Generates server/fake-google/worlds/hostile.world.json: an estate whose every free-text field
 * carries what an attacker who can deploy a Cloud Run service could put there — script tags, event
 * handler attributes, `javascript:` and `data:` URLs, template-injection strings, bidi overrides
 * (U+202E), zero-width characters and 10 kB strings. Names stay valid resource IDs (the world
 * validator and Google insist); the payloads go in labels, annotations, descriptions, env names,
 * images, URLs, IAM members, secret names, traffic tags and log text. e2e/hostile.spec.ts serves it
 * and proves the console renders it inert and readable.
 *
 * Every payload that could run sets `window.__pwned`, which the spec checks is never set.
 * Deterministic. Run: npx tsx scripts/gen-hostile-world.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../server/fake-google/worlds/hostile.world.json', import.meta.url));
const P = 'hostile-prod';
const NUMBER = '314159265358';
const L = 'europe-west1';
const name = (kind: 'services' | 'jobs', id: string) => `projects/${P}/locations/${L}/${kind}/${id}`;
const runUrl = (id: string) => `https://${id}-${NUMBER}.${L}.run.app`;

/** Payloads; each would set window.__pwned if it ever ran. */
export const HOSTILE = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=1">',
  svg: '<svg/onload=window.__pwned=1>',
  iframe: '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  jsUrl: 'javascript:window.__pwned=1',
  jsUrlMixed: ' JaVaScRiPt:window.__pwned=1',
  jsUrlTab: 'java\tscript:window.__pwned=1',
  dataUrl: 'data:text/html,<script>window.__pwned=1</script>',
  vbUrl: 'vbscript:msgbox(1)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, on purpose
  template: "{{constructor.constructor('window.__pwned=1')()}} ${window.__pwned=1}",
  /** Right-to-left override: the tail renders reversed, so this reads as an example.com address. */
  bidi: 'admin\u202Emoc.elpmaxe@evil.com',
  bidiFile: 'invoice\u202Efdp.exe',
  zeroWidth: 'pay\u200Bments\u2066-isolate\u2069',
  /** 10 kB without a single space: the worst case for wrapping. */
  long: `L${'ong'.repeat(3413)}`,
  /** 10 kB of repeated script tags. */
  longScript: '<script>window.__pwned=1</script>'.repeat(300),
} as const;

const leak = 'RUNMAPHOSTILELEAK01';

function service(id: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    name: name('services', id),
    uri: runUrl(id),
    urls: [runUrl(id)],
    ingress: 'INGRESS_TRAFFIC_ALL',
    createTime: '2026-10-01T08:00:00Z',
    updateTime: '2026-11-20T08:00:00Z',
    launchStage: 'GA',
    traffic: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }],
    ...extra,
  };
}

const container = (image: string, env: Record<string, unknown>[]) => ({
  image,
  env,
  ports: [{ containerPort: 8080 }],
});

const world = {
  now: '2026-11-21T12:00:00Z',
  projects: [
    {
      projectId: P,
      projectNumber: NUMBER,
      locations: [L],
      services: [
        service('label-bomb', {
          description: `${HOSTILE.longScript}`,
          labels: {
            team: HOSTILE.script,
            owner: HOSTILE.bidi,
            'cost-center': HOSTILE.long,
            runbook: HOSTILE.jsUrl,
            [HOSTILE.img]: HOSTILE.svg,
          },
          annotations: { 'run.googleapis.com/description': HOSTILE.iframe, note: HOSTILE.template },
          creator: HOSTILE.img,
          lastModifier: `${HOSTILE.script}@example.com`,
          client: HOSTILE.svg,
          // Links built from these must never be anything but http(s) to run.app.
          urls: [
            runUrl('label-bomb'),
            HOSTILE.jsUrl,
            HOSTILE.jsUrlMixed,
            HOSTILE.jsUrlTab,
            HOSTILE.dataUrl,
            HOSTILE.vbUrl,
            `${runUrl('label-bomb')}/${encodeURIComponent(HOSTILE.script)}`,
          ],
          template: {
            serviceAccount: `label-bomb@${P}.iam.gserviceaccount.com`,
            labels: { revision: HOSTILE.script },
            containers: [
              container(`europe-docker.pkg.dev/${P}/apps/${HOSTILE.img}:1.0`, [
                { name: HOSTILE.script, value: leak },
                { name: 'PEER_URL', value: runUrl('env-names') },
              ]),
            ],
          },
        }),
        service('env-names', {
          ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
          description: HOSTILE.bidiFile,
          labels: { purpose: HOSTILE.zeroWidth },
          template: {
            serviceAccount: `env-names@${P}.iam.gserviceaccount.com`,
            containers: [
              container(`europe-docker.pkg.dev/${P}/apps/${HOSTILE.long}`, [
                { name: HOSTILE.img, value: 'plain' },
                { name: HOSTILE.jsUrl, value: 'plain' },
                { name: HOSTILE.bidiFile, value: 'plain' },
                { name: HOSTILE.long, value: 'plain' },
                { name: HOSTILE.template, value: 'plain' },
                { name: 'API_TOKEN', value: `sk_live_${leak}` },
                {
                  name: HOSTILE.svg,
                  valueSource: {
                    secretKeyRef: {
                      secret: `projects/${NUMBER}/secrets/${HOSTILE.script}`,
                      version: 'latest',
                    },
                  },
                },
              ]),
            ],
          },
        }),
        service('tagged', {
          ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
          labels: { 'runmap-exposure': HOSTILE.script },
          traffic: [
            { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 },
            {
              type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION',
              revision: 'tagged-00001-abc',
              percent: 0,
              tag: 'canary',
            },
          ],
          trafficStatuses: [
            {
              type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION',
              revision: 'tagged-00001-abc',
              percent: 0,
              tag: 'canary',
              uri: HOSTILE.jsUrl,
            },
          ],
          template: {
            serviceAccount: `${HOSTILE.long.slice(0, 500)}@${P}.iam.gserviceaccount.com`,
            containers: [container(`europe-docker.pkg.dev/${P}/apps/tagged:${HOSTILE.bidiFile}`, [])],
          },
        }),
      ],
      jobs: [
        {
          name: name('jobs', 'nightly-bomb'),
          labels: { schedule: HOSTILE.svg, note: HOSTILE.long },
          createTime: '2026-10-01T08:00:00Z',
          updateTime: '2026-11-20T08:00:00Z',
          lastModifier: HOSTILE.bidi,
          template: {
            template: {
              serviceAccount: `nightly@${P}.iam.gserviceaccount.com`,
              containers: [
                {
                  image: `europe-docker.pkg.dev/${P}/jobs/${HOSTILE.script}`,
                  env: [{ name: HOSTILE.iframe, value: leak }],
                },
              ],
            },
          },
        },
      ],
      iamPolicies: {
        [name('services', 'label-bomb')]: {
          version: 1,
          bindings: [
            {
              role: 'roles/run.invoker',
              members: [
                'allUsers',
                `user:${HOSTILE.img}@example.com`,
                `user:${HOSTILE.bidi}`,
                `serviceAccount:${HOSTILE.long}@${P}.iam.gserviceaccount.com`,
              ],
            },
          ],
        },
        [name('services', 'env-names')]: {
          version: 1,
          bindings: [
            {
              role: 'roles/run.invoker',
              members: [`group:${HOSTILE.script}@example.com`, `domain:${HOSTILE.zeroWidth}.com`],
            },
            { role: 'roles/run.viewer', members: [`user:${HOSTILE.template}@example.com`] },
          ],
        },
      },
      projectIamPolicy: {
        version: 1,
        bindings: [{ role: 'roles/viewer', members: [`user:${HOSTILE.svg}@example.com`] }],
      },
      logEntries: [
        {
          logName: `projects/${P}/logs/run.googleapis.com%2Fstderr`,
          resource: { type: 'cloud_run_revision', labels: { service_name: 'label-bomb', location: L } },
          timestamp: '2026-11-21T11:59:00Z',
          severity: 'ERROR',
          textPayload: `${HOSTILE.script} ${HOSTILE.bidi} ${HOSTILE.long}`,
        },
      ],
    },
  ],
};

writeFileSync(OUT, `${JSON.stringify(world, null, 2)}\n`);
console.log(`wrote ${OUT}`);
