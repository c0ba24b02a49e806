import type { BrowserWindowConstructorOptions } from 'electron';
import { SESSION_PARTITION } from './policy';

/** SECURITY.md #5: the one place the window's web preferences are decided. */
export function buildWindowOptions(input: { preloadPath: string; packaged: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Caseboard',
    show: false,
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !input.packaged,
      partition: SESSION_PARTITION,
      safeDialogs: true,
      disableDialogs: false,
    },
  };
}
