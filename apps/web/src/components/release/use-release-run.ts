'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { SimRunView } from '@safetwin/protocol';
import { HubError } from '../../lib/hub-error.ts';
import { cancelSimRun, fetchSimRun, submitSimRun, type SimRunCaller } from '../../live/sim-run-client.ts';
import type { SimRunFeed } from '../../live/sim-run-feed.ts';
import { followRun } from '../../live/sim-run-follow.ts';
import { decodeAssessment, type AssessmentRequest, type AssessmentView } from '../../live/sim-run.ts';

/** Where a release run stands, as the panel shows it. */
export type ReleaseRunState =
  | { phase: 'idle' }
  | { phase: 'submitting'; startedAtMs: number }
  | { phase: 'running'; run: SimRunView; startedAtMs: number }
  | { phase: 'done'; run: SimRunView; result: AssessmentView; startedAtMs: number; doneAtMs: number }
  /** The hub said no (4xx): its message, verbatim. */
  | { phase: 'refused'; message: string; code: string }
  | { phase: 'failed'; message: string; run: SimRunView | null }
  | { phase: 'cancelled' };

/** Submit, follow and cancel one release run at a time. */
export function useReleaseRun(feed: SimRunFeed | null, caller: SimRunCaller | null) {
  const [state, setState] = useState<ReleaseRunState>({ phase: 'idle' });
  const stopRef = useRef<(() => void) | null>(null);
  const runIdRef = useRef<string | null>(null);
  const epochRef = useRef(0);

  const stopFollowing = () => {
    stopRef.current?.();
    stopRef.current = null;
  };
  useEffect(() => () => stopFollowing(), []);

  const submit = useCallback(
    async (request: AssessmentRequest) => {
      if (!caller || !feed) return;
      stopFollowing();
      const epoch = ++epochRef.current;
      const startedAtMs = performance.now();
      setState({ phase: 'submitting', startedAtMs });
      let queued: SimRunView;
      try {
        queued = await submitSimRun(caller, request);
      } catch (err) {
        if (epoch !== epochRef.current) return;
        if (err instanceof HubError && err.status >= 400 && err.status < 500) setState({ phase: 'refused', message: err.message, code: err.code });
        else setState({ phase: 'failed', message: err instanceof Error ? err.message : String(err), run: null });
        return;
      }
      if (epoch !== epochRef.current) return;
      runIdRef.current = queued.id;
      const onRun = (run: SimRunView) => {
        if (epoch !== epochRef.current) return;
        if (run.state === 'done') {
          try {
            setState({ phase: 'done', run, result: decodeAssessment(run.result), startedAtMs, doneAtMs: performance.now() });
          } catch (err) {
            setState({ phase: 'failed', message: err instanceof Error ? err.message : String(err), run });
          }
        } else if (run.state === 'failed') setState({ phase: 'failed', message: run.error ?? 'unknown error', run });
        else if (run.state === 'cancelled') setState({ phase: 'cancelled' });
        else setState({ phase: 'running', run, startedAtMs });
      };
      onRun(queued);
      if (queued.state === 'done' || queued.state === 'failed' || queued.state === 'cancelled') return;
      stopRef.current = followRun({
        feed,
        runId: queued.id,
        fetchRun: (id) => fetchSimRun(caller, id),
        onUpdate: onRun,
        onError: (err) => {
          if (epoch === epochRef.current) setState({ phase: 'failed', message: err instanceof Error ? err.message : String(err), run: null });
        },
      });
    },
    [caller, feed],
  );

  const cancel = useCallback(async () => {
    const id = runIdRef.current;
    if (!caller || !id) return;
    try {
      await cancelSimRun(caller, id);
    } catch (err) {
      // A run that finished meanwhile cannot be cancelled: its result arrives as usual.
      if (!(err instanceof HubError) || err.status >= 500 || err.status === 0) setState({ phase: 'failed', message: err instanceof Error ? err.message : String(err), run: null });
    }
  }, [caller]);

  const clear = useCallback(() => {
    stopFollowing();
    epochRef.current++;
    runIdRef.current = null;
    setState({ phase: 'idle' });
  }, []);

  return { state, submit, cancel, clear };
}
