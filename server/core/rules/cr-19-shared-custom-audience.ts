import { flag, gcloudRun, hclString, terraformWorkload } from './remediation.ts';
import { findingOf, type Rule } from './rule.ts';

/** CR-19: a custom audience is shared by several services. */
export const cr19SharedCustomAudience: Rule = {
  id: 'CR-19',
  title: 'Custom audience shared by several services',
  severity: 'medium',
  description:
    'A value of customAudiences also stands in the customAudiences of another service of the estate.',
  rationale:
    'Cloud Run accepts an ID token whose audience is any of the service’s custom audiences. When two services ' +
    'share an audience, a token minted for one is accepted by the other: a caller, or anyone who captures a ' +
    'token in a log or proxy, can replay it against a service it was never meant for. Give each service ' +
    'audiences of its own (its URL, or a name unique to it).',
  appliesTo: ['service'],
  evaluate({ workload, estate }) {
    const shared = [...new Set(workload.customAudiences)].flatMap((audience) => {
      const others = (estate.servicesByAudience.get(audience) ?? []).filter((s) => s.name !== workload.name);
      return others.length > 0 ? [{ audience, others }] : [];
    });
    if (shared.length === 0) return [];
    const unique = `https://${workload.shortName}.${workload.location}.${workload.project}.example`;
    return [
      findingOf(cr19SharedCustomAudience, workload, {
        message: `${workload.shortName} accepts tokens minted for other services: ${shared
          .map(
            ({ audience, others }) =>
              `custom audience ${audience} is also an audience of ${others.map((o) => o.shortName).join(', ')}`,
          )
          .join('; ')}.`,
        evidence: shared.flatMap(({ audience, others }) => [
          { path: 'customAudiences', value: audience },
          ...others.map((o) => ({ path: `sharedWith[${audience}]`, value: o.name })),
        ]),
        remediation: {
          gcloud: gcloudRun(
            workload,
            'update',
            ...shared.map(({ audience }) => flag('remove-custom-audiences', audience)),
            flag('add-custom-audiences', unique),
          ),
          terraform: terraformWorkload(workload, {
            attributes: [
              `custom_audiences = [${[
                ...workload.customAudiences.filter((a) => !shared.some((s) => s.audience === a)),
                unique,
              ]
                .map(hclString)
                .join(', ')}] # one audience per service`,
            ],
          }),
        },
      }),
    ];
  },
};
