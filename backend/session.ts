import { AppError } from '../shared/errors';
import type { EventName, Events, LockReason } from '../shared/api';
import type { OpenVault } from '../db/vault';
import type { Platform } from './platform';
import { readSettings } from '../db/repositories/settings';
import type { Settings } from '../shared/domain/settings';
import { clearMatchCaches } from '../shared/duplicates/features';
import { clearRenderings } from '../shared/names';

type Listener = <E extends EventName>(event: E, payload: Events[E]) => void;

/** The one unlocked vault (if any), who opened it, and when they were last active. */
export class Session {
  #vault: OpenVault | null = null;
  #settings: Settings | null = null;
  #lastActivity = 0;
  /** Bumped by every lock, so an unlock that was under way when the lock came is discarded. */
  #epoch = 0;
  readonly #listeners = new Set<Listener>();

  constructor(private readonly platform: Platform) {}

  get epoch(): number {
    return this.#epoch;
  }

  get vault(): OpenVault | null {
    return this.#vault;
  }

  require(): OpenVault {
    if (!this.#vault) throw new AppError('LOCKED', 'The vault is locked. Unlock it first.');
    return this.#vault;
  }

  get settings(): Settings {
    if (!this.#settings) throw new AppError('LOCKED', 'The vault is locked. Unlock it first.');
    return this.#settings;
  }

  refreshSettings(): void {
    this.#settings = readSettings(this.require().orm);
  }

  open(vault: OpenVault, epochAtStart: number): void {
    if (epochAtStart !== this.#epoch || this.#vault) {
      vault.close();
      throw new AppError('LOCKED', 'The vault was locked while it was being opened.');
    }
    this.#vault = vault;
    this.#settings = readSettings(vault.orm);
    this.touch();
    this.emit('vault.unlocked', {});
  }

  lock(reason: LockReason): boolean {
    this.#epoch += 1;
    const vault = this.#vault;
    this.#vault = null;
    this.#settings = null;
    if (!vault) return false;
    vault.close();
    // Names cached for transliteration and matching must not outlive the unlocked session.
    clearRenderings();
    clearMatchCaches();
    this.emit('vault.locked', { reason });
    return true;
  }

  touch(): void {
    this.#lastActivity = this.platform.now().getTime();
  }

  autoLockAt(): Date {
    return new Date(this.#lastActivity + this.settings.autoLockMinutes * 60_000);
  }

  /** Locks when the idle limit has passed; called before every call and on a timer. */
  lockIfIdle(): boolean {
    if (!this.#vault) return false;
    if (this.platform.now().getTime() < this.autoLockAt().getTime()) return false;
    return this.lock('idle');
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  private emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const listener of this.#listeners) listener(event, payload);
  }
}
