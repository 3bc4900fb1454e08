import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { type SidePanel, useBoard } from '../state/store';
import { ToggleButton } from './ToggleButton';

interface Props
  extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'aria-pressed' | 'className' | 'onClick'> {
  panel: SidePanel;
  testId: string;
  children: ReactNode;
}

/** The button that opens a side panel (closing any other) and, pressed again, closes it. */
export function SidePanelToggle({ panel, testId, children, ...rest }: Props) {
  const open = useBoard((s) => s.sidePanel === panel);
  const setSidePanel = useBoard((s) => s.setSidePanel);
  return (
    <ToggleButton pressed={open} testId={testId} onClick={() => setSidePanel(open ? null : panel)} {...rest}>
      {children}
    </ToggleButton>
  );
}
