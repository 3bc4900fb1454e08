/*
 * @atelier/testing: what e2e/, bench/, scripts/ and the server's integration tests share, so
 * that none of them imports another's files. Nothing of the product (client, server, shared)
 * imports it.
 */
export { type BalancedNodes, type BalancedNodesOptions, startBalancedNodes } from './balanced-nodes';
export {
  buildClient,
  buildServer,
  clientBuildIsStale,
  repoRoot,
  serverBuildIsStale,
  serverEntry,
} from './build';
export { chromiumLaunchOptions, chromiumPath } from './chromium';
export {
  type Fixture,
  type FixtureAction,
  loadFixture,
  type OutcomeOptions,
  writeOutcome,
} from './fixtures/val-de-loue';
export {
  type ClientTls,
  freePorts,
  httpsFetch,
  NGINX,
  type RunningNginx,
  renderSite,
  SHIPPED_SITE,
  type SiteValues,
  selfSignedCertificate,
  startNginx,
} from './nginx';
export {
  createTestDatabase,
  DEFAULT_TEST_DATABASE_URL,
  TEST_DATABASE_PREFIX,
  type TestDatabase,
  testDatabaseUrl,
  withPostgres,
} from './postgres';
export { PRECOMPRESSED_EXTENSIONS, precompressDir } from './precompress';
export {
  createTestRedis,
  DEFAULT_TEST_REDIS_URL,
  deleteKeys,
  TEST_REDIS_PREFIX,
  type TestRedis,
  testRedisUrl,
  withRedis,
} from './redis';
export { strategyFileOf } from './strategyFile';
export { startTcpProxy, type TcpProxy } from './tcp-proxy';
export { waitFor, withTimeout } from './wait';
