import { Icon } from './Icon.tsx';

interface ChipProps {
  label: string;
  onRemove?: () => void;
  testId?: string;
}

export function Chip({ label, onRemove, testId }: ChipProps) {
  return (
    <span className="chip" data-testid={testId}>
      <span className="chip-label" title={label}>{label}</span>
      {onRemove ? (
        <button type="button" className="chip-remove" aria-label={`Remove ${label}`} onClick={onRemove}>
          <Icon name="close" size={10} />
        </button>
      ) : null}
    </span>
  );
}
