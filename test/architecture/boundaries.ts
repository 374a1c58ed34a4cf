import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The boundaries between Probity's parts, read from the source:
// - every table has one owner, the module or platform area whose `tables.ts` declares it, and only
//   its owner's code names it in a query;
// - a module reaches another module only through the `service.ts` at that module's top, and never
//   in a circle;
// - platform code reaches no module (the database type, composed from the owners' tables, aside).
// The composition roots (`src/app.ts`, `src/main.ts`) may use anything.

export type Crossing = { file: string; kind: 'table' | 'import' | 'cycle'; detail: string };

const queryMethods =
  /\.(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto)\(\s*['"`]([a-z_]+)/g;
const sqlTableWords = /\b(?:from|join|into|update|table)\s+([a-z_]+)\b/gi;
const importFrom = /(?:import|export)\s[^'"`;]*?from\s+['"]([^'"]+)['"]/g;

// Comments name tables in examples; only code counts.
const withoutComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

// The owner of a file: `modules/<name>` or `platform/<area>`; null for the composition roots.
export function ownerOf(srcRoot: string, file: string): string | null {
  const [top, name] = relative(srcRoot, file).split('/');
  if ((top === 'modules' || top === 'platform') && name && !name.endsWith('.ts')) return `${top}/${name}`;
  if (top === 'platform') return 'platform';
  return null;
}

// Which owner declares each table: the keys of the `…Tables` interface in its `tables.ts`.
export function tableOwners(srcRoot: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of sourceFiles(srcRoot).filter((f) => f.endsWith('/tables.ts'))) {
    const owner = ownerOf(srcRoot, file);
    const tables = /export interface \w+Tables \{([^}]*)\}/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
    for (const [, table] of tables.matchAll(/^\s*([a-z_]+):/gm)) if (owner && table) owners.set(table, owner);
  }
  return owners;
}

export function tablesNamed(source: string, known: ReadonlyMap<string, string>): Set<string> {
  const named = new Set<string>();
  for (const pattern of [queryMethods, sqlTableWords])
    for (const [, word] of source.matchAll(pattern)) if (word && known.has(word)) named.add(word);
  return named;
}

function importedOwner(
  srcRoot: string,
  file: string,
  specifier: string,
): { owner: string; path: string } | null {
  if (!specifier.startsWith('.')) return null;
  const path = resolve(dirname(file), specifier);
  const owner = ownerOf(srcRoot, path);
  return owner ? { owner, path: relative(srcRoot, path) } : null;
}

function cycleIn(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const done = new Set<string>();
  const visit = (node: string, path: string[]): string[] | null => {
    if (path.includes(node)) return [...path.slice(path.indexOf(node)), node];
    if (done.has(node)) return null;
    for (const next of graph.get(node) ?? []) {
      const found = visit(next, [...path, node]);
      if (found) return found;
    }
    done.add(node);
    return null;
  };
  for (const node of graph.keys()) {
    const found = visit(node, []);
    if (found) return found;
  }
  return null;
}

// Every crossing of a boundary under `srcRoot`, except the reads `allowedReads` lets an owner make.
export function crossings(srcRoot: string, allowedReads: Readonly<Record<string, readonly string[]>> = {}) {
  const owners = tableOwners(srcRoot);
  const found: Crossing[] = [];
  const moduleGraph = new Map<string, Set<string>>();
  for (const file of sourceFiles(srcRoot)) {
    const owner = ownerOf(srcRoot, file);
    if (!owner) continue;
    const shown = relative(srcRoot, file);
    const source = withoutComments(readFileSync(file, 'utf8'));
    for (const table of tablesNamed(source, owners)) {
      const tableOwner = owners.get(table);
      if (tableOwner !== owner && !allowedReads[owner]?.includes(table))
        found.push({ file: shown, kind: 'table', detail: `${table} (owned by ${tableOwner})` });
    }
    if (shown.endsWith('/tables.ts') || shown === 'platform/db/schema.ts') continue;
    for (const [, specifier] of source.matchAll(importFrom)) {
      const target = specifier ? importedOwner(srcRoot, file, specifier) : null;
      if (!target || target.owner === owner || !target.owner.startsWith('modules/')) continue;
      if (!owner.startsWith('modules/') || target.path !== `${target.owner}/service.ts`)
        found.push({ file: shown, kind: 'import', detail: target.path });
      if (owner.startsWith('modules/'))
        (moduleGraph.get(owner) ?? moduleGraph.set(owner, new Set()).get(owner))?.add(target.owner);
    }
  }
  const cycle = cycleIn(moduleGraph);
  if (cycle) found.push({ file: cycle[0] ?? '', kind: 'cycle', detail: cycle.join(' → ') });
  return found;
}
