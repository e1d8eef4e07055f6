import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/event-types.ts';

export function buildMenu(send: (command: MenuCommand) => void): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Item…', accelerator: 'CmdOrCtrl+N', click: () => send('new-item') },
        { label: 'New Collection…', accelerator: 'CmdOrCtrl+Shift+N', click: () => send('new-collection') },
        { type: 'separator' },
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        { label: 'Paste BibTeX…', accelerator: 'CmdOrCtrl+Shift+V', click: () => send('paste-bibtex') },
        { label: 'Export Library…', accelerator: 'CmdOrCtrl+E', click: () => send('export-library') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      // Undo and Redo go to the window, which undoes the text edit in a focused field or else the last library change.
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
        { label: 'Redo', accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Shift+Z', click: () => send('redo') },
        ...(isMac ? [] : [{ label: 'Redo', accelerator: 'Ctrl+Y', visible: false, click: () => send('redo') }]),
        { type: 'separator' },
        { role: 'cut' }, { role: 'copy' }, { role: 'paste' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: () => send('focus-filter') },
        { type: 'separator' },
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
