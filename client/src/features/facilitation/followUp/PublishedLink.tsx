import { type RefObject, useRef, useState } from 'react';
import { useT } from '../../../i18n/locale';
import { QrCode } from '../share/QrCode';

/** The published page's link: shown whole, copied, opened in a new tab, and as a QR code to project. */
export function PublishedLink({ url, linkRef }: { url: string; linkRef: RefObject<HTMLElement | null> }) {
  const t = useT();
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const timer = useRef<number>(undefined);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('ok');
    } catch {
      // No clipboard (plain HTTP on the room's network): the link is selected, for Ctrl+C.
      const selection = window.getSelection();
      if (selection && linkRef.current) selection.selectAllChildren(linkRef.current);
      setCopied('failed');
    }
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setCopied(null), 2500);
  };

  return (
    <div className="follow-up-link">
      <span className="share-panel__label">{t('followUp.link')}</span>
      {/* Focusable, so that the focus lands here once published and a screen reader reads the link. */}
      <code ref={linkRef} className="follow-up-link__url" data-testid="followUp.link" tabIndex={-1}>
        {url}
      </code>
      <div className="follow-up-link__actions">
        <button type="button" className="button" data-testid="followUp.copy" onClick={copy}>
          {copied === 'ok' ? t('share.copied') : t('share.copy')}
        </button>
        <a className="button" href={url} target="_blank" rel="noreferrer" data-testid="followUp.open">
          {t('followUp.open')}
          <span className="visually-hidden"> {t('followUp.newTab')}</span>
        </a>
      </div>
      <span className="visually-hidden" role="status">
        {copied === 'ok' ? t('share.copied') : copied === 'failed' ? t('share.copyFailed') : ''}
      </span>
      <div className="follow-up-link__qr" data-testid="followUp.qr">
        <QrCode url={url} label={t('followUp.qr')} />
      </div>
    </div>
  );
}
