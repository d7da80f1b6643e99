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
