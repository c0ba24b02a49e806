import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { disableCoreDumps, PRIVACY_SWITCHES, saveDialogOptions } from '../../electron/privacy';
import { QUICK_LOCK_ACCELERATOR, quickLock, type ShortcutRegistry } from '../../electron/quick-lock';
import { isQuickLock } from '../../renderer/features/vault/use-quick-lock';

/** Stands in for Electron's globalShortcut (the binary cannot run here), with its contract: one owner per accelerator. */
function fakeShortcuts(takenByAnotherProgram = false) {
  const held = new Map<string, () => void>();
  const registry: ShortcutRegistry = {
    register: (accelerator, callback) => {
      if (takenByAnotherProgram || held.has(accelerator)) return false;
      held.set(accelerator, callback);
      return true;
    },
    unregister: (accelerator) => {
      held.delete(accelerator);
    },
    isRegistered: (accelerator) => held.has(accelerator),
  };
  return { registry, press: (accelerator: string) => held.get(accelerator)?.() };
}

describe('system-wide quick lock', () => {
  it('is held only while unlocked, and pressing it locks', () => {
    const { registry, press } = fakeShortcuts();
    let locks = 0;
    const shortcut = quickLock(registry, () => (locks += 1));
    press(QUICK_LOCK_ACCELERATOR);
    expect(locks).toBe(0);
    shortcut.arm();
    shortcut.arm();
    expect(shortcut.active).toBe(true);
    expect(registry.isRegistered(QUICK_LOCK_ACCELERATOR)).toBe(true);
    press(QUICK_LOCK_ACCELERATOR);
    expect(locks).toBe(1);
    shortcut.disarm();
    expect(registry.isRegistered(QUICK_LOCK_ACCELERATOR)).toBe(false);
    press(QUICK_LOCK_ACCELERATOR);
    expect(locks).toBe(1);
  });

  it('says so when another program holds the keys (the in-window shortcut still works)', () => {
    const shortcut = quickLock(fakeShortcuts(true).registry, () => undefined);
    shortcut.arm();
    expect(shortcut.active).toBe(false);
    expect(() => shortcut.disarm()).not.toThrow();
  });

  it('uses the same keys as the in-window shortcut', () => {
    expect(QUICK_LOCK_ACCELERATOR).toBe('CommandOrControl+Shift+L');
    const event = { ctrlKey: true, shiftKey: true, altKey: false, metaKey: false, key: 'L', code: 'KeyL', repeat: false } as KeyboardEvent;
    expect(isQuickLock(event)).toBe(true);
  });
});

describe('nothing of the records through the operating system (SECURITY.md #11)', () => {
  it.runIf(process.platform === 'linux')('sets the core-file limit of the running process to 0 on Linux', () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '-e', "import('./electron/privacy.ts').then(({ disableCoreDumps }) => { console.log(disableCoreDumps()); console.log(require('node:fs').readFileSync('/proc/self/limits', 'utf8')); })"],
      { encoding: 'utf8' },
    );
    expect(child.stdout).toMatch(/^disabled\n/);
    expect(child.stdout).toMatch(/^Max core file size\s+0\s+0\s+bytes/m);
    expect(disableCoreDumps('darwin')).toBe('default-off');
  });

  it('switches off Chromium crash reporting and keeps saved files out of recent documents', () => {
    expect(PRIVACY_SWITCHES).toEqual(['disable-crash-reporter', 'disable-breakpad']);
    expect(saveDialogOptions('/home/x/Documents/a.zip')).toEqual({ defaultPath: '/home/x/Documents/a.zip', properties: ['dontAddToRecent', 'showOverwriteConfirmation', 'createDirectory'] });
  });

  it('no code adds recent documents, starts a crash reporter, shows notifications or titles windows with data', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) sources.push(path);
      }
    };
    for (const dir of ['electron', 'renderer', 'backend', 'db', 'cli']) walk(dir);
    const forbidden = [/addRecentDocument\s*\(/, /crashReporter\.start/, /new Notification\s*\(/, /document\.title\s*=/, /console\.(log|info|debug)\s*\(/];
    for (const path of sources) {
      const text = readFileSync(path, 'utf8');
      for (const pattern of forbidden) expect(pattern.test(text), `${path} matches ${pattern}`).toBe(false);
    }
    const main = readFileSync('electron/main.ts', 'utf8');
    expect(main).toContain("window.on('page-title-updated', (event) => event.preventDefault())");
    expect(main).toContain('disableCoreDumps();');
  });
});
