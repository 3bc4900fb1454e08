import type { NetworkInterfaceInfo } from 'node:os';
import type { Locale, ParticipantData, PrivacyNotice } from '@atelier/shared';
import type { WriteLimits } from '../config';
import type { StrategyReader } from '../export/read';
import type { FollowUpService } from '../followUp/service';
import type { JoinAttempts } from '../limits/join-attempts';
import type { Logger } from '../log';
import type { Metrics } from '../metrics/metrics';
import type { StrategyDeletion, WorkshopDeletion } from '../privacy/deletion';
import type { ParticipantErasure } from '../privacy/erasure';
import type { Retention } from '../privacy/retention';
import type { StorageHealth } from '../store/health';
import type { JournalStore } from '../store/journal';
import type { StrategyStore } from '../store/strategies';
import type { Storage } from '../store/transaction';
import type { ParticipantRecord, WorkshopRecord, WorkshopStore } from '../store/workshops';
import type { SessionService } from '../strategies/sessions';
import type { ParticipantDisconnector } from '../sync/participant-sockets';
import type { SilentIdeation } from '../sync/silent-ideation';
import type { TableSeating } from '../sync/table-seating';
import type { VoteService } from '../votes/service';
import type { WorkPool } from '../workers/pool';

/*
 * What the HTTP application is given (by main.ts, or a test). In a module of its own so that
 * the routes take it without importing the app that mounts them.
 */

/** What the server knows of its network: injectable, so that tests can fake the machine's. */
export interface NetworkInfo {
  /** `os.networkInterfaces()` or a stand-in. */
  interfaces: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
  /** The HOST the server listens on (`0.0.0.0` by default). */
  listenHost: string;
}

export interface AppDeps {
  workshops: WorkshopStore;
  /** Units spanning stores: a workshop's creation or import with its first documents. */
  transactions: Storage;
  log: Logger;
  /** Closes a participant's sockets when a facilitator removes them or changes their role. */
  sockets: ParticipantDisconnector;
  /** Participants' private drafts during silent ideation: counts and the reveal. */
  silent: SilentIdeation;
  /** Seats written by the server: a participant's pick, the automatic split, late arrivals. */
  tables: TableSeating;
  /** Vote rounds and ballots: the server is their only authority. */
  votes: VoteService;
  /** The public follow-up pages (droit de suite) and the actions' status import. */
  followUp: FollowUpService;
  /** Strategies (series of sessions) and their facilitator tokens. */
  strategyStore: StrategyStore;
  /** Who edited which board item when (the changes' and the strategy export's who and when). */
  journal: Pick<JournalStore, 'read' | 'editedBy'>;
  /** A strategy's sessions: new ones from an earlier one's outcome, and what each is at a glance. */
  sessions: SessionService;
  /** Reads a workshop's outcome as the strategy object every export is written from. */
  strategies: StrategyReader;
  /** Reads strategy files in worker threads (imports). */
  importParser: Pick<WorkPool, 'parse'>;
  /** Writes exports in worker threads, from what `strategies.capture` took of the rooms. */
  exporter: Pick<WorkPool, 'exportFile'>;
  /** Rate limits on HTTP writes (docs/security.md); none when left out. */
  writeLimits?: WriteLimits;
  publicUrl: string | null;
  /** Whether the server can take writes now (`GET /readyz`): the database accepts a write transaction. */
  ready?: () => boolean;
  /** Whether the node takes writes (writes answer 503 `storage_full` or `unavailable` while it does not). */
  storage?: Pick<StorageHealth, 'writable' | 'refusal' | 'report'>;
  /** The machine's network, for links that work from participants' devices; the real one by default. */
  network?: NetworkInfo;
  /** Folder of the built client; when it has no index.html, a page says how to build it. */
  clientDist: string;
  /** Serve the client's source maps (/assets/*.map); off by default. */
  serveSourcemaps?: boolean;
  /** What `GET /metrics` shows (none: no such route), and the exports' timings. */
  metrics?: Metrics;
  /** `METRICS_TOKEN`: the bearer token `GET /metrics` asks for; null: this machine only. */
  metricsToken?: string | null;
  /** `TRUST_PROXY`: reverse proxies in front whose `X-Forwarded-For` and `X-Request-Id` are believed; 0 by default. */
  trustProxyHops?: number;
  /** Failed join attempts, per address and in all; the default limits when absent. */
  joinAttempts?: JoinAttempts;
  /** A join code answers 410 this long after the workshop's last activity (30 days by default). */
  joinCodeTtlMs?: number;
  /** Personal data: the join notice, erasure, deletion, retention, a person's own data. */
  privacy: PrivacyDeps;
}

export interface PrivacyDeps {
  notice: (locale: Locale) => PrivacyNotice;
  erasure: ParticipantErasure;
  deletion: WorkshopDeletion;
  /** A strategy with all its sessions. */
  strategyDeletion: StrategyDeletion;
  /** `null` when the deployment keeps workshops (no `RETENTION_DAYS`). */
  retention: Retention | null;
  ownData: (workshop: WorkshopRecord, person: ParticipantRecord) => Promise<ParticipantData>;
}
