import { BullmqQueue } from './bullmq-queue.ts';
import { InProcessQueue } from './in-process-queue.ts';
import type { JobQueue } from './job-queue.ts';

/** BullMQ when a Redis URL is given, else the in-process queue. */
export function createQueue(redisUrl: string | undefined, prefix: string, onError: (name: string, err: unknown) => void): JobQueue {
  return redisUrl ? new BullmqQueue(redisUrl, prefix, onError) : new InProcessQueue(onError);
}
