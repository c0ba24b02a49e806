// Builds better-sqlite3 for Electron's ABI into .electron-native/, leaving the Node build in node_modules
// (used by the tests and the CLI) untouched. electron/main.ts loads this copy in development; packaged
// builds get theirs from electron-builder. Needs Electron's headers, so a connected machine, once.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const target = join(root, '.electron-native');
const moduleDir = join(target, 'node_modules', 'better-sqlite3');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const driverVersion = JSON.parse(readFileSync(join(root, 'node_modules/better-sqlite3/package.json'), 'utf8')).version;
const stamp = join(target, 'built-for.json');
const wanted = JSON.stringify({ electronVersion, driverVersion, arch: process.arch });

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && existsSync(join(moduleDir, 'build/Release/better_sqlite3.node'))) {
  process.exit(0);
}

mkdirSync(target, { recursive: true });
writeFileSync(join(target, 'package.json'), JSON.stringify({ name: 'caseboard-electron-native', private: true, dependencies: { 'better-sqlite3': driverVersion } }));
cpSync(join(root, 'node_modules/better-sqlite3'), moduleDir, {
  recursive: true,
  filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
});

const { rebuild } = require('@electron/rebuild');
console.log(`Building better-sqlite3 ${driverVersion} for Electron ${electronVersion} into .electron-native/ …`);
await rebuild({ buildPath: target, electronVersion, arch: process.arch, force: true, onlyModules: ['better-sqlite3'], buildFromSource: true });
writeFileSync(stamp, wanted);
