import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'folio/layers').map((m) => m.message);
}

// Each of these passed lint and every tsconfig while the rule was a denylist.
const PROBES: Array<[string, string, string]> = [
  ['a component importing a feature that uses the store', 'renderer/src/components/Probe.tsx',
    "import { LibraryTable } from '../features/library/LibraryTable.tsx';\nexport const x = LibraryTable;\n"],
  ['services importing the CLI', 'electron/services/probe.ts', "import { runCli } from '../cli/folio.ts';\nexport const x = runCli;\n"],
  ['services importing the web host', 'electron/services/probe.ts', "import { startWebHost } from '../webhost/web-host.ts';\nexport const x = startWebHost;\n"],
  ['the Electron adapter importing renderer logic', 'electron/main/probe.ts',
    "import { selectAll } from '../../renderer/src/store/logic/selection.ts';\nexport const x = selectAll;\n"],
  ['a dynamic import() from the renderer into services', 'renderer/src/features/library/probe.ts',
    "export const load = () => import('../../../../electron/services/folio-service.ts');\n"],
  ['shared/model importing shared/formats', 'shared/model/probe.ts',
    "import type { ImportIssue } from '../formats/import-issue.ts';\nexport type X = ImportIssue;\n"],
  ['the preload importing services', 'electron/preload/probe.ts', "export * from '../services/event-hub.ts';\n"],
  ['shared importing a Node built-in', 'shared/formats/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
  ['the store reaching a host module directly', 'renderer/src/store/probe.ts', "import { createWebBridge } from '../platform/host-web.ts';\nexport const x = createWebBridge;\n"],
  ['a computed import() specifier', 'renderer/src/store/probe.ts', "export const load = (name: string) => import(name);\n"],
  ['a type import() across layers', 'shared/search/probe.ts', "export type X = import('../../electron/services/folio-service.ts').FolioService;\n"],
  ['a file in no layer', 'renderer/src/newfolder/probe.ts', "import { z } from 'zod';\nexport const x = z;\n"],
];

describe('the layer rule is an allow-list', () => {
  it.each(PROBES)('rejects %s', async (_what, filePath, code) => {
    expect(await layerErrors(filePath, code)).not.toEqual([]);
  });

  it('accepts what the layers allow', async () => {
    expect(await layerErrors('renderer/src/features/library/probe.ts',
      "import { getFolio } from '../../platform/index.ts';\nimport { sortRows } from '../../../../shared/search/row-sort.ts';\nexport const x = [getFolio, sortRows];\n")).toEqual([]);
    expect(await layerErrors('electron/cli/probe.ts',
      "import { readFile } from 'node:fs/promises';\nimport { openFolioService } from '../services/folio-service.ts';\nexport const x = [readFile, openFolioService];\n")).toEqual([]);
  });
});
