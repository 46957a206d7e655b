/**
 * The persistence the app needs, as an interface. In the app it is backed by the SDK `Storage`
 * (see sdk-storage.ts); in node tests by `MemoryStore`.
 */
export interface KeyValueStore {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
}

export class MemoryStore implements KeyValueStore {
  private readonly data = new Map<string, string>()
  get(key: string): string | null {
    return this.data.get(key) ?? null
  }
  set(key: string, value: string): void {
    this.data.set(key, value)
  }
  remove(key: string): void {
    this.data.delete(key)
  }
}
