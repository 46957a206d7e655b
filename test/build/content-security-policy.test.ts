/**
 * index.html's Content-Security-Policy (scripts/build/csp.mjs): the built page allows its inline
 * bundle loader and <style> by the sha256 of their final text (after the legacy build named its
 * bundle), and nothing inline otherwise. npm test builds dist/ first; DIST_DIR names another build.
 */
import { describe, it, expect } from 'vitest'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from '../../scripts/package/stage-app.mjs'
import { checkContentSecurityPolicy, withContentSecurityPolicy, CSP_PLACEHOLDER } from '../../scripts/build/csp.mjs'

const distDir = process.env.DIST_DIR || path.join(REPO_ROOT, 'dist')

function builtPage(): string {
  const file = path.join(distDir, 'index.html')
  if (!existsSync(file)) throw new Error(`${distDir} has no build: run "npm run build" (npm test does it for you)`)
  return readFileSync(file, 'utf8')
}

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
const directive = (policy: string, name: string) => policy.split(/;\s*/).find((d) => d.startsWith(`${name} `))

describe('the built index.html', () => {
  const html = builtPage()
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? ''

  it('carries a policy before any script or style', () => {
    expect(policy).not.toBe('')
    const at = html.indexOf('http-equiv="Content-Security-Policy"')
    expect(at).toBeLessThan(html.indexOf('<style>'))
    expect(at).toBeLessThan(html.indexOf('<script'))
    expect(html).not.toContain(CSP_PLACEHOLDER)
  })

  it("allows the inline bundle loader, with the legacy bundle's name filled in, by its hash", () => {
    const loaders = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '')
    expect(loaders).toHaveLength(1)
    expect(loaders[0]).toMatch(/'\.\/app-legacy-[\w-]+\.js'\)/)
    expect(directive(policy, 'script-src')).toBe(`script-src 'self' 'unsafe-eval' ${hashOf(loaders[0] ?? '')}`)
  })

  it('allows the inline <style> by its hash, and no style attribute is left to need more', () => {
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '')
    expect(directive(policy, 'style-src')).toBe(`style-src ${styles.map(hashOf).join(' ')}`)
    expect(html).not.toMatch(/\sstyle="/)
    expect(html).not.toMatch(/\son[a-z]+="/)
  })

  it("needs no 'unsafe-inline', and locks down plugins, <base> and forms", () => {
    expect(policy).not.toContain('unsafe-inline')
    expect(directive(policy, 'default-src')).toBe("default-src 'none'")
    expect(directive(policy, 'object-src')).toBe("object-src 'none'")
    expect(directive(policy, 'base-uri')).toBe("base-uri 'none'")
    expect(checkContentSecurityPolicy(html)).toBe(policy)
  })
})

describe('checkContentSecurityPolicy', () => {
  const page = (script: string) =>
    withContentSecurityPolicy(`<meta http-equiv="Content-Security-Policy" content="${CSP_PLACEHOLDER}" /><style>a{}</style><script>${script}</script>`)

  it('passes a page filled in by the build', () => {
    expect(() => checkContentSecurityPolicy(page('go("./app-legacy-1.js")'))).not.toThrow()
  })

  it('fails a page whose loader changed after the policy was written', () => {
    const stale = page('go("__LEGACY_BUNDLE__")').replace('__LEGACY_BUNDLE__', './app-legacy-1.js')
    expect(() => checkContentSecurityPolicy(stale)).toThrow(/does not match/)
  })

  it('fails a page without a policy', () => {
    expect(() => checkContentSecurityPolicy('<script>go()</script>')).toThrow(/no Content-Security-Policy/)
  })
})
