import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where the app keeps its vault when no directory is chosen: the OS user-data directory, as Electron's. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = homedir();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(base, 'Caseboard', 'vault');
}

/** This computer's own Caseboard state (unlock attempts), beside the default vault but never inside a vault. */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return join(dirname(defaultDataDir(env, platform)), 'state');
}
