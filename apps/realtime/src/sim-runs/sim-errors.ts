// The hub's answers when simulation capacity, not the request, is the problem.
import { HubError } from '../errors.ts';

/** 429: this hub already runs its limit of replays. */
export const replaysBusy = (limit: number) =>
  new HubError('sim:bad-state', `this hub is already replaying ${limit} run(s), its limit (simMaxReplays); try again when one finishes`, 429);

/** 504: a replay ran past its time limit; its thread was stopped. */
export const replayTimedOut = (timeoutMs: number) =>
  new HubError('internal', `replay stopped after ${timeoutMs / 1000} s (simReplayTimeoutMs); its worker thread was terminated`, 504);

/** 503: the queue did not take the run's job; the run is stored as failed with the same reason. */
export const queueUnavailable = (queueName: string, reason: string) =>
  new HubError('internal', `simulation queue '${queueName}' unavailable: ${reason}; the run was not started (stored as failed)`, 503);
