import { CreateRoundBody, MAX_RANKED_TARGETS, type PublicRound, type VoteTarget } from '@atelier/shared';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../api/errorMessage';
import { createRound, moveRound } from '../../../api/votes';
import { useT } from '../../../i18n/locale';
import { boardStore, useBoard, useShownStep } from '../../../state/store';
import { useBoardValue } from '../../../state/useBoardValue';
import {
  bodyTargetCount,
  defaultTargetKind,
  fieldMessage,
  newRoundDraft,
  type RoundDraft,
  type RoundFormField,
  rankingTooLong,
  roundBody,
  roundFormErrors,
} from './roundDraft';
import { targetsFromTables, targetTablesReader } from './tableTargets';
import { useLiveTargets } from './useLiveTargets';
import { useVotesApi } from './votesApi';

/** What a part of the new round form edits: the draft, how to change it, and each field's problem. */
export interface DraftEditing {
  draft: RoundDraft;
  /** Merges a change into the draft. */
  update: (patch: Partial<RoundDraft>) => void;
  /** The problem to show under a field, in the person's language; `null` when there is none. */
  error: (field: RoundFormField) => string | null;
}

export interface NewRoundFormState extends DraftEditing {
  /** The targets of the kind chosen, on the board now (only the tables' chosen, when limited to tables). */
  targets: readonly VoteTarget[];
  /** How many targets the round would hold as the form stands. */
  targetCount: number;
  busy: boolean;
  /** Why the server refused the round. */
  formError: string | null;
  /** Checks the draft, then creates the round (and opens it when `open`). */
  submit: (open: boolean) => Promise<void>;
}

/**
 * The new round form's state: the draft (voting on what the step shown is about), its problems,
 * and the round's creation. `onDone` gets the round made.
 */
export function useNewRoundForm(onDone: (round: PublicRound) => void): NewRoundFormState {
  const t = useT();
  const api = useVotesApi();
  const step = useShownStep();
  const locale = useBoard((s) => s.workshop?.locale ?? 'fr');
  const [draft, setDraft] = useState<RoundDraft>(() => {
    const kind = defaultTargetKind(step);
    return newRoundDraft(kind, t(`votes.form.defaultTitle.${kind}`), locale);
  });
  const [errors, setErrors] = useState<Partial<Record<RoundFormField, string>>>({});
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const liveTargets = useLiveTargets(draft.targetKind);
  const targetTables = useBoardValue(targetTablesReader(draft.targetKind));
  const targets = useMemo(
    () => targetsFromTables(liveTargets, targetTables, draft.fromTables),
    [liveTargets, targetTables, draft.fromTables],
  );
  const inTables = draft.fromTables === '' ? null : targets.map((target) => target.id);
  const targetCount = bodyTargetCount(roundBody(draft, inTables), targets.length);
  const update = (patch: Partial<RoundDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const error = (field: RoundFormField) => (errors[field] ? t(fieldMessage(field)) : null);

  const submit = async (open: boolean) => {
    setFormError(null);
    const body = roundBody(draft, inTables);
    const parsed = CreateRoundBody.safeParse(body);
    if (!parsed.success) {
      setErrors(roundFormErrors(parsed.error.issues));
      return;
    }
    if (draft.allTargets && targets.length === 0) {
      setErrors({ targets: 'none' });
      return;
    }
    // Said under the mode as soon as it is so (RoundModeFieldset), and again by the buttons: nothing is sent.
    if (rankingTooLong(draft.mode, targetCount)) {
      setErrors({});
      setFormError(t('votes.form.error.tooManyRanked', { max: MAX_RANKED_TARGETS, n: targetCount }));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      let round = await createRound(api.workshopId, body, api.token);
      if (open) round = await moveRound(api.workshopId, round.id, 'open', api.token);
      boardStore.getState().toast('success', t(open ? 'votes.form.createdOpen' : 'votes.form.created'));
      onDone(round);
    } catch (failure) {
      setFormError(errorMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return { draft, update, error, targets, targetCount, busy, formError, submit };
}
