'use client';

import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useT } from '../../i18n/I18nProvider.tsx';
import { detailMessages } from '../../i18n/messages/detail.ts';
import { formatValue } from '../../live/format.ts';
import type { WallState } from '../../wall/WallContext.tsx';
import { useElementSize, useRootFontPx } from '../map/use-element-size.ts';
import type { SetpointLine } from './device-description.ts';
import { HISTORY_WINDOW_MS } from './history.ts';
import { valueRange } from './trend-series.ts';
import { trendGapMs, useTrend } from './use-trend.ts';
import styles from './SensorDetail.module.css';

/** What the chart draws. */
export interface TrendChartProps {
  wall: Pick<WallState, 'hubUrl' | 'token' | 'live' | 'connection'>;
  deviceId: string;
  metric: string;
  unit: string;
  intervalMs: number | null;
  lines: readonly SetpointLine[];
}

/** Time labels in 24-hour local time, as on the wall clock. */
const timeLabel = uPlot.fmtDate('{HH}:{mm}');

/** Chart height at an 18 px root font, px. */
const HEIGHT_PX = 200;

/** Colour of a set-point line: alarm levels amber, trip levels (high-high, low-low, power cut) red, restore blue-grey. */
function lineColour(line: SetpointLine): string {
  if (line.keys.some((k) => k === 'highHigh' || k === 'lowLow' || k === 'powerCut')) return '#ff4d4f';
  if (line.keys.some((k) => k === 'high' || k === 'low')) return '#ff922b';
  return '#9db0c3';
}

const SHORT: Readonly<Record<SetpointLine['keys'][number], string>> = { lowLow: 'LL', low: 'L', high: 'H', highHigh: 'HH', powerCut: 'CUT', powerRestore: 'RST' };

/** Draws the set-point lines (dashed, labelled "H 25") over the plot. */
function setpointPlugin(linesRef: { current: readonly SetpointLine[] }, fontPx: number): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        ctx.save();
        ctx.font = `700 ${Math.round(fontPx * devicePixelRatio)}px system-ui, sans-serif`;
        ctx.textAlign = 'right';
        ctx.textBaseline = 'bottom';
        for (const line of linesRef.current) {
          const y = Math.round(u.valToPos(line.value, 'y', true));
          if (y < top || y > top + height) continue;
          ctx.strokeStyle = lineColour(line);
          ctx.fillStyle = ctx.strokeStyle;
          ctx.lineWidth = 2 * devicePixelRatio;
          ctx.setLineDash([8 * devicePixelRatio, 5 * devicePixelRatio]);
          ctx.beginPath();
          ctx.moveTo(left, y);
          ctx.lineTo(left + width, y);
          ctx.stroke();
          ctx.fillText(`${line.keys.map((k) => SHORT[k]).join('/')} ${formatValue(line.value)}`, left + width - 4, y - 2);
        }
        ctx.restore();
      },
    },
  };
}

/** The last hour of one metric (uPlot): history from the hub, extended live, with set-point lines; gaps where the sensor was silent. */
export function TrendChart({ wall, deviceId, metric, unit, intervalMs, lines }: TrendChartProps) {
  const t = useT(detailMessages);
  const { series, version, status, retry } = useTrend(wall, deviceId);
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(boxRef);
  const fontPx = useRootFontPx() * 0.72;
  const plotRef = useRef<uPlot | null>(null);
  const linesRef = useRef(lines);
  const gapMs = trendGapMs(intervalMs);
  const width = size?.width ?? 0;
  const height = Math.round(HEIGHT_PX * (fontPx / 13));

  useEffect(() => {
    linesRef.current = lines;
  }, [lines]);

  // One plot per metric and size; data changes go through setData.
  useEffect(() => {
    const box = boxRef.current;
    if (!box || width === 0) return;
    const font = `${Math.round(fontPx)}px system-ui, sans-serif`;
    const axis: uPlot.Axis = { stroke: '#9db0c3', grid: { stroke: '#243447', width: 1 }, ticks: { stroke: '#35506b', width: 1 }, font, labelFont: font };
    const plot = new uPlot(
      {
        width,
        height,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: true, range: () => [(Date.now() - HISTORY_WINDOW_MS) / 1000, Date.now() / 1000] },
          y: { range: (u) => valueRange(u.data[1] ?? [], linesRef.current.map((l) => l.value)) },
        },
        axes: [
          { ...axis, values: (_u, splits) => splits.map((s) => timeLabel(new Date(s * 1000))) },
          { ...axis, size: Math.round(fontPx * 4.5), values: (_u, splits) => splits.map((v) => formatValue(v)) },
        ],
        series: [{}, { label: metric, stroke: '#7fdcec', width: 2, spanGaps: false, points: { show: false } }],
        plugins: [setpointPlugin(linesRef, fontPx)],
      },
      series.columns(metric, gapMs),
      box,
    );
    plotRef.current = plot;
    return () => {
      plot.destroy();
      plotRef.current = null;
    };
  }, [width, height, fontPx, metric, gapMs, series]);

  // `version` says the series changed (it is mutated in place).
  const columns = useMemo(() => series.columns(metric, gapMs), [version, metric, gapMs, series]);
  useEffect(() => {
    plotRef.current?.setData(columns);
  }, [columns, lines]);

  const empty = status.kind === 'ready' && columns[0].length === 0;
  return (
    <div className={styles.trend} data-testid="trend" data-trend-status={status.kind}>
      <div className={styles.trendHead}>
        <span className={styles.sectionTitle}>
          {t('trendTitle')} · {metric} {unit && unit !== '1' ? `(${unit})` : ''}
        </span>
        <span className={styles.trendNote}>{status.kind === 'ready' && status.refilledAtMs ? t('trendRefetched') : t('trendGapNote')}</span>
      </div>
      {status.kind === 'error' ? (
        <div className={styles.trendError} role="alert">
          <span>⚠ {t('trendError', { message: status.message })}</span>
          <button type="button" className={styles.retry} onClick={retry}>
            {t('trendRetry')}
          </button>
        </div>
      ) : null}
      {status.kind === 'loading' || status.kind === 'waiting' ? <p className={styles.trendInfo}>{t('trendLoading')}</p> : null}
      {empty ? <p className={styles.trendInfo}>{t('trendEmpty', { metric })}</p> : null}
      <div ref={boxRef} className={styles.plot} style={{ height }} />
    </div>
  );
}
