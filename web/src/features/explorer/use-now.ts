import { useEffect, useState } from 'react';

/** The current time in epoch ms, re-read every `intervalMs` so date-based views roll over at midnight. */
export const useNow = (intervalMs: number): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
};
