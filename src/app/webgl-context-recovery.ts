/**
 * TV engines lose the WebGL context (GPU memory pressure on a 1 GB set, the TV going to standby and
 * back, a driver reset). Lightning 2 does not handle it: without this the UI stays blank over the
 * picture for good. The lost context is kept restorable (preventDefault); once the engine restores
 * it, everything Lightning keeps on the GPU is rebuilt in place: the shader programs, the quad
 * buffers, the render-to-texture pool and every texture the tree uses (text is re-rendered, images
 * reloaded). Nothing of the app's state is lost, and the picture (a <video> under the canvas)
 * plays on throughout.
 */

/** The parts of Lightning's stage the rebuild touches (Lightning core 2.x internals). */
export interface LightningGpuState {
  gl: WebGLRenderingContext | null
  renderer: { shaderPrograms?: Map<unknown, ShaderProgramState> }
  ctx: { renderExec: { init(): void }; _renderTexturePool?: unknown[] }
  textureManager: { _uploadedTextureSources: TextureSourceState[]; _usedMemory: number; textureSourceHashmap: Map<unknown, TextureSourceState> }
  root: ElementState
  _usedMemory?: number
  _usedVramAlpha?: number
  _usedVramNonAlpha?: number
  forceRenderUpdate?(): void
}

export interface ShaderProgramState {
  _program: unknown
  _uniformLocations: Map<unknown, unknown>
  _attributeLocations: Map<unknown, unknown>
  _currentUniformValues: Record<string, unknown>
  compile(gl: WebGLRenderingContext): void
}

export interface TextureSourceState {
  _nativeTexture: unknown
  loadingSince: number | null
  isResultTexture?: boolean
  isUsed(): boolean
  load(): void
}

export interface ElementState {
  _texture?: { _source?: TextureSourceState | null } | null
  _displayedTexture?: { _source?: TextureSourceState | null } | null
  childList?: { get(): ElementState[] } | null
}

/** Every texture source the tree shows or will show, each once. */
export function textureSourcesInTree(root: ElementState): TextureSourceState[] {
  const found = new Set<TextureSourceState>()
  const stack: ElementState[] = [root]
  while (stack.length > 0) {
    const element = stack.pop()!
    for (const texture of [element._texture, element._displayedTexture]) {
      const source = texture?._source
      if (source) found.add(source)
    }
    const children = element.childList?.get()
    if (children) stack.push(...children)
  }
  return [...found]
}

/**
 * Rebuilds what Lightning keeps on the GPU after the context came back. Returns the number of
 * texture sources reloaded.
 */
export function rebuildGpuState(stage: LightningGpuState): number {
  const gl = stage.gl
  if (!gl) return 0
  for (const program of stage.renderer.shaderPrograms?.values() ?? []) {
    program._program = null
    program._uniformLocations = new Map()
    program._attributeLocations = new Map()
    program._currentUniformValues = {}
    program.compile(gl)
  }
  stage.ctx.renderExec.init()
  if (stage.ctx._renderTexturePool) stage.ctx._renderTexturePool.length = 0

  // Every native texture died with the context: forget them all (the sources stay where they are
  // looked up and shown), then reload what is in use.
  const manager = stage.textureManager
  const sources = new Set<TextureSourceState>([...manager._uploadedTextureSources, ...manager.textureSourceHashmap.values(), ...textureSourcesInTree(stage.root)])
  manager._uploadedTextureSources = []
  manager._usedMemory = 0
  stage._usedMemory = 0
  stage._usedVramAlpha = 0
  stage._usedVramNonAlpha = 0
  let reloaded = 0
  for (const source of sources) {
    if (source.isResultTexture) continue
    source._nativeTexture = null
    source.loadingSince = null
    if (source.isUsed()) {
      source.load()
      reloaded++
    }
  }
  stage.forceRenderUpdate?.()
  return reloaded
}

export interface ContextLossReport {
  losses: number
  restores: number
  lost: boolean
  lastReloaded: number
}

/** Keeps the canvas's context restorable and rebuilds Lightning's GPU state when it comes back. */
export function recoverWebGlContextLoss(canvas: HTMLCanvasElement, stage: LightningGpuState, log: (message: string) => void): ContextLossReport {
  const report: ContextLossReport = { losses: 0, restores: 0, lost: false, lastReloaded: 0 }
  canvas.addEventListener('webglcontextlost', (event) => {
    // Without this the engine never restores the context.
    event.preventDefault()
    report.losses++
    report.lost = true
    log('[gl] WebGL context lost: the UI waits for the engine to restore it (the picture plays on)')
  })
  canvas.addEventListener('webglcontextrestored', () => {
    report.lastReloaded = rebuildGpuState(stage)
    report.restores++
    report.lost = false
    log(`[gl] WebGL context restored: shaders rebuilt, ${report.lastReloaded} textures reloaded`)
  })
  return report
}
