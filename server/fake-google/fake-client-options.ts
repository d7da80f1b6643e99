import { type ChannelCredentials, credentials } from '@grpc/grpc-js';

/**
 * The few client options that point a client at the fake. A type alias, not an interface, so that it
 * fits ClientOptions' index signature in every gax version the clients bring.
 */
export type FakeClientOptions = {
  apiEndpoint: string;
  port: number;
  sslCreds: ChannelCredentials;
  universeDomain: string;
};

/**
 * Options that point a Google gRPC client (ServicesClient, JobsClient, ProjectsClient, …) at a running
 * fake: plaintext on loopback, no credentials.
 */
export function fakeClientOptions(fake: { host: string; port: number }): FakeClientOptions {
  return {
    apiEndpoint: fake.host,
    port: fake.port,
    sslCreds: credentials.createInsecure(),
    // Without it gax asks google-auth-library for the universe domain, which probes the GCE metadata
    // server (169.254.169.254) when there are no credentials: traffic off loopback, and a warning.
    universeDomain: 'googleapis.com',
  };
}

/**
 * The auth object a REST (`fallback`) client is given instead of credentials: google-gax sends every
 * request through `auth.fetch`, so this one adds no headers, asks no token endpoint or metadata server,
 * and refuses any URL off loopback.
 */
export interface LoopbackAuth {
  universeDomain: string;
  getRequestHeaders(): Promise<Headers>;
  fetch(url: string | URL, init?: RequestInit): Promise<Response>;
}

/** Options that point a Google REST client (@google-cloud/compute) at a running fake's REST port. */
export type FakeRestClientOptions = {
  apiEndpoint: string;
  port: number;
  protocol: 'http';
  fallback: true;
  universeDomain: string;
  auth: LoopbackAuth;
};

export function fakeRestClientOptions(fake: { host: string; restPort: number }): FakeRestClientOptions {
  return {
    apiEndpoint: fake.host,
    port: fake.restPort,
    protocol: 'http',
    fallback: true,
    universeDomain: 'googleapis.com',
    auth: loopbackAuth(fake.host),
  };
}

function loopbackAuth(host: string): LoopbackAuth {
  return {
    universeDomain: 'googleapis.com',
    getRequestHeaders: async () => new Headers(),
    fetch: (url, init = {}) => {
      const target = new URL(url);
      if (target.hostname.replace(/^\[|\]$/g, '') !== host) {
        return Promise.reject(new Error(`the fake's REST clients only call ${host}, not ${target.host}`));
      }
      // gax adds gaxios-only options (agent, responseType); fetch takes the standard ones.
      const { method, headers, body, signal } = init;
      return fetch(target, { method, headers, body, signal });
    },
  };
}

/**
 * The root URL that points a googleapis REST client (@googleapis/cloudtrace) at a running fake's REST
 * port: plain HTTP on loopback. Give the client no auth, so nothing asks for a token.
 */
export function fakeRestRootUrl(fake: { host: string; restPort: number }): string {
  const host = fake.host.includes(':') ? `[${fake.host}]` : fake.host;
  return `http://${host}:${fake.restPort}/`;
}
