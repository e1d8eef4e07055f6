import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';

interface EmptyStateProps {
  icon: IconName;
  title: string;
  children?: ReactNode;
  testId?: string;
}

export function EmptyState({ icon, title, children, testId }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      <Icon name={icon} size={28} />
      <p className="empty-state-title">{title}</p>
      {children ? <div className="empty-state-body">{children}</div> : null}
    </div>
  );
}
