import { useEffect, useState } from 'react';
import { isFileDrag } from '../dnd/drag-data.ts';
import { importFiles } from '../import-export/read-files.ts';

/**
 * Dropping files anywhere on the window imports them. Without this, Chromium
 * would navigate to a dropped file, so the default is always prevented.
 */
export function useFileDrop(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!e.dataTransfer || !isFileDrag(e.dataTransfer)) return;
      depth++;
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!e.dataTransfer || !isFileDrag(e.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onOver = (e: DragEvent) => {
      if (!e.dataTransfer || !isFileDrag(e.dataTransfer)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      depth = 0;
      setOver(false);
      if (!e.dataTransfer || !isFileDrag(e.dataTransfer)) return;
      e.preventDefault();
      void importFiles([...e.dataTransfer.files]);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return over;
}
