'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

const NowContext = createContext(0);

/** Ticks a shared clock once a second for ages and staleness; 0 until mounted, so server and client render alike. */
export function NowProvider({ children, tickMs = 1_000 }: { children: ReactNode; tickMs?: number }) {
  const [now, setNow] = useState(0);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return <NowContext value={now}>{children}</NowContext>;
}

/** The shared clock, epoch ms (local); 0 before the first tick. */
export function useNow(): number {
  return useContext(NowContext);
}
