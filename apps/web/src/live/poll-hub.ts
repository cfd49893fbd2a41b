// A browser-side poll of a hub GET with the user's token (as the region status is fetched): one
// request at a time, the next one `everyMs` after each answer; network failures keep the caller's
// last figures (the walls' link state already says when the hub is gone).

/** What the caller does with an answer; it may return the delay before the next request, ms. */
export type PollAnswer = (status: number, body: unknown) => number | void;

/** Starts polling `url`; returns the function that stops it (and aborts a request in flight). */
export function pollHub(url: string, token: string, everyMs: number, onAnswer: PollAnswer, fetchImpl: typeof fetch = fetch): () => void {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = async () => {
    let nextMs = everyMs;
    try {
      const response = await fetchImpl(url, { headers: { accept: 'application/json', authorization: `Bearer ${token}` }, cache: 'no-store', signal: abort.signal });
      const body: unknown = await response.json().catch(() => null);
      if (!abort.signal.aborted) nextMs = onAnswer(response.status, body) ?? everyMs;
    } catch {
      // Unreachable or aborted: try again later.
    }
    if (!abort.signal.aborted) timer = setTimeout(poll, nextMs);
  };
  void poll();
  return () => {
    abort.abort();
    clearTimeout(timer);
  };
}
