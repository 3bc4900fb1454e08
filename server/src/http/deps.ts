import type { NetworkInterfaceInfo } from 'node:os';
import type {
  Locale,
  ParticipantData,
  PrivacyNotice,
  Strategy,
  WorkshopTemplate,
  WriteStrategyOptions,
} from '@atelier/shared';
import type { StrategyReader } from '../export/read';
import type { Logger } from '../log';
import type { WorkshopDeletion } from '../privacy/deletion';
import type { ParticipantErasure } from '../privacy/erasure';
import type { Retention } from '../privacy/retention';
import type { ParticipantRecord, WorkshopRecord, WorkshopStore } from '../store/workshops';
import type { ParticipantDisconnector } from '../sync/participant-sockets';
import type { SilentIdeation } from '../sync/silent-ideation';
import type { VoteService } from '../votes/service';

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
  /** Writes a new workshop's first document content (runs inside the creation transaction). */
  seedDocs: (workshopId: string, template: WorkshopTemplate) => void;
  /** The same from an imported strategy (runs inside the import's transaction). */
  importDocs: (workshopId: string, strategy: Strategy, options: WriteStrategyOptions) => void;
  log: Logger;
  /** Closes a participant's sockets when a facilitator removes them or changes their role. */
  sockets: ParticipantDisconnector;
  /** Participants' private drafts during silent ideation: counts and the reveal. */
  silent: SilentIdeation;
  /** Vote rounds and ballots: the server is their only authority. */
  votes: VoteService;
  /** Reads a workshop's outcome as the strategy object every export is written from. */
  strategies: StrategyReader;
  publicUrl: string | null;
  /** Whether the server can take writes now (`GET /readyz`): the database accepts a write transaction. */
  ready?: () => boolean;
  /** The machine's network, for links that work from participants' devices; the real one by default. */
  network?: NetworkInfo;
  /** Folder of the built client; when it has no index.html, a page says how to build it. */
  clientDist: string;
  /** Serve the client's source maps (/assets/*.map); off by default. */
  serveSourcemaps?: boolean;
  /** Personal data: the join notice, erasure, deletion, retention, a person's own data. */
  privacy: PrivacyDeps;
}

export interface PrivacyDeps {
  notice: (locale: Locale) => PrivacyNotice;
  erasure: ParticipantErasure;
  deletion: WorkshopDeletion;
  /** `null` when the deployment keeps workshops (no `RETENTION_DAYS`). */
  retention: Retention | null;
  ownData: (workshop: WorkshopRecord, person: ParticipantRecord) => ParticipantData;
}
