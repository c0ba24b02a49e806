/**
 * The Electron main process: app lifecycle, window hardening and the Electron `Platform`.
 * No business logic lives here; everything behind `invoke` is the shared backend.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, clipboard, dialog, globalShortcut, Menu, powerMonitor, protocol, session } from 'electron';
import { createBackend, type Backend } from '../backend';
import { defaultDataDir } from '../backend/data-dir';
import { writeFileAtomic } from '../backend/atomic-file';
import { registerIpc } from './ipc';
import { APP_ENTRY, APP_SCHEME, bundlePathFor, isAppUrl, responseHeaders, SESSION_PARTITION } from './policy';
import { buildWindowOptions } from './window-options';
import { disableCoreDumps, PRIVACY_SWITCHES, saveDialogOptions } from './privacy';
import { quickLock } from './quick-lock';

const IDLE_CHECK_MS = 15_000;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);
app.enableSandbox();
// No crash reporter is started and Chromium's is switched off, so no dumps with record data are written or
// sent; on Linux the core-file limit is set to 0 before any other process is started.
for (const name of PRIVACY_SWITCHES) app.commandLine.appendSwitch(name);
disableCoreDumps();

const here = dirname(fileURLToPath(import.meta.url));
const appRoot = app.getAppPath();
const rendererRoot = join(appRoot, 'dist', 'renderer');

function chosenDataDir(): string {
  const flag = process.argv.find((arg) => arg.startsWith('--data='));
  return resolve(flag ? flag.slice('--data='.length) : (process.env.CASEBOARD_DATA ?? defaultDataDir()));
}

/** In development `npm start` builds better-sqlite3 for Electron beside the Node build used by tests. */
function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const path = join(appRoot, '.electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  return existsSync(path) ? path : undefined;
}

function hardenSession(): Electron.Session {
  const ses = session.fromPartition(SESSION_PARTITION);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAppUrl(details.url) }));
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const relative = bundlePathFor(request.url);
    const path = relative ? resolve(rendererRoot, relative) : null;
    if (!relative || !path || !path.startsWith(rendererRoot + sep)) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(path), { headers: responseHeaders(relative) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
  return ses;
}

function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function start(): void {
  let window: BrowserWindow | null = null;
  let backend: Backend | null = null;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  lockDownContents();

  app.whenReady().then(() => {
    hardenSession();
    if (app.isPackaged) Menu.setApplicationMenu(null);
    backend = createBackend({
      dataDir: chosenDataDir(),
      stateDir: join(app.getPath('userData'), 'state'),
      now: () => new Date(),
      vault: { migrationsDir: join(appRoot, 'db', 'migrations'), nativeBinding: electronNativeBinding() },
      clipboard: {
        write: async (text) => clipboard.writeText(text),
        read: async () => clipboard.readText(),
        clear: async () => clipboard.clear(),
      },
      chooseFolder: async (title) => {
        const options: Electron.OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] };
        const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      saveFile: async (suggestedName, data) => {
        const options = saveDialogOptions(join(app.getPath('documents'), suggestedName));
        const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
        if (result.canceled || !result.filePath) return null;
        writeFileAtomic(result.filePath, data);
        return result.filePath;
      },
    });
    const lock = () => backend?.lockNow('system');
    // Works while another window has the focus: a forced moment does not wait for Caseboard to be in front.
    const shortcut = quickLock(globalShortcut, () => backend?.lockNow('user'));
    setInterval(() => void backend?.tick(), IDLE_CHECK_MS).unref();
    powerMonitor.on('lock-screen', lock);
    powerMonitor.on('suspend', lock);

    window = new BrowserWindow(buildWindowOptions({ preloadPath: join(here, 'preload.cjs'), packaged: app.isPackaged }));
    window.setContentProtection(true);
    // Window titles reach task switchers and screen readers: never a record's data.
    window.on('page-title-updated', (event) => event.preventDefault());
    registerIpc(backend, () => window?.webContents ?? null);
    backend.subscribe((event) => {
      // After a lock the renderer starts over, so no record stays in its memory.
      if (event === 'vault.locked') {
        shortcut.disarm();
        window?.webContents.reload();
      }
      if (event === 'vault.unlocked') shortcut.arm();
    });
    window.once('ready-to-show', () => window?.show());
    window.on('closed', () => {
      window = null;
    });
    void window.loadURL(APP_ENTRY);
  });

  app.on('window-all-closed', () => {
    backend?.lockNow('system');
    app.quit();
  });
  app.on('before-quit', () => backend?.lockNow('system'));
  app.on('will-quit', () => {
    globalShortcut.unregisterAll();
    // Caseboard never adds to the recent-documents list (no app.addRecentDocument); this clears what the OS kept.
    if (process.platform !== 'linux') app.clearRecentDocuments();
  });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
