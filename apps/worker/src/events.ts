import { channelOf, type EventPublisher } from '@mailroom/domain';
import type { RedisConnection } from '@mailroom/queues';

/** Publishes domain events on the Redis channels the API's subscriptions listen to. */
export function redisPublisher(redis: RedisConnection): EventPublisher {
  return {
    async publish(topic, key, payload) {
      await redis.publish(channelOf(topic, key), JSON.stringify(payload));
    },
  };
}
