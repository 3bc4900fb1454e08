export { readLayoutVersion, seedBoard } from './doc/board';
export {
  assignNote,
  type Cluster,
  ClusterDescription,
  ClusterTitle,
  clustersMap,
  createCluster,
  describeCluster,
  dissolveCluster,
  mergeClusters,
  moveCluster,
  rankCluster,
  readClusters,
  renameCluster,
} from './doc/clusters';
export {
  type ControlState,
  readControlState,
  readFollow,
  readTimer,
  seedControl,
  setFollow,
  setLocked,
  setSilent,
  setStep,
  setTimer,
  stateMap,
} from './doc/control';
export { countDrafts, moveDraftsToBoard, updateAddsNote } from './doc/drafts';
export { BOARD_ROOTS, CONTROL_ROOTS, LAYOUT_VERSION, LIMITS, NOTE_FIELDS, STATE_FIELDS } from './doc/layout';
export {
  type AddNoteInput,
  addNote,
  deleteNote,
  moveNote,
  type Note,
  noteMap,
  notesMap,
  noteText,
  type Point,
  readNote,
  readNotes,
  setNoteText,
  setNoteTheme,
} from './doc/notes';
export { LOCAL_ORIGIN, SERVER_ORIGIN } from './doc/origins';
export { replaceText } from './doc/text';
export {
  addTheme,
  DEFAULT_THEMES,
  moveTheme,
  readAllThemes,
  readThemes,
  setThemeArchived,
  type Theme,
  ThemeInput,
  themesMap,
  UNTHEMED_COLOR,
  updateTheme,
} from './doc/themes';
export {
  addMinute,
  formatRemaining,
  inputFrozen,
  MINUTE_MS,
  newTimer,
  parseTimer,
  pauseTimer,
  resetTimer,
  ServerTime,
  startTimer,
  TIMER_MAX_MS,
  TimerSetting,
  TimerState,
  timerRemaining,
  timerRunning,
} from './doc/timer';
export {
  isOwner,
  type ModeratedPerson,
  type ModerationAction,
  type ModerationRefusal,
  moderationRefusal,
} from './participants/moderation';
export {
  MAX_PRESENCE_STATE_BYTES,
  PresenceClientState,
  type PresenceState,
  PresenceUser,
} from './presence/awareness';
export { participantColor } from './presence/colors';
export {
  ApiError,
  CreateWorkshopBody,
  CreateWorkshopResponse,
  ERROR_CODES,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JoinBody,
  JoinCode,
  JoinResponse,
  ParticipantSummary,
  Territory,
  WorkshopPreview,
  WorkshopSummary,
} from './schema/api';
export {
  JoinRole,
  LOCALES,
  Locale,
  PARTICIPANT_GROUPS,
  ParticipantGroup,
  ROLES,
  Role,
  STEPS,
  Step,
  TERRITORY_KINDS,
  TerritoryKind,
} from './schema/enums';
export { ParticipantPath, ParticipantRoleBody } from './schema/participants';
export { DraftCounts, RevealResponse, WorkshopPath } from './schema/silent';
export {
  CLOSE_CODES,
  DOC_KINDS,
  type DocKind,
  draftsRoomName,
  FINAL_CLOSE_CODES,
  parseRoomName,
  type RoomRef,
  roomName,
  roomRefName,
  WRITE_DENIED_REASONS,
  type WriteDeniedReason,
} from './sync/protocol';
