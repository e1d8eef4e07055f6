import { useStore } from '../../store/index.ts';
import { ReaderView } from './ReaderView.tsx';
import { keepTextFieldEventsFromPdfjs } from './text-field-events.ts';
import './reader.css';

keepTextFieldEventsFromPdfjs();

/** Every open PDF stays mounted (hidden when another tab is in front), so each keeps its place. */
export default function ReaderHost() {
  const tabs = useStore((s) => s.readerTabs);
  const active = useStore((s) => s.activeTab);
  if (tabs.length === 0) return null;
  return (
    <>
      {tabs.map((tab) => <ReaderView key={tab.id} tab={tab} active={tab.id === active} />)}
    </>
  );
}
