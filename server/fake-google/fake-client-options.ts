import { type ClientOptions, grpc } from 'google-gax';

/**
 * Options that point a Google gRPC client (ServicesClient, JobsClient, …) at a running fake:
 * plaintext on loopback, no credentials.
 */
export function fakeClientOptions(fake: { host: string; port: number }): ClientOptions {
  return {
    apiEndpoint: fake.host,
    port: fake.port,
    sslCreds: grpc.credentials.createInsecure(),
    // Without it gax asks google-auth-library for the universe domain, which probes the GCE metadata
    // server (169.254.169.254) when there are no credentials: traffic off loopback, and a warning.
    universeDomain: 'googleapis.com',
  };
}
