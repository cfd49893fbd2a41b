'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

/** Re-renders the page from the server every `everyS` seconds (a wall must recover from a hub outage unattended). */
export function AutoRetry({ everyS = 10 }: { everyS?: number }) {
  const router = useRouter();
  const [left, setLeft] = useState(everyS);
  useEffect(() => {
    const timer = setInterval(() => {
      setLeft((s) => {
        if (s > 1) return s - 1;
        router.refresh();
        return everyS;
      });
    }, 1_000);
    return () => clearInterval(timer);
  }, [router, everyS]);
  return <p className="muted">Trying again in {left} s.</p>;
}
