import { Icon } from './Icon.tsx';

interface StarRatingProps {
  value: number;
  onChange(value: number): void;
  testId?: string;
}

/** Five stars; clicking the current rating clears it. */
export function StarRating({ value, onChange, testId }: StarRatingProps) {
  return (
    <div className="stars" role="radiogroup" aria-label="Rating" data-testid={testId}>
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={value === n}
          aria-label={`${n} star${n === 1 ? '' : 's'}`}
          className={n <= value ? 'star on' : 'star'}
          onClick={() => onChange(value === n ? 0 : n)}
        >
          <Icon name="star" size={14} filled={n <= value} />
        </button>
      ))}
    </div>
  );
}
