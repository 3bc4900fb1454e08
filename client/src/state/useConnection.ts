import { createContext, useContext } from 'react';
import type { WorkshopConnection } from '../sync/connection';

/** The open workshop's connection, provided by the workshop shell (see `useWorkshopConnection`). */
export const ConnectionContext = createContext<WorkshopConnection | null>(null);

/** The open workshop's connection; only rendered inside a connected board. */
export function useConnection(): WorkshopConnection {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('useConnection() outside of a board');
  return connection;
}
