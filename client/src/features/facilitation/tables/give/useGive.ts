import { axisGifts, dealAxes, dealSheets, type Gift, giveItems } from '@atelier/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useT } from '../../../../i18n/locale';
import { boardStore } from '../../../../state/store';
import { useConnection } from '../../../../state/useConnection';

/**
 * The facilitator's commands for handing out axes and sheets to tables (one undo step each).
 * Each says what it did in a toast when that is more than the select shows.
 */
export function useGive() {
  const t = useT();
  const connection = useConnection();
  return useMemo(() => {
    const run = (gifts: (doc: Y.Doc) => Gift[]): Gift[] => {
      let given: Gift[] = [];
      connection.stopCapturing();
      try {
        given = gifts(connection.boardDoc);
        giveItems(connection.boardDoc, given);
      } catch {
        // The item was deleted by someone else a moment ago: the list redraws without it.
        return [];
      }
      connection.stopCapturing();
      return given;
    };
    const tableIds = () => boardStore.getState().tables.tables.map((table) => table.id);
    return {
      /** Gives an axis to a table, with the sheets that were with it (see `axisGifts`). */
      axis(axisId: string, table: string | null) {
        const sheets = run((doc) => axisGifts(doc, axisId, table)).length - 1;
        if (sheets > 0) boardStore.getState().toast('info', t.plural('give.sheetsFollow', sheets));
      },
      sheet(sheetId: string, table: string | null) {
        run(() => [{ root: 'actions', id: sheetId, table }]);
      },
      /** Every axis, with its sheets, dealt out to the tables in order. */
      dealAxes() {
        const tables = tableIds();
        const axes = run((doc) => dealAxes(doc, tables)).filter((gift) => gift.root === 'axes').length;
        if (axes > 0)
          boardStore
            .getState()
            .toast('success', t.plural('give.axesDealt', axes, { tables: String(tables.length) }));
      },
      /** Every sheet dealt out to the tables in the plan's order. */
      dealSheets() {
        const tables = tableIds();
        const sheets = run((doc) => dealSheets(doc, tables)).length;
        if (sheets > 0)
          boardStore
            .getState()
            .toast('success', t.plural('give.sheetsDealt', sheets, { tables: String(tables.length) }));
      },
    };
  }, [connection, t]);
}
