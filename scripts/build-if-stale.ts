/** Builds the client only when its sources changed since the last build (used before e2e tests). */
import { buildClient, clientBuildIsStale } from '@atelier/testing';

if (clientBuildIsStale()) buildClient();
