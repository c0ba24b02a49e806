/**
 * Runs the built renderer in Debian's Chromium with the real backend bound in, standing in for the
 * Electron binary that cannot run here: the page gets the same `window.caseboard` bridge the preload
 * exposes, every call goes through the same sender check and backend, and the bundle is served with
 * the same headers the app's protocol handler sends. Every other request is aborted.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createBackend, type Backend } from '../../backend';
import { dispatchFromSender } from '../../electron/dispatch';
import { bundlePathFor, responseHeaders, APP_ORIGIN } from '../../electron/policy';
import type { EventName, Events } from '../../shared/api';
import { testPlatform } from '../fixtures/backend';
import { tempDir } from '../fixtures/data-dir';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HARNESS_ORIGIN = 'http://caseboard.test';
const RENDERER_ROOT = resolve('dist/renderer');

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface App {
  page: Page;
  context: BrowserContext;
  backend: Backend;
  dataDir: string;
  profileDir: string;
  /** Where the stand-in save dialog writes every file the app saves. */
  exportDir: string;
  /** Moves the backend's clock forward and runs its idle check, as the main process timer does. */
  idle(ms: number): void;
  /** Calls the backend the way the page does, from inside the page. */
  invokeFromPage(method: string, input: unknown): Promise<unknown>;
  close(): Promise<void>;
}

function serve(url: string) {
  // The app's protocol handler and this harness map URLs to bundle paths with the same function.
  const relative = bundlePathFor(url.replace(HARNESS_ORIGIN, APP_ORIGIN));
  const path = relative ? resolve(RENDERER_ROOT, relative) : null;
  if (!relative || !path || !path.startsWith(RENDERER_ROOT + sep) || !existsSync(path)) return null;
  return { body: readFileSync(path), headers: responseHeaders(relative) };
}

export async function launchApp(options: { dataDir?: string } = {}): Promise<App> {
  if (!existsSync(join(RENDERER_ROOT, 'index.html'))) throw new Error('Build the renderer first: npm run build:renderer');
  const dataDir = options.dataDir ?? join(tempDir('caseboard-e2e-data-'), 'vault');
  const profileDir = tempDir('caseboard-e2e-profile-');
  const { platform, advance } = testPlatform(dataDir, Date.now());
  const exportDir = tempDir('caseboard-e2e-exports-');
  // Stands in for the save dialog: every export lands in a temp folder the test can read.
  platform.saveFile = async (name, data) => {
    const path = join(exportDir, name);
    writeFileSync(path, data);
    return path;
  };
  const backend = createBackend(platform);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/Vilnius',
  });
  await context.route('**/*', async (route) => {
    const served = route.request().url().startsWith(`${HARNESS_ORIGIN}/`) ? serve(route.request().url()) : null;
    if (served) await route.fulfill({ status: 200, body: served.body, headers: served.headers });
    else await route.abort('blockedbyclient');
  });
  await context.exposeBinding('__caseboardInvoke', (source, method: unknown, input: unknown) =>
    dispatchFromSender(
      backend,
      { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() },
      method,
      input,
      (url) => url.startsWith(`${HARNESS_ORIGIN}/`),
    ),
  );
  // The same shape electron/preload.ts exposes: invoke and on, nothing else.
  await context.addInitScript(() => {
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    const w = window as unknown as Record<string, unknown>;
    const invoke = w.__caseboardInvoke as (method: string, input: unknown) => Promise<unknown>;
    w.__caseboardEmit = (name: string, payload: unknown) => listeners.get(name)?.forEach((listener) => listener(payload));
    Object.defineProperty(window, 'caseboard', {
      value: Object.freeze({
        invoke: (method: string, input: unknown) => invoke(String(method), input),
        on: (event: string, listener: (payload: unknown) => void) => {
          if (!listeners.has(event)) listeners.set(event, new Set());
          listeners.get(event)!.add(listener);
          return () => listeners.get(event)?.delete(listener);
        },
      }),
    });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const unsubscribe = backend.subscribe(<E extends EventName>(event: E, payload: Events[E]) => {
    const emit = page.evaluate(
      ([name, data]) => (window as unknown as { __caseboardEmit(n: string, d: unknown): void }).__caseboardEmit(name, data),
      [event, payload] as const,
    );
    // As electron/main.ts does: after a lock the renderer starts over, holding no record in memory.
    if (event === 'vault.locked') void emit.then(() => page.reload()).catch(() => undefined);
    else void emit.catch(() => undefined);
  });
  await page.goto(`${HARNESS_ORIGIN}/index.html`);
  return {
    page,
    context,
    backend,
    dataDir,
    profileDir,
    exportDir,
    idle(ms) {
      advance(ms);
      backend.tick();
    },
    invokeFromPage: (method, input) =>
      page.evaluate(
        ([m, i]) => (window as unknown as { caseboard: { invoke(m: string, i: unknown): Promise<unknown> } }).caseboard.invoke(m, i),
        [method, input] as const,
      ),
    async close() {
      unsubscribe();
      backend.lockNow('system');
      await context.close();
    },
  };
}
