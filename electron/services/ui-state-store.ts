import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_UI_STATE, type UiState } from '../../shared/api/ui-types.ts';
import { writeFileAtomic } from './library-store/index.ts';

export const UI_STATE_FILE = 'ui-state.json';

/**
 * Window layout and last selection, kept beside library.json but in its own
 * file so that clicking around never rewrites the library.
 */
export class UiStateStore {
  private readonly path: string;
  private writing: Promise<void> = Promise.resolve();

  constructor(libraryFolder: string) {
    this.path = join(libraryFolder, UI_STATE_FILE);
  }

  async read(): Promise<UiState> {
    try {
      // Loaded here: the API's schemas are a hundred modules a one-shot command never needs.
      const { API_ARG_SCHEMAS } = await import('../../shared/api/api-methods.ts');
      const parsed = API_ARG_SCHEMAS['ui.setState'].safeParse([JSON.parse(await readFile(this.path, 'utf8'))]);
      // A stale or hand-edited file must not stop the window from opening.
      return parsed.success ? parsed.data[0] : { ...DEFAULT_UI_STATE };
    } catch {
      return { ...DEFAULT_UI_STATE };
    }
  }

  async write(state: UiState): Promise<void> {
    const text = `${JSON.stringify(state, null, 2)}\n`;
    this.writing = this.writing.catch(() => undefined).then(() => writeFileAtomic(this.path, text));
    await this.writing;
  }
}
