import { ShareOrigins } from '@atelier/shared';
import { useEffect, useState } from 'react';
import { requestJson } from '../../../api/http';
import { readPreference, writePreference } from '../../../ui/devicePreference';
import { pickShareOrigin } from './shareLink';

const STORAGE_KEY = 'atelier.shareOrigin';

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
        setChosen(pickShareOrigin(origins.origins, readPreference(STORAGE_KEY)));
      })
      .catch(() => {});
    return () => abort.abort();
  }, []);
  const choose = (origin: string) => {
    setChosen(origin);
    writePreference(STORAGE_KEY, origin);
  };
  return { answer, chosen, choose };
}
