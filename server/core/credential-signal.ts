/**
 * Heuristics behind CR-13: does a literal env var look like a credential? The answer is a reason
 * phrased without any part of the value, so it can be shown to a reviewer.
 *
 * Decisions:
 * - A known token shape in the value (PEM private key, Stripe/GitHub/GitLab/Slack/AWS/Google/SendGrid/npm
 *   tokens, JWTs, URLs with a password or a credential query parameter, key=value connection strings
 *   with a password) flags whatever the name.
 * - Otherwise URLs without credentials, booleans, empty values, `$VAR` references, Secret Manager
 *   resource names and file paths (GOOGLE_APPLICATION_CREDENTIALS=/secrets/sa.json) are not secrets.
 * - The name flags when its last word (ignoring qualifiers such as _B64, _JSON, _PROD, _2) is a
 *   credential word: SECRET, TOKEN, PASSWORD, PASSWD, PWD, PASS, PASSPHRASE, CREDENTIAL(S), CREDS,
 *   SALT, APIKEY, or KEY after API/PRIVATE/SECRET/ACCESS/SIGNING/…. So AWS_ACCESS_KEY_ID, SECRET_NAME,
 *   TOKEN_URL and PASSWORD_MIN_LENGTH do not flag, while DB_PASSWORD and SECRET_KEY_BASE do.
 * - A bare KEY or AUTH (CACHE_KEY, BASIC_AUTH) is ambiguous: it flags only a random-looking value
 *   (16+ characters mixing letters and digits) or, for AUTH, a user:password pair; KEY after a
 *   word naming a non-secret key (PUBLIC, PUBLISHABLE, SITE, CACHE, PARTITION, …) never flags.
 * - Without a telling name, a value of 32+ base64/url-safe characters that mixes upper case, lower
 *   case and digits and has a Shannon entropy of 4.3 bits per character or more flags; hex strings
 *   (commit SHAs, digests) and UUIDs do not.
 */

const VALUE_SHAPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/, 'a PEM private key'],
  [/"private_key"\s*:/, 'a service account key file'],
  [/\b[sr]k_(?:live|test)_[0-9A-Za-z]{10,}/, 'a Stripe secret key'],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/, 'a GitHub token'],
  [/\bglpat-[A-Za-z0-9_-]{20,}/, 'a GitLab token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/hooks\.slack\.com\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+/, 'a Slack webhook URL'],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\bAIza[0-9A-Za-z_-]{35}/, 'a Google API key'],
  [/\bya29\.[0-9A-Za-z_-]{20,}/, 'a Google OAuth access token'],
  [/\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/, 'a SendGrid API key'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'an npm token'],
  [/\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}/, 'an API secret key (sk-…)'],
  [/\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, 'a JSON Web Token'],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:[^\s/@]+@/i, 'a URL with an embedded password'],
  [
    /[?&](?:key|api_?key|token|access_token|secret|client_secret|password|sig|signature)=[^&#\s]+/i,
    'a URL with a credential in its query',
  ],
  [/(?:^|[\s;])(?:password|pwd)\s*=\s*[^\s;]+/i, 'a connection string with a password'],
];

const URL = /^[a-z][a-z0-9+.-]*:\/\/\S*$/i;
const NOT_A_SECRET = [
  /^(?:true|false|yes|no|on|off|null|none|nil|undefined)$/i,
  /^\$(?:\{\w+\}|\(\w+\)|\w+)$/, // a reference to another variable
  /^(?:projects\/[^/\s]+\/secrets\/\S+|sm:\/\/\S+)$/, // a Secret Manager reference, not its payload
  /^(?:\/|\.{1,2}\/|~\/)\S*$/, // a file path
];

const QUALIFIERS = new Set([
  'B64',
  'BASE64',
  'BASE',
  'JSON',
  'PEM',
  'RAW',
  'HEX',
  'VALUE',
  'STRING',
  'STR',
  'PROD',
  'PRODUCTION',
  'STAGING',
  'DEV',
  'TEST',
  'OLD',
  'NEW',
  'CURRENT',
  'PREVIOUS',
  'NEXT',
]);
const CREDENTIAL_WORDS = new Set([
  'SECRET',
  'SECRETS',
  'TOKEN',
  'TOKENS',
  'PASSWORD',
  'PASSWORDS',
  'PASSWD',
  'PWD',
  'PASS',
  'PASSPHRASE',
  'CREDENTIAL',
  'CREDENTIALS',
  'CREDS',
  'SALT',
  'APIKEY',
  'PRIVATEKEY',
  'SECRETKEY',
  'ACCESSKEY',
]);
const SECRET_KEY_KINDS = new Set([
  'API',
  'PRIVATE',
  'SECRET',
  'ACCESS',
  'SIGNING',
  'ENCRYPTION',
  'MASTER',
  'AUTH',
  'LICENSE',
  'HMAC',
  'JWT',
  'CLIENT',
  'ACCOUNT',
  'SESSION',
  'CRYPTO',
  'WEBHOOK',
]);
const PUBLIC_KEY_KINDS = new Set([
  'PUBLIC',
  'PUBLISHABLE',
  'SITE',
  'CACHE',
  'PARTITION',
  'SORT',
  'PRIMARY',
  'FOREIGN',
  'ROUTING',
  'OBJECT',
  'BUCKET',
  'IDEMPOTENCY',
  'LOOKUP',
  'FEATURE',
  'FLAG',
  'SHARD',
  'INDEX',
  'QUEUE',
  'TOPIC',
]);

/** Words of an env var name, upper case: `dbPassword_B64` → DB, PASSWORD, B64. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

function randomLooking(value: string): boolean {
  return value.length >= 16 && !/\s/.test(value) && /[A-Za-z]/.test(value) && /\d/.test(value);
}

function nameSignal(name: string, value: string): string | undefined {
  const words = wordsOf(name);
  while (words.length > 1 && (QUALIFIERS.has(words.at(-1) ?? '') || /^\d+$/.test(words.at(-1) ?? ''))) {
    words.pop();
  }
  const last = words.at(-1);
  const before = words.at(-2);
  if (!last) return undefined;
  if (CREDENTIAL_WORDS.has(last)) return `its name ends in ${last}`;
  if (last === 'KEY' && before && SECRET_KEY_KINDS.has(before)) return `its name ends in ${before}_KEY`;
  if (last === 'KEY' && !(before && PUBLIC_KEY_KINDS.has(before)) && randomLooking(value)) {
    return 'its name ends in KEY and the value looks random';
  }
  if (last === 'AUTH' && (randomLooking(value) || /^[^\s:]+:\S+$/.test(value))) {
    return 'its name ends in AUTH and the value looks like a credential';
  }
  return undefined;
}

function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function highEntropy(value: string): boolean {
  return (
    value.length >= 32 &&
    /^[A-Za-z0-9+/=_-]+$/.test(value) &&
    /[A-Z]/.test(value) &&
    /[a-z]/.test(value) &&
    /\d/.test(value) &&
    shannonEntropy(value) >= 4.3
  );
}

/** Why a literal env var looks like a credential (never quoting the value), or undefined. */
export function credentialSignal(name: string, value: string): string | undefined {
  for (const [shape, what] of VALUE_SHAPES) {
    if (shape.test(value)) return `its value has the shape of ${what}`;
  }
  const trimmed = value.trim();
  if (trimmed === '' || URL.test(trimmed) || NOT_A_SECRET.some((pattern) => pattern.test(trimmed))) {
    return undefined;
  }
  return (
    nameSignal(name, trimmed) ??
    (highEntropy(trimmed) ? 'its value is a long high-entropy string' : undefined)
  );
}
