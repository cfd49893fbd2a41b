import type { HubError } from '../lib/hub-error.ts';
import { AutoRetry } from './AutoRetry.tsx';

/** Shown instead of a page's content when the hub could not be asked: what failed and where. */
export function HubErrorPanel({ error, hubUrl }: { error: HubError; hubUrl: string }) {
  const unreachable = error.isTransportFailure;
  return (
    <section className="panel panel--danger" role="alert">
      <h2>
        <span aria-hidden="true">✕ </span>
        {unreachable ? 'The SafeTwin hub cannot be reached' : 'The SafeTwin hub answered with an error'}
      </h2>
      <p>
        {unreachable ? `No answer from ${hubUrl}. Nothing on this page is live until it is back.` : `${error.message} (${error.code}, HTTP ${error.status}).`}
      </p>
      <AutoRetry />
    </section>
  );
}
