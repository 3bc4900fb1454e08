import { useState } from 'react';
import { useT } from '../../../i18n/locale';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Icon } from '../../../ui/Icon';
import { IconButton } from '../../../ui/IconButton';

interface Props {
  label: string;
  confirmTitle: string;
  confirmText: string;
  onRemove: () => void;
  testId: string;
}

/** A row's remove button: what it removes holds text, so it asks first (and Ctrl+Z undoes it). */
export function RemoveButton({ label, confirmTitle, confirmText, onRemove, testId }: Props) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <IconButton
        className="icon-button--small"
        label={label}
        testId={testId}
        onClick={() => setAsking(true)}
      >
        <Icon name="close" size={16} />
      </IconButton>
      {asking && (
        <ConfirmDialog
          title={confirmTitle}
          text={confirmText}
          confirmLabel={t('plan.confirm.remove')}
          cancelLabel={t('plan.confirm.cancel')}
          testId="plan.confirm"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            onRemove();
          }}
        />
      )}
    </>
  );
}
