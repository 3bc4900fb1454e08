import { navigate } from '../routing/router';
import { strategyPath } from '../routing/routes';
import { rememberStrategy } from './remembered';
import { saveSession } from './session';

/**
 * Opens a session as the strategy's facilitator: keeps the session's token like any workshop's,
 * noting which strategy it belongs to (so the board can offer the recap of what changed).
 */
export function enterSession(
  strategyId: string,
  entry: { workshopId: string; participantId: string; facilitatorToken: string; joinCode?: string },
): void {
  saveSession(entry.workshopId, {
    token: entry.facilitatorToken,
    participantId: entry.participantId,
    role: 'facilitator',
    strategyId,
    ...(entry.joinCode ? { joinCode: entry.joinCode } : {}),
  });
}

/** Opens the strategy page with the token kept in this browser (never in the address bar). */
export function openStrategy(id: string, token: string, title?: string): void {
  rememberStrategy({ id, token, ...(title ? { title } : {}) });
  navigate(strategyPath(id));
}
