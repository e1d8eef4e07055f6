import { memo } from 'react';
import { ANNOTATION_COLOR_HEX, type Annotation } from '../../../../shared/model/annotation.ts';
import { AnnotationComment } from './AnnotationComment.tsx';

const TYPE_LABEL = { highlight: 'Highlight', underline: 'Underline', note: 'Note', area: 'Area' } as const;

export type PickModifiers = { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean };

interface Props {
  annotation: Annotation;
  index: number;
  /** The row's offset in the list, from the virtualizer. */
  start: number;
  selected: boolean;
  measure: (el: HTMLElement | null) => void;
  /** Stable across renders: a card whose annotation, place and selection did not change is not rendered again. */
  onPick: (a: Annotation, e: PickModifiers) => void;
}

/**
 * One row of the annotations sidebar. Memoised by annotation object (an edit makes a new one): a filter keystroke
 * renders only the cards that come into the window, not the ones that stay.
 */
export const AnnotationCard = memo(function AnnotationCard({ annotation: a, index, start, selected, measure, onPick }: Props) {
  return (
    <div
      ref={measure}
      data-index={index}
      role="option"
      aria-selected={selected}
      tabIndex={-1}
      className={`annotation-card${selected ? ' selected' : ''}${a.orphaned ? ' orphaned' : ''}`}
      data-testid="annotation-card"
      data-annotation-id={a.id}
      style={{ transform: `translateY(${start}px)`, ['--annotation-color' as string]: ANNOTATION_COLOR_HEX[a.color] }}
      onClick={(e) => onPick(a, e)}
    >
      <div className="annotation-card-head">
        <span className="annotation-card-type">{TYPE_LABEL[a.type]}</span>
        <span className="muted">p. {a.pageLabel}</span>
        {a.orphaned ? <span className="annotation-orphaned" title="The quote was not found in the current PDF">orphaned</span> : null}
      </div>
      {a.text ? <blockquote className="annotation-card-quote">{a.text}</blockquote> : null}
      {a.comment ? <AnnotationComment markdown={a.comment} /> : null}
      {a.tags.length > 0 ? <p className="annotation-card-tags">{a.tags.map((t) => <span key={t} className="chip">{t}</span>)}</p> : null}
    </div>
  );
});
