import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/event-types.ts';

vi.mock('electron', () => ({ Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => template } }));
const { buildMenu } = await import('./menu.ts');

function editMenu(): MenuItemConstructorOptions[] {
  const template = buildMenu(() => undefined) as unknown as MenuItemConstructorOptions[];
  const edit = template.find((m) => m.label === 'Edit');
  return (edit?.submenu ?? []) as MenuItemConstructorOptions[];
}

describe('the Edit menu', () => {
  it('sends Undo and Redo to the window, which undoes the field\'s typing or the library\'s last change', () => {
    const sent: MenuCommand[] = [];
    const template = buildMenu((c) => sent.push(c)) as unknown as MenuItemConstructorOptions[];
    const items = (template.find((m) => m.label === 'Edit')?.submenu ?? []) as MenuItemConstructorOptions[];
    const undo = items.find((i) => i.label === 'Undo');
    const redo = items.find((i) => i.label === 'Redo' && i.visible !== false);
    expect(undo?.accelerator).toBe('CmdOrCtrl+Z');
    expect(redo?.accelerator).toMatch(/Shift\+Z$/);
    (undo?.click as () => void)();
    (redo?.click as () => void)();
    expect(sent).toEqual(['undo', 'redo']);
  });

  it('keeps cut, copy, paste and select all as the system does them', () => {
    expect(editMenu().map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });
});
