import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { usePresence } from '../../../state/presenceStores';
import { useBoard } from '../../../state/store';
import { groupCode } from '../../../ui/groupCode';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';
import { FollowUpEntry } from '../followUp/FollowUpEntry';
import { JoiningDoor } from './JoiningDoor';
import { NewJoinCodeButton } from './NewJoinCode';
import { QrCode } from './QrCode';
import { addressToType, participantLinkFor } from './shareLink';
import { useShareOrigins } from './useShareOrigins';

interface Props {
  workshopId: string;
  token: string;
  /** The link the server gave at creation or with the last new code (built on its PUBLIC_URL). */
  participantLink: string | null;
  refreshSummary: () => void;
  onClose: () => void;
}

/**
 * The facilitator's invitation: code in huge type, link with copy, QR code, how many joined;
 * a new code when the current one must stop letting people in, and closing joining altogether.
 */
export function SharePanel({ workshopId, token, participantLink, refreshSummary, onClose }: Props) {
  const t = useT();
  const workshop = useBoard((s) => s.workshop);
  const people = usePresence((s) => s.people);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const shareOrigins = useShareOrigins();
  const offered = shareOrigins.answer?.origins ?? [];
  const unreachable = shareOrigins.answer?.reason ?? null;
  const code = workshop?.joinCode ?? null;
  const link = code
    ? participantLinkFor(code, participantLink, window.location.origin, shareOrigins.chosen)
    : null;
  const joined = new Set<string>();
  // Removed people no longer count as having joined.
  for (const p of workshop?.participants ?? []) if (p.role !== 'facilitator' && !p.removed) joined.add(p.id);
  for (const p of people) if (p.role !== 'facilitator') joined.add(p.participantId);

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('ok');
    } catch {
      const selection = window.getSelection();
      if (selection && linkRef.current) selection.selectAllChildren(linkRef.current);
      setCopied('failed');
    }
    window.setTimeout(() => setCopied(null), 2500);
  };

  const [first, second] = code ? groupCode(code) : ['', ''];
  return (
    <aside
      className={`share-panel${workshop?.joiningOpen === false ? ' share-panel--closed' : ''}`}
      data-testid="share.panel"
      aria-labelledby="share-heading"
    >
      <div className="share-panel__head">
        <h2 id="share-heading" ref={headingRef} tabIndex={-1}>
          {t('share.heading')}
        </h2>
        <IconButton label={t('common.close')} onClick={onClose}>
          <Icon name="close" size={16} />
        </IconButton>
      </div>
      {code && (
        <div className="share-panel__code">
          <span className="share-panel__label">{t('share.code')}</span>
          <output
            className="join-code"
            data-testid="share.code"
            aria-label={t('share.codeSpoken', { code: code.split('').join(' ') })}
          >
            <span>{first}</span>
            <span>{second}</span>
          </output>
          <NewJoinCodeButton
            workshopId={workshopId}
            token={token}
            refreshSummary={refreshSummary}
            label={t('share.rotate')}
            testId="share.rotate"
            className="button button--small share-panel__rotate"
          />
        </div>
      )}
      {code && <JoiningDoor workshopId={workshopId} token={token} refreshSummary={refreshSummary} />}
      {unreachable && (
        <div className="share-panel__warning" role="alert" data-testid="share.unreachable">
          <strong>{t('share.unreachableTitle')}</strong>
          <p>
            {t(
              unreachable === 'loopback-host'
                ? 'share.unreachable.loopbackHost'
                : 'share.unreachable.noNetwork',
            )}
          </p>
        </div>
      )}
      {offered.length > 1 && shareOrigins.chosen && (
        <div className="share-panel__origin">
          <label className="share-panel__label" htmlFor="share-origin">
            {t('share.origin')}
          </label>
          <select
            id="share-origin"
            className="input"
            data-testid="share.origin"
            aria-describedby="share-origin-help"
            value={shareOrigins.chosen}
            onChange={(event) => shareOrigins.choose(event.target.value)}
          >
            {offered.map((origin) => (
              <option key={origin} value={origin}>
                {addressToType(origin)}
              </option>
            ))}
          </select>
          <p id="share-origin-help" className="share-panel__help">
            {t('share.originHelp')}
          </p>
        </div>
      )}
      {link && (
        <>
          <div className="share-panel__link">
            <span className="share-panel__label">{t('share.link')}</span>
            <a ref={linkRef} href={link} data-testid="share.link" target="_blank" rel="noreferrer">
              {link}
            </a>
            <button type="button" className="button" data-testid="share.copy" onClick={copy}>
              {copied === 'ok' ? t('share.copied') : t('share.copy')}
            </button>
            <span className="visually-hidden" role="status">
              {copied === 'ok' ? t('share.copied') : copied === 'failed' ? t('share.copyFailed') : ''}
            </span>
          </div>
          <QrCode url={link} label={t('share.qr')} />
        </>
      )}
      {/* A figure in bold, not a heading: a <p> styled so reads as one to assistive technology. */}
      <div className="share-panel__joined" data-testid="share.joined">
        {t.plural('share.joined', joined.size)}
      </div>
      {link && (
        <p className="share-panel__how" data-testid="share.how">
          {t('share.how', { origin: addressToType(link.replace(/\/join\/[^/]+$/, '')) })}
        </p>
      )}
      <FollowUpEntry />
    </aside>
  );
}
