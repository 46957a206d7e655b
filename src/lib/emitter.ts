/** A minimal typed event emitter: `Events` maps each event name to its payload type. */
export class Emitter<Events extends Record<string, unknown>> {
  private listeners: { [K in keyof Events]?: Array<(payload: Events[K]) => void> } = {}

  on<K extends keyof Events>(name: K, listener: (payload: Events[K]) => void): () => void {
    const list = (this.listeners[name] ??= [])
    list.push(listener)
    return () => {
      const index = list.indexOf(listener)
      if (index >= 0) list.splice(index, 1)
    }
  }

  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    for (const listener of (this.listeners[name] ?? []).slice()) listener(payload)
  }

  removeAll(): void {
    this.listeners = {}
  }
}
