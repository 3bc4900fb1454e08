/** Builds the client only when its sources changed since the last build (used before e2e tests). */
import { buildClient, clientBuildIsStale } from './client-build';

if (clientBuildIsStale()) buildClient();
