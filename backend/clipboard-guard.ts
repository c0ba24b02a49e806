/**
 * Copying a sensitive field (a case's reference, a person's name): the text goes on the system clipboard and
 * is taken off again after a short while — but only if the clipboard still holds exactly what Caseboard put
 * there, so whatever the person copied since is left alone. A lock clears it at once on the same terms.
 */
export const CLIPBOARD_CLEAR_MS = 30_000;

export interface SystemClipboard {
  write(text: string): Promise<void>;
  read(): Promise<string>;
  clear(): Promise<void>;
  /** How long a copied value stays; 30 s unless a front end says otherwise. */
  clearAfterMs?: number;
}

export class ClipboardGuard {
  #placed: string | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly clipboard: SystemClipboard) {}

  get clearAfterMs(): number {
    return this.clipboard.clearAfterMs ?? CLIPBOARD_CLEAR_MS;
  }

  async copy(text: string): Promise<void> {
    await this.clipboard.write(text);
    this.#placed = text;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.clearIfOurs(), this.clearAfterMs);
    this.#timer.unref?.();
  }

  /** Clears the clipboard if it still holds the value copied last; resolves to whether it did. */
  async clearIfOurs(): Promise<boolean> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const placed = this.#placed;
    this.#placed = null;
    if (placed === null) return false;
    if ((await this.clipboard.read()) !== placed) return false;
    await this.clipboard.clear();
    return true;
  }
}
