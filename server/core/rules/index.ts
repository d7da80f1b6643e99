import { cr01InvokerIamDisabled } from './cr-01-invoker-iam-disabled.ts';
import { cr02AllUsersInvoker } from './cr-02-all-users-invoker.ts';
import { cr03AllAuthenticatedUsersInvoker } from './cr-03-all-authenticated-users-invoker.ts';
import { cr04PublicNonInvokerRole } from './cr-04-public-non-invoker-role.ts';
import { cr05IngressAll } from './cr-05-ingress-all.ts';
import { cr06LoadBalancerBypass } from './cr-06-load-balancer-bypass.ts';
import { cr07IapInFrontOfPublicService } from './cr-07-iap-in-front-of-public-service.ts';
import { cr10InvokerOutsideAllowed } from './cr-10-invoker-outside-allowed.ts';
import { cr11DefaultServiceAccount } from './cr-11-default-service-account.ts';
import { cr12PrivilegedRuntimeAccount } from './cr-12-privileged-runtime-account.ts';
import { cr13LiteralCredential } from './cr-13-literal-credential.ts';
import { cr14SecretLatestVersion } from './cr-14-secret-latest-version.ts';
import { cr16NoBinaryAuthorization } from './cr-16-no-binary-authorization.ts';
import { cr17BreakglassUsed } from './cr-17-breakglass-used.ts';
import { cr19SharedCustomAudience } from './cr-19-shared-custom-audience.ts';
import { cr20TrafficTags } from './cr-20-traffic-tags.ts';
import { gr01UnusedInvokerGrant } from './gr-01-unused-invoker-grant.ts';
import { gr02DeniedCalls } from './gr-02-denied-calls.ts';
import { gr03DeliveryWithoutUsableIdentity } from './gr-03-delivery-without-usable-identity.ts';
import { gr04BlastRadius } from './gr-04-blast-radius.ts';
import type { Rule } from './rule.ts';

/** Every rule the core evaluates, in id order. */
export const rules: readonly Rule[] = [
  cr01InvokerIamDisabled,
  cr02AllUsersInvoker,
  cr03AllAuthenticatedUsersInvoker,
  cr04PublicNonInvokerRole,
  cr05IngressAll,
  cr06LoadBalancerBypass,
  cr07IapInFrontOfPublicService,
  cr10InvokerOutsideAllowed,
  cr11DefaultServiceAccount,
  cr12PrivilegedRuntimeAccount,
  cr13LiteralCredential,
  cr14SecretLatestVersion,
  cr16NoBinaryAuthorization,
  cr17BreakglassUsed,
  cr19SharedCustomAudience,
  cr20TrafficTags,
  gr01UnusedInvokerGrant,
  gr02DeniedCalls,
  gr03DeliveryWithoutUsableIdentity,
  gr04BlastRadius,
];
