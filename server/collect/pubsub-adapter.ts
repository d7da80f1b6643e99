import { type protos, v1 } from '@google-cloud/pubsub';

export type RawSubscription = protos.google.pubsub.v1.ISubscription;

/** Read-only access to Pub/Sub subscriptions (push endpoints and their OIDC tokens). */
export interface PubSubAdapter {
  listSubscriptions(project: string): Promise<RawSubscription[]>;
  close(): Promise<void>;
}

const CALL_TIMEOUT_MS = 30_000;

/** PubSubAdapter over @google-cloud/pubsub's generated v1 SubscriberClient (gRPC). */
export class GooglePubSubAdapter implements PubSubAdapter {
  private readonly client: v1.SubscriberClient;

  constructor(options: ConstructorParameters<typeof v1.SubscriberClient>[0] = {}) {
    this.client = new v1.SubscriberClient(options);
  }

  async listSubscriptions(project: string): Promise<RawSubscription[]> {
    const out: RawSubscription[] = [];
    for await (const subscription of this.client.listSubscriptionsAsync(
      { project: `projects/${project}` },
      { timeout: CALL_TIMEOUT_MS, autoPaginate: false },
    )) {
      out.push(subscription);
    }
    return out;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
