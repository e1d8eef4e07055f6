import { useRef } from 'react';
import type { AttachmentId } from '../../../../shared/model/ids.ts';
import { useStore } from '../../store/index.ts';
import { ReaderView } from './ReaderView.tsx';
import { keepTextFieldEventsFromPdfjs } from './text-field-events.ts';
import './reader.css';

keepTextFieldEventsFromPdfjs();

/**
 * Every open PDF stays mounted once it has been shown (hidden when another tab is in front), so each keeps its place.
 * A tab restored after a restart is mounted, and its PDF opened, only when it first comes to the front.
 */
export default function ReaderHost() {
  const tabs = useStore((s) => s.readerTabs);
  const active = useStore((s) => s.activeTab);
  const shown = useRef(new Set<AttachmentId>());
  if (active !== null) shown.current.add(active);
  if (tabs.length === 0) return null;
  return (
    <>
      {tabs.filter((tab) => shown.current.has(tab.id)).map((tab) => <ReaderView key={tab.id} tab={tab} active={tab.id === active} />)}
    </>
  );
}
