import { useState, type DragEvent } from 'react';

/**
 * Highlight-and-drop for one sidebar target. `accepts` sees only the drag's
 * types (the data is hidden until drop, by design of HTML5 DnD).
 */
export function useDropTarget(accepts: (dt: DataTransfer) => boolean, onDrop: (dt: DataTransfer) => void, dropEffect: 'copy' | 'move' = 'copy') {
  const [over, setOver] = useState(false);
  return {
    over,
    handlers: {
      onDragOver(e: DragEvent<HTMLElement>) {
        if (!accepts(e.dataTransfer)) return;
        e.preventDefault();
        e.stopPropagation();
        // The effect must be one the source allows, or the browser refuses the drop.
        const allowed = e.dataTransfer.effectAllowed;
        e.dataTransfer.dropEffect = allowed === 'move' || allowed === 'copy' ? allowed : dropEffect;
        if (!over) setOver(true);
      },
      onDragLeave(e: DragEvent<HTMLElement>) {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      },
      onDrop(e: DragEvent<HTMLElement>) {
        setOver(false);
        if (!accepts(e.dataTransfer)) return;
        e.preventDefault();
        e.stopPropagation();
        onDrop(e.dataTransfer);
      },
    },
  };
}
