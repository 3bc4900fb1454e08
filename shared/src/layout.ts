/**
 * `@atelier/shared/layout`: the Yjs layout of a workshop's documents — root names, field
 * keys and the raw root maps. Only code that must inspect updates at the layout's level
 * imports it (the server's write checks and vote faces, load tests); the client reads through
 * `@atelier/shared`'s readers and writes through its commands, and lint keeps it from here.
 */
export { ACTION_FIELDS, actionMap, actionsMap } from './doc/actions';
export { AXIS_FIELDS, axesMap, axisMap } from './doc/axes';
export { binMap } from './doc/bin';
export { CLUSTER_FIELDS, clustersMap } from './doc/clusters';
export { questionsMap, stateMap } from './doc/control';
export { INDICATOR_FIELDS, indicatorsMap } from './doc/indicators';
export {
  BOARD_ROOTS,
  CONTROL_ROOTS,
  FROM_TABLE_PREFIX,
  NOTE_FIELDS,
  PRIVATE_ROOTS,
  STATE_FIELDS,
  TABLE_FIELD,
} from './doc/layout';
export { notesMap } from './doc/notes';
export { PARTNER_FIELDS, partnersMap } from './doc/partners';
export { processMap } from './doc/process';
export { TABLE_ITEM_ROOTS } from './doc/tableField';
export { tableMessagesMap } from './doc/tableMessages';
export { seatsMap, tablesMap } from './doc/tables';
export { themesMap } from './doc/themes';
export { type EditedItem, editedItems } from './strategy/edits';
export { remindersMap, votesMap } from './votes/votesDoc';
