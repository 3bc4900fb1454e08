import { useEffect, useState } from 'react';

/**
 * What `read` answers, read now and every `intervalMs` while the component is mounted (and again
 * from scratch when `read` changes: give a stable one). A failed read keeps the last answer: the
 * next poll tries again, and the connection indicator tells about the network.
 */
export function usePolled<T>(read: (signal: AbortSignal) => Promise<T>, intervalMs: number): T | null {
  const [answer, setAnswer] = useState<T | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    const poll = () => read(abort.signal).then(setAnswer, () => {});
    void poll();
    const timer = setInterval(poll, intervalMs);
    return () => {
      clearInterval(timer);
      abort.abort();
    };
  }, [read, intervalMs]);
  return answer;
}
