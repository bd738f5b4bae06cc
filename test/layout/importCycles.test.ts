import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

/**
 * No import circles among the project's own files, `import type` included: a circle means two
 * files that cannot be understood (or moved, or tested) one without the other. The import list
 * of each file comes from TypeScript's own pre-processor (`import`, `export … from`, `import()`,
 * `require()`), so nothing a regular expression would miss.
 */
const root = path.resolve(__dirname, '..', '..', '..');
const skipped = new Set(['node_modules', 'dist', '.git', '.data', 'tools']);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (skipped.has(name)) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveImport(importer: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(importer), specifier).replace(/\.(js|ts)$/, '');
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

/** Tarjan's strongly connected components with more than one file, or a file importing itself. */
function circles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || graph.get(file)?.includes(file)) found.push(component.map((name) => path.relative(root, name)).sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('The layout', () => {
  it('has no import circles among its own files, type imports included', () => {
    const graph = new Map<string, string[]>();
    for (const file of ['bot', 'dialogs', 'cards', 'services', 'manifest', 'local', 'bench', 'test'].flatMap((folder) => sourceFiles(path.join(root, folder)))) {
      const imported = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
      graph.set(file, imported.flatMap(({ fileName }) => resolveImport(file, fileName) ?? []));
    }
    assert.ok(graph.size > 300, `read the project's files (${graph.size})`);
    assert.deepEqual(circles(graph), []);
  });
});
