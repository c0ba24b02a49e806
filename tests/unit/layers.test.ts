import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Who may import whom (ARCHITECTURE.md "Folders"): a layer lists the project folders it may reach. */
const allowed: Record<string, { folders: string[]; node: boolean; electron: boolean }> = {
  shared: { folders: ['shared'], node: false, electron: false },
  db: { folders: ['shared', 'db'], node: true, electron: false },
  sync: { folders: ['shared', 'db', 'sync'], node: true, electron: false },
  backend: { folders: ['shared', 'db', 'sync', 'backend'], node: true, electron: false },
  cli: { folders: ['shared', 'backend', 'cli'], node: true, electron: false },
  electron: { folders: ['shared', 'backend', 'electron'], node: true, electron: true },
  renderer: { folders: ['shared', 'renderer'], node: false, electron: false },
};

const root = resolve('.');
const nodeBuiltins = new Set(['fs', 'path', 'os', 'crypto', 'child_process', 'url', 'util', 'tty', 'module', 'perf_hooks', 'stream', 'events']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)];
  return specifiers.map((m) => m[1] ?? m[2] ?? m[3]!).filter(Boolean);
}

describe('layers', () => {
  for (const [layer, rule] of Object.entries(allowed)) {
    it(`${layer}/ imports only what it may`, () => {
      const violations: string[] = [];
      for (const file of sources(join(root, layer))) {
        for (const specifier of importsOf(file)) {
          const where = `${relative(root, file)} → ${specifier}`;
          if (specifier.startsWith('.')) {
            const target = relative(root, resolve(dirname(file), specifier)).split('/')[0]!;
            if (!rule.folders.includes(target)) violations.push(where);
          } else if (specifier.startsWith('node:') || nodeBuiltins.has(specifier)) {
            if (!rule.node) violations.push(where);
          } else if (specifier === 'electron') {
            if (!rule.electron) violations.push(where);
          } else if (['better-sqlite3', '@node-rs/argon2', 'drizzle-orm/better-sqlite3'].some((m) => specifier.startsWith(m))) {
            if (!rule.node) violations.push(where);
          }
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('finds the imports it checks', () => {
    expect(importsOf(join(root, 'db/vault.ts'))).toEqual(expect.arrayContaining(['node:crypto', '../shared/errors', './keyfile']));
  });
});
