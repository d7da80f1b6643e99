import { cr01InvokerIamDisabled } from './cr-01-invoker-iam-disabled.ts';
import { cr02AllUsersInvoker } from './cr-02-all-users-invoker.ts';
import { cr03AllAuthenticatedUsersInvoker } from './cr-03-all-authenticated-users-invoker.ts';
import { cr05IngressAll } from './cr-05-ingress-all.ts';
import { cr11DefaultServiceAccount } from './cr-11-default-service-account.ts';
import { cr13LiteralCredential } from './cr-13-literal-credential.ts';
import { cr14SecretLatestVersion } from './cr-14-secret-latest-version.ts';
import type { Rule } from './rule.ts';

/** Every rule the core evaluates, in id order. */
export const rules: readonly Rule[] = [
  cr01InvokerIamDisabled,
  cr02AllUsersInvoker,
  cr03AllAuthenticatedUsersInvoker,
  cr05IngressAll,
  cr11DefaultServiceAccount,
  cr13LiteralCredential,
  cr14SecretLatestVersion,
];
