import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../i18n/locale';
import { Icon } from './Icon';
import { IconButton } from './IconButton';

interface Props {
  /** The panel's own class, beside `share-panel`. */
  className: string;
  testId: string;
  headingId: string;
  heading: ReactNode;
  closeTestId: string;
  onClose: () => void;
  /** `false` while Escape belongs to something open inside (a confirmation, a form). */
  escapeCloses?: boolean;
  children: ReactNode;
}

/**
 * A side panel of the board (participants, tables, votes…): its heading takes the focus when it
 * opens, its close button, and Escape pressed inside it closes it — not Escape meant for a
 * dialog (a `<dialog>`, or a portal outside the panel's DOM).
 */
export function SidePanel({
  className,
  testId,
  headingId,
  heading,
  closeTestId,
  onClose,
  escapeCloses = true,
  children,
}: Props) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <aside
      className={`share-panel ${className}`}
      data-testid={testId}
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !escapeCloses) return;
        const target = event.target;
        const inside = target instanceof Node && event.currentTarget.contains(target);
        if (inside && !(target instanceof Element && target.closest('dialog'))) onClose();
      }}
    >
      <div className="share-panel__head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {heading}
        </h2>
        <IconButton label={t('common.close')} testId={closeTestId} onClick={onClose}>
          <Icon name="close" size={16} />
        </IconButton>
      </div>
      {children}
    </aside>
  );
}
