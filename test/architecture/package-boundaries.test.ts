/**
 * The workspace's shape, checked on the sources: packages meet only through their declared
 * dependencies' exports, never another package's files; each package declares exactly the
 * packages its code loads at run time; and no two folders of a package import each other.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REPO_ROOT } from '../prometheus/repo-paths.js';
import { importsOf, resolveImport } from '../helpers/source-imports.js';
import { folderOf, PACKAGE_FOLDERS, packageName, sourceFiles } from './workspace-packages.js';

const manifest = z.object({
  name: z.string(),
  dependencies: z.record(z.string(), z.string()).optional(),
});

function readManifest(pkg: string) {
  return manifest.parse(JSON.parse(readFileSync(join(REPO_ROOT, pkg, 'package.json'), 'utf8')));
}

/** Strongly connected groups of more than one folder: each is an import cycle. */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe.each(PACKAGE_FOLDERS)('package %s', (pkg) => {
  const files = sourceFiles(join(pkg, 'src'));
  // Modules imported (statically or on demand); file URLs name paths, not modules.
  const imports = files.flatMap(importsOf).filter((i) => i.how !== 'url');
  const { name, dependencies = {} } = readManifest(pkg);

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it("never reaches into another package's files", () => {
    const outside = imports.filter(({ file, specifier }) => {
      if (specifier.startsWith('.')) return !resolveImport(file, specifier)!.startsWith(`${pkg}/`);
      return /(^|\/)(src|dist)(\/|$)/.test(specifier) && specifier.startsWith('@driftwatch/');
    });
    expect(outside.map((i) => `${i.file}: ${i.specifier}`)).toEqual([]);
  });

  it('declares exactly the packages its code loads at run time', () => {
    const loaded = new Set(
      imports
        .filter(
          (i) => !i.typeOnly && !i.specifier.startsWith('.') && !i.specifier.startsWith('node:'),
        )
        .map((i) => packageName(i.specifier)),
    );
    expect(loaded.has(name)).toBe(false);
    expect([...loaded].sort()).toEqual(Object.keys(dependencies).sort());
  });

  it('has no import cycle between its folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const { file, specifier } of imports) {
      if (!specifier.startsWith('.')) continue;
      const from = folderOf(file, pkg);
      const to = folderOf(resolveImport(file, specifier)!, pkg);
      if (!edges.has(from)) edges.set(from, new Set());
      if (from !== to) edges.get(from)!.add(to);
    }
    expect(cycles(edges)).toEqual([]);
  });
});

it('keeps the packages themselves free of dependency cycles', () => {
  const edges = new Map<string, Set<string>>();
  for (const pkg of PACKAGE_FOLDERS) {
    const deps = Object.keys(readManifest(pkg).dependencies ?? {});
    edges.set(readManifest(pkg).name, new Set(deps.filter((d) => d.startsWith('@driftwatch/'))));
  }
  expect(cycles(edges)).toEqual([]);
});
