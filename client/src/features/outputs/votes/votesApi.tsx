import { createContext, type ReactNode, useContext, useMemo } from 'react';

/** Which workshop the votes belong to, and the token their requests carry. */
export interface VotesApi {
  workshopId: string;
  token: string;
}

const VotesApiContext = createContext<VotesApi | null>(null);

/** Gives the votes' requests their workshop and token (the banner, the area and the panel each wrap their content in one). */
export function VotesApiProvider({ workshopId, token, children }: VotesApi & { children: ReactNode }) {
  const api = useMemo(() => ({ workshopId, token }), [workshopId, token]);
  return <VotesApiContext.Provider value={api}>{children}</VotesApiContext.Provider>;
}

export function useVotesApi(): VotesApi {
  const api = useContext(VotesApiContext);
  if (!api) throw new Error('useVotesApi() outside of a VotesApiProvider');
  return api;
}
