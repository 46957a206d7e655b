/** Where LiveChannel hears about the network and the app being hidden or suspended (TV suspend/resume). */
export interface PageEnvironment {
  addEventListener(type: 'online' | 'offline' | 'visibilitychange', listener: () => void): void
  removeEventListener(type: 'online' | 'offline' | 'visibilitychange', listener: () => void): void
  readonly hidden: boolean
}

export function defaultEnvironment(): PageEnvironment | null {
  if (typeof window === 'undefined' || typeof document === 'undefined') return null
  return {
    addEventListener: (type, listener) => (type === 'visibilitychange' ? document : window).addEventListener(type, listener),
    removeEventListener: (type, listener) => (type === 'visibilitychange' ? document : window).removeEventListener(type, listener),
    get hidden() {
      return document.hidden
    },
  }
}
