import type { BriefMapDrawing } from './brief-map.ts';
import styles from './Brief.module.css';

/** The brief's map as SVG (prints in black and white too: zones also differ by dash, the route is thick and dashed). */
export function BriefMap({ map, labels }: { map: BriefMapDrawing; labels: { gate: string; staging: string; source: string } }) {
  const { widthPx: w, heightPx: h } = map;
  return (
    <svg className={styles.map} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${labels.source}, ${labels.gate} → ${labels.staging}`} data-testid="brief-map">
      <rect width={w} height={h} fill="#fff" />
      {map.zones.map((z, k) => (
        <polygon key={z.level} points={z.points} fill={z.css} fillOpacity={0.35} stroke={z.css} strokeWidth={1.5} strokeDasharray={k === map.zones.length - 1 ? undefined : `${6 - 2 * k} 3`} />
      ))}
      <polygon points={map.boundary} fill="none" stroke="#333" strokeWidth={1.5} />
      {map.roads.map((r, k) => (
        <polyline key={k} points={r} fill="none" stroke="#999" strokeWidth={3} strokeLinecap="round" />
      ))}
      {map.access ? <polyline points={map.access} fill="none" stroke="#0050b3" strokeWidth={5} strokeDasharray="10 5" strokeLinecap="round" strokeLinejoin="round" data-testid="brief-access-route" /> : null}
      {map.gate ? (
        <g transform={`translate(${map.gate[0]} ${map.gate[1]})`}>
          <rect x={-7} y={-7} width={14} height={14} fill="#0050b3" />
          <text x={10} y={4} className={styles.mapLabel}>
            {labels.gate}
          </text>
        </g>
      ) : null}
      {map.staging ? (
        <g transform={`translate(${map.staging[0]} ${map.staging[1]})`}>
          <polygon points="0,-9 8,6 -8,6" fill="#0050b3" />
          <text x={10} y={4} className={styles.mapLabel}>
            {labels.staging}
          </text>
        </g>
      ) : null}
      <g transform={`translate(${map.source[0]} ${map.source[1]})`}>
        <circle r={7} fill="#fff" stroke="#c00" strokeWidth={3} />
        <text x={10} y={-8} className={styles.mapLabel}>
          {labels.source}
        </text>
      </g>
      {/* North arrow and scale bar. */}
      <g transform={`translate(${w - 24} 30)`}>
        <polygon points="0,-18 7,4 0,-2 -7,4" fill="#222" />
        <text y={18} textAnchor="middle" className={styles.mapLabel}>
          N
        </text>
      </g>
      {map.scale ? (
        <g transform={`translate(16 ${h - 16})`}>
          <rect width={map.scale.widthPx} height={5} fill="#222" />
          <text y={-5} className={styles.mapLabel}>
            {map.scale.label}
          </text>
        </g>
      ) : null}
    </svg>
  );
}
