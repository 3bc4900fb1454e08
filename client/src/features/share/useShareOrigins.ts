import { ShareOrigins } from '@atelier/shared';
import { useEffect, useState } from 'react';
import { requestJson } from '../../api/http';
import { pickShareOrigin } from './shareLink';

const STORAGE_KEY = 'atelier.shareOrigin';

function remembered(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Where participants can open this server from (`GET /api/share-origins`), and the one this
 * facilitator picked among several (remembered on this device). `null` until the answer comes,
 * or when it never does: the panel then keeps the link the server gave.
 */
export function useShareOrigins() {
  const [answer, setAnswer] = useState<ShareOrigins | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    requestJson('/api/share-origins', ShareOrigins, { signal: abort.signal })
      .then((origins) => {
        setAnswer(origins);
        setChosen(pickShareOrigin(origins.origins, remembered()));
      })
      .catch(() => {});
    return () => abort.abort();
  }, []);
  const choose = (origin: string) => {
    setChosen(origin);
    try {
      localStorage.setItem(STORAGE_KEY, origin);
    } catch {
      // Private browsing: the pick lasts as long as the page.
    }
  };
  return { answer, chosen, choose };
}
