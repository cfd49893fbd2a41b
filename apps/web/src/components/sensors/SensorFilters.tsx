'use client';

import type { GroupBy } from '../../live/device-filter.ts';
import { kindLabel } from '../../live/labels.ts';

/** Props of the filter bar: current values, the kinds on this site, and change handlers. */
export interface SensorFiltersProps {
  text: string;
  kind: string | null;
  groupBy: GroupBy;
  kinds: Array<{ kind: string; count: number }>;
  shown: number;
  total: number;
  onText: (text: string) => void;
  onKind: (kind: string | null) => void;
  onGroupBy: (groupBy: GroupBy) => void;
}

/** Text and kind filters and the grouping switch above the sensor table. */
export function SensorFilters(props: SensorFiltersProps) {
  const { text, kind, groupBy, kinds, shown, total } = props;
  return (
    <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <label className="field">
        <span className="field__label">Filter</span>
        <input
          type="search"
          name="q"
          value={text}
          placeholder="Device id, label, enterprise, metric…"
          autoComplete="off"
          onChange={(event) => props.onText(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">Kind</span>
        <select name="kind" value={kind ?? ''} onChange={(event) => props.onKind(event.target.value || null)}>
          <option value="">All kinds ({total})</option>
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {kindLabel(k.kind)} ({k.count})
            </option>
          ))}
        </select>
      </label>
      <fieldset className="segmented">
        <legend className="field__label">Group by</legend>
        {(['kind', 'enterprise'] as const).map((option) => (
          <label key={option} className={groupBy === option ? 'segmented__option is-selected' : 'segmented__option'}>
            <input type="radio" name="groupBy" value={option} checked={groupBy === option} onChange={() => props.onGroupBy(option)} />
            {option === 'kind' ? 'Kind' : 'Enterprise'}
          </label>
        ))}
      </fieldset>
      <p className="filters__count" aria-live="polite">
        Showing {shown} of {total}
      </p>
    </form>
  );
}
