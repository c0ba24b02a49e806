import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../electron/window-options';
import {
  APP_ENTRY,
  bundlePathFor,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  responseHeaders,
  SESSION_PARTITION,
} from '../../electron/policy';

describe('window options (SECURITY.md #5)', () => {
  for (const packaged of [true, false]) {
    it(`isolates and sandboxes the renderer (packaged: ${packaged})`, () => {
      const { webPreferences: prefs, title } = buildWindowOptions({ preloadPath: '/app/preload.cjs', packaged });
      expect(title).toBe('Caseboard');
      expect(prefs).toMatchObject({
        preload: '/app/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
        devTools: !packaged,
      });
      expect(prefs?.partition).toBe(SESSION_PARTITION);
    });
  }

  it('keeps the session in memory: no persist: partition', () => {
    expect(SESSION_PARTITION.startsWith('persist:')).toBe(false);
  });
});

describe('content policy (SECURITY.md #6, #7)', () => {
  const directives = Object.fromEntries(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );

  it('denies by default and allows only the bundle itself', () => {
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)|https?:|\*/);
  });

  it('the built page carries the same policy in its meta tag', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta?.split(';').map((d) => d.trim()).filter((d) => d !== 'frame-ancestors \'none\'')).toEqual(
      CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim()).filter((d) => d !== "frame-ancestors 'none'"),
    );
  });

  it('lets only the app origin load, and only files inside the bundle', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    for (const url of ['https://example.org/', 'http://caseboard/', 'file:///etc/passwd', 'app://other/index.html', 'devtools://x', 'not a url']) {
      expect(isAppUrl(url), url).toBe(false);
    }
    expect(bundlePathFor('app://caseboard/')).toBe('index.html');
    expect(bundlePathFor('app://caseboard/assets/index-abc.js')).toBe('assets/index-abc.js');
    // The URL parser resolves dot segments first, so this stays inside the bundle root...
    expect(bundlePathFor('app://caseboard/%2e%2e/%2e%2e/etc/passwd')).toBe('etc/passwd');
    // ...and encoded slashes that would climb out after decoding are refused.
    expect(bundlePathFor('app://caseboard/assets%2f..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(bundlePathFor('app://caseboard/assets/%00.js')).toBeNull();
    expect(bundlePathFor('https://caseboard/index.html')).toBeNull();
    expect(responseHeaders('index.html')['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(responseHeaders('a.js')['Content-Type']).toMatch(/javascript/);
  });
});

describe('electron-builder.yml (SECURITY.md #10)', () => {
  const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;

  it('sets every fuse that closes a way around the app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds for Linux, Windows and macOS under a neutral name, native modules unpacked', () => {
    expect(config.productName).toBe('Caseboard');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node', 'node_modules/better-sqlite3/**']));
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist-electron/**', 'db/migrations/**']));
    expect(config.publish).toBeNull();
  });

  it("passes electron-builder's own schema", async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const logger = { isEnabled: false, add: () => undefined, save: async () => undefined };
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNod: false } }, logger)).rejects.toThrow(/runAsNod|electronFuses/);
  });
});
