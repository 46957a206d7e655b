#!/usr/bin/env node
// @ts-check
/**
 * Does feed-text cleaning stay linear? Times every text pass of src/feed/html-to-text.ts
 * (htmlToText one-line and multiline, with and without a length cap, firstImageSrc, capText,
 * plainTextToHtml) on one item of markup at 64 kB, 256 kB and 1 MB, for ordinary prose and for
 * adversarial shapes (a run of "<img ", of "<br>", unterminated quotes and comments, entity
 * fragments, punctuation runs, random markup). Prints microseconds per kB at each size and the
 * ratio 1 MB / 64 kB: about 1 is linear, about 16 is quadratic. A pattern that takes longer than
 * the budget at one size is not tried at the next (it is printed as "> budget").
 *
 * It never asserts (the machines are shared and noisy); the unit tests check the output.
 *
 *   node scripts/bench/html-to-text-scaling.mjs [--root <checkout>] [--budget-ms 4000]
 *
 * --root times another checkout's src/ (e.g. an older commit unpacked with git archive), so a
 * before/after comparison runs the same script.
 */
import { rollup } from 'rollup'
import ts from 'typescript'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { seededRandom } from './seeded-random.mjs'

// Node's default young generation is small for MB-sized strings: promoting them makes 1 MB inputs
// look up to ~3x slower per kB though the work is linear. A larger one keeps the figure about the
// algorithm (run again with the flag, once).
if (!process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
  const child = spawnSync(process.execPath, ['--max-semi-space-size=128', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' })
  process.exit(child.status ?? 1)
}

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}
const repo = fileURLToPath(new URL('../..', import.meta.url))
const root = resolve(arg('root', repo))
const BUDGET_MS = Number(arg('budget-ms', '4000'))
const SIZES = [64_000, 256_000, 1_000_000]

/** html-to-text.ts and what it imports, bundled into one ES module, then imported. */
async function loadHtmlToText() {
  const bundle = await rollup({
    input: join(root, 'src/feed/html-to-text.ts'),
    onwarn: () => undefined,
    plugins: [
      {
        // Types stripped file by file (no type check): quick, and works on any checkout.
        name: 'strip-types',
        resolveId: (source, importer) => (importer && source.startsWith('.') ? resolve(dirname(importer), `${source}.ts`) : null),
        transform: (code, id) => (id.endsWith('.ts') ? ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext } }).outputText : null),
      },
    ],
  })
  const { output } = await bundle.generate({ format: 'es' })
  await bundle.close()
  const dir = mkdtempSync(join(tmpdir(), 'html-to-text-bench-'))
  const file = join(dir, 'html-to-text.mjs')
  writeFileSync(file, output[0].code)
  try {
    return await import(pathToFileURL(file).href)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const repeatTo = (unit, size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
const PROSE =
  '<p>Officials said on <b>Tuesday</b> that the measure would take effect next month &amp; a final vote ' +
  'was not expected before the <a href="https://news.example.com/x?a=1&amp;b=2">holiday recess</a>.</p>' +
  '<img src="https://news.example.com/i.jpg" alt="A &quot;photo&quot;"><br>\n'
const TOKENS = ['<', '>', '"', "'", '/', '!', '-', '&', '#', ';', '=', ' ', '\n', 'img', 'br', 'p', 'script', 'src', 'a', '<!--', '-->', '&amp;', '&#x', '\u202e']

/** @type {Record<string, (size: number) => string>} */
const PATTERNS = {
  'prose (tags, entities)': (size) => repeatTo(PROSE, size),
  '"<img " run': (size) => repeatTo('<img ', size),
  '"<img src=" run, no ">"': (size) => repeatTo('<img src=x ', size),
  '"<br> " run': (size) => repeatTo('<br> ', size),
  '"<a" run': (size) => repeatTo('<a', size),
  'unterminated quotes': (size) => repeatTo('<a title="x ', size),
  '"<!--" run': (size) => repeatTo('<!--', size),
  '"<script>" run': (size) => repeatTo('<script>', size),
  'entity fragments': (size) => repeatTo('&#x&#&amp', size),
  'punctuation run': (size) => repeatTo('.', size - 1) + 'x',
  'blank lines': (size) => repeatTo('\n \n', size),
  'random markup': (size) => {
    const next = seededRandom(size)
    const parts = []
    let length = 0
    while (length < size) {
      const token = TOKENS[Math.floor(next() * TOKENS.length)]
      parts.push(token)
      length += token.length
    }
    return parts.join('').slice(0, size)
  },
}

/** Every text pass an item goes through, as the app runs them and uncapped. */
function allPasses(lib, text) {
  lib.htmlToText(text)
  lib.htmlToText(text, { multiline: true })
  lib.htmlToText(text, { maxLength: 500 })
  lib.htmlToText(text, { multiline: true, maxLength: 20_000 })
  lib.firstImageSrc(text)
  lib.capText(text, 20_000)
  lib.plainTextToHtml(text)
}

/**
 * Milliseconds per run of `run`: the best of 3 rounds, each repeating it `repeat` times (so every
 * size is timed over about 1 MB of input, and timer and GC granularity weigh the same). A round
 * that overruns the budget ends the measure.
 */
function timeIt(run, repeat) {
  let best = Infinity
  for (let round = 0; round < 3; round++) {
    const start = performance.now()
    let runs = 0
    while (runs < repeat && performance.now() - start <= BUDGET_MS) {
      run()
      runs++
    }
    const elapsed = performance.now() - start
    best = Math.min(best, elapsed / runs)
    if (elapsed > BUDGET_MS) break
  }
  return best
}

const lib = await loadHtmlToText()
// Warm up: every pattern through every pass, so the compiler has settled before the clock runs.
for (let i = 0; i < 3; i++) for (const make of Object.values(PATTERNS)) allPasses(lib, make(16_000))
console.log(`html-to-text scaling: ${root === repo ? 'this checkout' : root}; µs per kB of input, all passes (best of 3 rounds of ~1 MB each)`)
const header = ['pattern'.padEnd(28), ...SIZES.map((s) => `${s / 1000} kB`.padStart(12)), 'ratio 1MB/64kB'.padStart(16)]
console.log(header.join(''))
for (const [name, make] of Object.entries(PATTERNS)) {
  /** @type {Array<number | null>} */
  const perKb = []
  let over = false
  for (const size of SIZES) {
    if (over) {
      perKb.push(null)
      continue
    }
    const text = make(size)
    const ms = timeIt(() => allPasses(lib, text), Math.ceil(SIZES[SIZES.length - 1] / size))
    perKb.push((ms * 1000) / (size / 1000))
    if (ms > BUDGET_MS) over = true
  }
  const first = perKb[0]
  const last = perKb[perKb.length - 1]
  const cells = perKb.map((v) => (v === null ? '> budget' : v.toFixed(1)).padStart(12))
  const ratio = first && last ? (last / first).toFixed(2) : 'quadratic'
  console.log([name.padEnd(28), ...cells, ratio.padStart(16)].join(''))
}
