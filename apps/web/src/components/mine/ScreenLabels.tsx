'use client';

import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3 } from 'three';
import type { Rgb } from '../../wall/palette.ts';
import { rgbCss } from '../../wall/palette.ts';
import { declutter, type LabelBox } from './screen-declutter.ts';

/** A label pinned to a place in the twin. */
export interface TwinLabel {
  key: string;
  text: string;
  rgb: Rgb;
  /** Higher is placed first when labels would overlap. */
  priority: number;
  /** `data-*` attributes for tests and tools. */
  data: Record<string, string>;
  /** Where it points now (scene coordinates), written into `out`; false when it has no place. */
  at(out: Vector3): boolean;
}

/** How often the labels are re-placed, ms (a label need not move at the frame rate). */
const PLACE_EVERY_MS = 150;
/** Label sits this far above its point, px. */
const LIFT_PX = 10;

/**
 * Labels over the twin as plain DOM spans in one overlay on the canvas (no React render per
 * frame): projected a few times a second, in priority order, and hidden where they would
 * overlap a label already placed.
 */
export function ScreenLabels({ labels }: { labels: readonly TwinLabel[] }) {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const overlay = useMemo(() => {
    const div = document.createElement('div');
    div.setAttribute('data-testid', 'twin-labels');
    Object.assign(div.style, { position: 'absolute', inset: '0', pointerEvents: 'none', overflow: 'hidden', zIndex: '3' });
    return div;
  }, []);
  useEffect(() => {
    const host = gl.domElement.parentElement;
    host?.appendChild(overlay);
    return () => overlay.remove();
  }, [gl, overlay]);

  const spans = useRef(new Map<string, HTMLSpanElement>());
  const sorted = useMemo(() => [...labels].sort((a, b) => b.priority - a.priority), [labels]);
  useEffect(() => {
    const keep = new Set(sorted.map((l) => l.key));
    for (const [key, span] of spans.current) if (!keep.has(key)) (span.remove(), spans.current.delete(key));
    for (const l of sorted) {
      let span = spans.current.get(l.key);
      if (!span) {
        span = document.createElement('span');
        Object.assign(span.style, { position: 'absolute', left: '0', top: '0', visibility: 'hidden', whiteSpace: 'nowrap', fontWeight: '800', fontSize: '0.95rem', padding: '0.1em 0.45em', borderRadius: '6px', background: 'rgba(8, 13, 19, 0.85)' });
        overlay.appendChild(span);
        spans.current.set(l.key, span);
      }
      span.textContent = l.text;
      span.style.color = rgbCss(l.rgb);
      span.style.border = `2px solid ${rgbCss(l.rgb)}`;
      for (const [k, v] of Object.entries(l.data)) span.setAttribute(`data-${k}`, v);
    }
  }, [sorted, overlay]);

  const last = useRef(-Infinity);
  const point = useMemo(() => new Vector3(), []);
  useFrame(() => {
    const now = performance.now();
    if (now - last.current < PLACE_EVERY_MS) return;
    last.current = now;
    const boxes: Array<LabelBox | null> = sorted.map((l) => {
      const span = spans.current.get(l.key);
      if (!span || !l.at(point)) return null;
      point.project(camera);
      if (point.z > 1 || Math.abs(point.x) > 1.05 || Math.abs(point.y) > 1.05) return null;
      return { x: ((point.x + 1) / 2) * size.width, y: ((1 - point.y) / 2) * size.height - LIFT_PX, width: span.offsetWidth, height: span.offsetHeight };
    });
    const shown = declutter(boxes);
    sorted.forEach((l, i) => {
      const span = spans.current.get(l.key);
      const box = boxes[i];
      if (!span) return;
      if (!shown[i] || !box) {
        span.style.visibility = 'hidden';
        span.setAttribute('data-shown', 'false');
        return;
      }
      span.style.visibility = 'visible';
      span.setAttribute('data-shown', 'true');
      span.style.transform = `translate(${Math.round(box.x - box.width / 2)}px, ${Math.round(box.y - box.height)}px)`;
    });
  });
  return null;
}
