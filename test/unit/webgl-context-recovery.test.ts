import { describe, it, expect } from 'vitest'
import { rebuildGpuState, textureSourcesInTree, type ElementState, type LightningGpuState, type ShaderProgramState, type TextureSourceState } from '../../src/app/webgl-context-recovery'

function source(used: boolean, extra: Partial<TextureSourceState> = {}): TextureSourceState & { loads: number } {
  const s = { _nativeTexture: { dead: true }, loadingSince: 0, loads: 0, isUsed: () => used, load() { s.loads++ }, ...extra }
  return s
}

function program(): ShaderProgramState & { compiled: number } {
  const p = {
    _program: { dead: true } as unknown, _uniformLocations: new Map([['u', 1]]), _attributeLocations: new Map([['a', 1]]), _currentUniformValues: { u: 1 }, compiled: 0,
    compile() { p._program = { alive: true }; p.compiled++ },
  }
  return p
}

describe('rebuilding Lightning\'s GPU state after a restored WebGL context', () => {
  it('recompiles every shader, re-creates the quad buffers and reloads the textures in use only', () => {
    const shown = source(true)
    const hidden = source(false)
    const inTreeOnly = source(true)
    const result = source(true, { isResultTexture: true })
    const shaders = [program(), program()]
    let buffersMade = 0
    let renderUpdates = 0
    const tree: ElementState = {
      _texture: { _source: shown },
      childList: { get: () => [{ _displayedTexture: { _source: inTreeOnly } }, { _texture: { _source: result }, childList: { get: () => [] } }] },
    }
    const stage: LightningGpuState = {
      gl: {} as WebGLRenderingContext,
      renderer: { shaderPrograms: new Map(shaders.map((p, i) => [i, p])) },
      ctx: { renderExec: { init: () => { buffersMade++ } }, _renderTexturePool: [{}, {}] },
      textureManager: { _uploadedTextureSources: [shown, hidden], _usedMemory: 500, textureSourceHashmap: new Map([['id', shown]]) },
      root: tree,
      _usedMemory: 500,
      forceRenderUpdate: () => { renderUpdates++ },
    }
    expect(rebuildGpuState(stage)).toBe(2)
    expect(shaders.map((p) => [p.compiled, p._uniformLocations.size, p._attributeLocations.size])).toEqual([[1, 0, 0], [1, 0, 0]])
    expect(buffersMade).toBe(1)
    expect(stage.ctx._renderTexturePool).toEqual([])
    expect([shown.loads, inTreeOnly.loads, hidden.loads, result.loads]).toEqual([1, 1, 0, 0])
    // Dead textures are forgotten, so nothing draws or frees them, and memory accounting restarts.
    expect([shown._nativeTexture, hidden._nativeTexture]).toEqual([null, null])
    expect(result._nativeTexture).not.toBeNull()
    expect(stage.textureManager._uploadedTextureSources).toEqual([])
    expect([stage.textureManager._usedMemory, stage._usedMemory]).toEqual([0, 0])
    expect(renderUpdates).toBe(1)
  })

  it('does nothing without a context', () => {
    const p = program()
    const stage = { gl: null, renderer: { shaderPrograms: new Map([[0, p]]) } } as unknown as LightningGpuState
    expect(rebuildGpuState(stage)).toBe(0)
    expect(p.compiled).toBe(0)
  })

  it('finds each texture source of the tree once', () => {
    const a = source(true)
    const tree: ElementState = { _texture: { _source: a }, _displayedTexture: { _source: a }, childList: { get: () => [{ _texture: null }, { _texture: { _source: a } }] } }
    expect(textureSourcesInTree(tree)).toEqual([a])
  })
})
