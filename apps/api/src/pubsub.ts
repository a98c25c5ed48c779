import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import type { EventMap, EventPublisher } from '@mailroom/domain';
import type { RedisConnection } from '@mailroom/queues';

type PubSubChannels = { [T in keyof EventMap]: [key: string, payload: EventMap[T]] };

/** Subscriptions fan out across API replicas and from workers through Redis pub/sub. */
export function createApiPubSub(publishClient: RedisConnection, subscribeClient: RedisConnection) {
  return createPubSub<PubSubChannels>({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
  });
}

export type ApiPubSub = ReturnType<typeof createApiPubSub>;

export function publisherOf(pubSub: ApiPubSub): EventPublisher {
  return {
    async publish(topic, key, payload) {
      (pubSub.publish as (t: string, k: string, p: unknown) => void)(topic, key, payload);
    },
  };
}
