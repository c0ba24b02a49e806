/**
 * What the main process does so that no case data ends up outside the vault through the operating system:
 * no crash reports, no core dumps where the platform lets a process refuse them, no recent-documents
 * entries for the files people save. Kept free of Electron imports where possible so tests can run it.
 */
import { spawnSync } from 'node:child_process';
import type { SaveDialogOptions } from 'electron';

/** Chromium switches for the whole app: no crash reporter (and so no minidumps of a renderer's memory). */
export const PRIVACY_SWITCHES = ['disable-crash-reporter', 'disable-breakpad'] as const;

/**
 * Linux: sets this process's core-file limit to 0 (soft and hard), which processes started afterwards
 * inherit and systemd-coredump honours. Node has no setrlimit, so util-linux's `prlimit` does it on our pid.
 * macOS already defaults to no core files; Windows writes none unless WER LocalDumps is configured.
 */
export function disableCoreDumps(platform: NodeJS.Platform = process.platform, pid: number = process.pid): 'disabled' | 'default-off' | 'unavailable' {
  if (platform !== 'linux') return 'default-off';
  const result = spawnSync('prlimit', [`--pid=${pid}`, '--core=0:0'], { stdio: 'ignore', timeout: 5000 });
  return result.status === 0 ? 'disabled' : 'unavailable';
}

/** Save dialogs that keep the file out of the OS's recent-documents list where the OS allows it (Windows). */
export function saveDialogOptions(defaultPath: string): SaveDialogOptions {
  return { defaultPath, properties: ['dontAddToRecent', 'showOverwriteConfirmation', 'createDirectory'] };
}
