import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Waits until a test server listens on loopback; its base URL, e.g. http://127.0.0.1:40123. */
export async function listening(server: Server): Promise<string> {
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
