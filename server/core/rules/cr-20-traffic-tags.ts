import { gcloudRun, hclString, shellArg, terraformWorkload } from './remediation.ts';
import { findingOf, type Rule } from './rule.ts';

/** CR-20: traffic tags give revisions URLs of their own. */
export const cr20TrafficTags: Rule = {
  id: 'CR-20',
  title: 'Traffic tags expose extra URLs',
  severity: 'low',
  description:
    'A traffic target has a tag, so its revision answers on a URL of its own (https://TAG---SERVICE…); ' +
    'especially a tag with 0 % of the traffic. Info when the service is declared public.',
  rationale:
    'Every tag gives a revision its own URL, with the service’s ingress and IAM but nothing else: an old or ' +
    'unreleased revision (a 0 % tag) keeps answering requests long after it was meant to be gone, with the bugs ' +
    'and dependencies it had. Remove tags once a rollout is done.',
  appliesTo: ['service'],
  evaluate({ workload, exposure }) {
    const tagged = workload.traffic.filter((t) => t.tag);
    if (tagged.length === 0 || exposure?.reach === 'none') return [];
    const idle = tagged.filter((t) => t.percent === 0);
    const describe = (t: (typeof tagged)[number]) =>
      `${t.tag} (${t.percent} %${t.revision ? `, revision ${t.revision}` : ''})`;
    return [
      findingOf(cr20TrafficTags, workload, {
        // A service that is public on purpose gains little attack surface from an extra URL.
        severity: exposure?.declaredPublic ? 'info' : 'low',
        message: `${workload.shortName} answers on ${tagged.length} tag URL(s) besides its own: ${tagged.map(describe).join(', ')}${
          idle.length > 0
            ? `; ${idle.map((t) => t.tag).join(', ')} receive${idle.length === 1 ? 's' : ''} no traffic and may serve a stale revision`
            : ''
        }.`,
        evidence: tagged.map((t) => ({
          path: `traffic[${t.tag}]`,
          value: `${t.percent} %${t.revision ? ` ${t.revision}` : ''}${t.uri ? ` ${t.uri}` : ''}`,
        })),
        remediation: {
          gcloud: gcloudRun(
            workload,
            'update-traffic',
            `--remove-tags=${tagged.map((t) => shellArg(t.tag ?? '')).join(',')}`,
          ),
          terraform: terraformWorkload(workload, {
            attributes: [
              `# drop the tag attribute from these traffic blocks: ${tagged.map((t) => hclString(t.tag ?? '')).join(', ')}`,
              'traffic {',
              '  type = "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST"',
              '  percent = 100',
              '}',
            ],
          }),
        },
      }),
    ];
  },
};
