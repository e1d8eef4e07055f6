import { ANNOTATION_COLORS, ANNOTATION_COLOR_HEX, type AnnotationColor } from '../../../../shared/model/annotation.ts';

interface SelectionToolbarProps {
  x: number;
  y: number;
  onPick(type: 'highlight' | 'underline', color: AnnotationColor): void;
}

/** Shown over a text selection: highlight (a swatch) or underline (the same swatch with a line), 8 colours. */
export function SelectionToolbar({ x, y, onPick }: SelectionToolbarProps) {
  return (
    <div
      className="reader-selection-toolbar"
      data-testid="selection-toolbar"
      style={{ left: x, top: y }}
      // Keep the selection: a press here must not clear it before the click.
      onMouseDown={(e) => e.preventDefault()}
    >
      <div className="reader-selection-row" role="group" aria-label="Highlight">
        {ANNOTATION_COLORS.map((c) => (
          <button key={c} type="button" className="swatch" title={`Highlight ${c}`} aria-label={`Highlight ${c}`} data-testid={`highlight-${c}`} style={{ background: ANNOTATION_COLOR_HEX[c] }} onClick={() => onPick('highlight', c)} />
        ))}
      </div>
      <div className="reader-selection-row" role="group" aria-label="Underline">
        {ANNOTATION_COLORS.map((c) => (
          <button key={c} type="button" className="swatch underline" title={`Underline ${c}`} aria-label={`Underline ${c}`} data-testid={`underline-${c}`} style={{ borderBottomColor: ANNOTATION_COLOR_HEX[c] }} onClick={() => onPick('underline', c)}>U</button>
        ))}
      </div>
    </div>
  );
}
