'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlarmView } from '@safetwin/protocol';
import { muteStorageKey, soundDecision, soundPermission, type SoundPermission } from '../../live/alarm-sound.ts';
import { AlarmSoundPlayer } from '../../live/alarm-sound-player.ts';

/** The wall's sound: whether it may play (muted / blocked by autoplay / on), and the toggle. `unavailable`: no Web Audio. */
export interface AlarmSound {
  permission: SoundPermission | 'unavailable';
  /** On a click: enables audio when blocked, otherwise flips mute (remembered per wall). */
  toggle(): void;
}

function readMuted(wallId: string): boolean {
  try {
    return window.localStorage.getItem(muteStorageKey(wallId)) === '1';
  } catch {
    return false;
  }
}

function writeMuted(wallId: string, muted: boolean): void {
  try {
    if (muted) window.localStorage.setItem(muteStorageKey(wallId), '1');
    else window.localStorage.removeItem(muteStorageKey(wallId));
  } catch {
    // Private mode or storage full: the toggle still works for this visit.
  }
}

/**
 * Sounds a wall's standing alarms (patterns in live/alarm-sound.ts): level 1 urgent and level 2
 * short while unacknowledged, a chime per new level-3 alarm. Audio starts after the first click or
 * key press on the page (Chromium's autoplay policy) or at once where autoplay is allowed.
 */
export function useAlarmSound(wallId: string, alarms: readonly AlarmView[]): AlarmSound {
  const [player] = useState(() => new AlarmSoundPlayer());
  const [muted, setMuted] = useState(false);
  const [contextState, setContextState] = useState<AudioContextState | 'none' | 'unavailable'>('none');
  const heard = useRef<ReadonlySet<string>>(new Set());

  useEffect(() => {
    setMuted(readMuted(wallId));
    if (!player.init()) {
      setContextState('unavailable');
      return;
    }
    const update = () => setContextState(player.state);
    const unsubscribe = player.subscribe(update);
    update();
    // Any gesture on the page may start audio; the listener goes once audio runs.
    const gesture = () => {
      void player.unlock().then(() => {
        if (player.state === 'running') removeGestures();
      });
    };
    const removeGestures = () => {
      window.removeEventListener('pointerdown', gesture, true);
      window.removeEventListener('keydown', gesture, true);
    };
    window.addEventListener('pointerdown', gesture, true);
    window.addEventListener('keydown', gesture, true);
    return () => {
      removeGestures();
      unsubscribe();
      player.close();
    };
  }, [player, wallId]);

  useEffect(() => {
    const decision = soundDecision(alarms, heard.current);
    heard.current = decision.heard;
    const playing = !muted && contextState === 'running';
    player.loop(playing ? decision.loopLevel : null);
    if (playing && decision.chime) player.chime();
  }, [alarms, muted, contextState, player]);

  const toggle = useCallback(() => {
    if (contextState !== 'running') {
      setMuted(false);
      writeMuted(wallId, false);
      void player.unlock();
      return;
    }
    setMuted((prev) => {
      writeMuted(wallId, !prev);
      return !prev;
    });
  }, [contextState, player, wallId]);

  const permission = contextState === 'unavailable' ? 'unavailable' : soundPermission(muted, contextState);
  return { permission, toggle };
}
