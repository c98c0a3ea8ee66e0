/**
 * Credentials checked a moment ago, by the hash of their secret (never the
 * secret itself): a short, bounded memory so that a request need not ask the
 * database who it is made by. Entries are used only while the cache is trusted
 * (the listener hears of every change), each lives at most `ttlMs`, and the
 * least recently used goes first when the bound is reached.
 */
export class CredentialCache<Value> {
  private readonly entries = new Map<string, { value: Value; until: number }>()
  /** The most recently used key (the Map's last): a hit on it needs no moving. */
  private newest: string | undefined
  private generation = 0
  private trusted = false

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Trusted only while every change of credentials is heard of; either way, what was kept is forgotten. */
  setTrusted(trusted: boolean): void {
    this.trusted = trusted
    this.clear()
  }

  /** Forgets everything, also what lookups under way will find. */
  clear(): void {
    this.entries.clear()
    this.generation++
  }

  get(key: string): Value | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.until <= this.now()) {
      this.entries.delete(key)
      return undefined
    }
    // Moved to the end, as the most recently used, unless it is there already: a client sending
    // one token request after request would otherwise delete and insert it every time.
    if (key !== this.newest) {
      this.entries.delete(key)
      this.entries.set(key, entry)
      this.newest = key
    }
    return entry.value
  }

  /**
   * Taken before a lookup: what it finds is kept only when nothing changed
   * meanwhile (a lookup that read the database before a revocation must not
   * store what it read after the cache was cleared for it).
   */
  ticket(): number | undefined {
    return this.trusted ? this.generation : undefined
  }

  /** Keeps `value` until `until` (ms since the epoch) or the cache's own limit, whichever comes first. */
  set(ticket: number | undefined, key: string, value: Value, until: number): void {
    if (ticket !== this.generation) return
    this.entries.delete(key)
    this.entries.set(key, { value, until: Math.min(until, this.now() + this.ttlMs) })
    this.newest = key
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string)
  }
}
