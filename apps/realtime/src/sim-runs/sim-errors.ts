// The hub's answers when simulation capacity, not the request, is the problem.
import { HubError } from '../errors.ts';

/** 429: this hub already runs its limit of replays. */
export const replaysBusy = (limit: number) =>
  new HubError('sim:busy', `this hub is already replaying ${limit} run(s), its limit (simMaxReplays); try again when one finishes`, 429);

/** 504: a replay ran past its time limit; its thread was stopped. */
export const replayTimedOut = (timeoutMs: number) =>
  new HubError('sim:timeout', `replay stopped after ${timeoutMs / 1000} s (simReplayTimeoutMs); its worker thread was terminated`, 504);

/** 503: the queue did not take the run's job; the run is stored as failed with the same reason. */
export const queueUnavailable = (queueName: string, reason: string) =>
  new HubError('sim:queue-unavailable', `simulation queue '${queueName}' unavailable: ${reason}; the run was not started (stored as failed)`, 503);

/** 429: the site already has its limit of unfinished (queued or running) runs. */
export const siteBusy = (siteId: string, limit: number) =>
  new HubError('sim:busy', `site '${siteId}' already has ${limit} queued or running simulation run(s), its limit (simMaxActiveRunsPerSite); cancel one or wait until one finishes`, 429);
