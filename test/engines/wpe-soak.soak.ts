/**
 * The WPE soak: the app plays the demo channel on WPE WebKit for minutes while the picture, the
 * player's state and the audio and video SourceBuffers' buffered ends are sampled twice a second.
 * It prints the figures as it goes and a summary at the end, and fails on any frozen picture.
 *
 * Not part of the test run (its name does not match *.test.ts): `node scripts/engines/wpe-soak.mjs`
 * runs it (options there). The page is the built index.html with a small observer prepended
 * (`/soak.html`): it keeps a reference to each SourceBuffer the player creates and counts init
 * segments, parser resets, `waiting` events and the player's warnings; it changes nothing.
 */
import { it, expect } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startDemoServer } from '../../scripts/server/index.mjs'
import { demoRoutes } from '../../scripts/server/demo-routes.mjs'
import { launchWpe } from './webdriver'
import { untilLoopJustWrapped } from './demo-loop'

const root = fileURLToPath(new URL('../..', import.meta.url))
const distDir = process.env.DIST_DIR || `${root}dist`
const MINUTES = Number(process.env.WPE_SOAK_MINUTES || 5)
/** Seconds between fresh page loads (each a new player at a new place in the loop); 0 = one session. */
const RESTART_EVERY_S = Number(process.env.WPE_SOAK_RESTART_EVERY || 0)
/** 'wrap': load just after the loop wraps (the start that froze WebKit); 'now': whenever. */
const START = process.env.WPE_SOAK_START === 'now' ? 'now' : 'wrap'
const SAMPLE_MS = 500
const PRINT_EVERY_MS = 10_000
/** The picture standing still longer than this while playing counts as a freeze. */
const FREEZE_MS = 1000

/** Runs in the page before the app: observes MSE and the <video>, changes nothing. */
const OBSERVER = `(function () {
  if (!window.MediaSource || !window.SourceBuffer) return;
  var soak = window.__soak = { buffers: [], inits: { audio: 0, video: 0 }, resets: 0, waiting: 0, warnings: [] };
  var add = MediaSource.prototype.addSourceBuffer;
  MediaSource.prototype.addSourceBuffer = function (type) {
    var sb = add.apply(this, arguments);
    var kind = String(type).split('/')[0];
    soak.buffers = soak.buffers.filter(function (b) { return b.kind !== kind; });
    soak.buffers.push({ kind: kind, sb: sb });
    return sb;
  };
  function kindOf(sb) {
    for (var i = 0; i < soak.buffers.length; i++) if (soak.buffers[i].sb === sb) return soak.buffers[i].kind;
    return null;
  }
  var append = SourceBuffer.prototype.appendBuffer;
  SourceBuffer.prototype.appendBuffer = function (data) {
    var bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    var box = bytes.length >= 8 ? String.fromCharCode(bytes[4], bytes[5], bytes[6], bytes[7]) : '';
    var kind = kindOf(this);
    if ((box === 'ftyp' || box === 'moov') && kind in soak.inits) soak.inits[kind]++;
    return append.apply(this, arguments);
  };
  var abort = SourceBuffer.prototype.abort;
  SourceBuffer.prototype.abort = function () {
    if (!this.updating) soak.resets++;
    return abort.apply(this, arguments);
  };
  var warn = console.warn;
  console.warn = function () {
    var text = Array.prototype.map.call(arguments, String).join(' ');
    if (text.indexOf('[player]') === 0) soak.warnings.push(text);
    return warn.apply(console, arguments);
  };
  document.addEventListener('DOMContentLoaded', function () {
    var video = document.querySelector('video');
    if (video) video.addEventListener('waiting', function () { soak.waiting++; });
  });
  soak.sample = function () {
    var ends = {};
    soak.buffers.forEach(function (b) {
      try { var r = b.sb.buffered; ends[b.kind] = r.length ? r.end(r.length - 1) : null; } catch (e) { ends[b.kind] = null; }
    });
    var video = document.querySelector('video');
    var a = window.automation;
    return {
      currentTime: video ? video.currentTime : 0, paused: video ? video.paused : true, readyState: video ? video.readyState : 0,
      audioEnd: ends.audio === undefined ? null : ends.audio, videoEnd: ends.video === undefined ? null : ends.video,
      state: a ? a.snapshot().player.state : 'no UI yet', qoe: a ? a.qoe() : null,
      inits: soak.inits, resets: soak.resets, waiting: soak.waiting, warnings: soak.warnings.slice()
    };
  };
})();`

interface Sample {
  currentTime: number
  paused: boolean
  readyState: number
  audioEnd: number | null
  videoEnd: number | null
  state: string
  qoe: { rebufferCount: number; fatalErrors: number } | null
  inits: { audio: number; video: number }
  resets: number
  waiting: number
  warnings: string[]
}

/** Totals over every page load of the soak. */
interface Totals {
  sessions: number
  freezes: number
  frozenMs: number
  longestFreezeMs: number
  waiting: number
  rebuffers: number
  frozenPictureReloads: number
  fatalErrors: number
  audioInits: number
  videoInits: number
  parserResets: number
  maxVideoLeadS: number
  warnings: string[]
}

const fixed = (n: number | null, digits = 2) => (n === null ? '   -  ' : n.toFixed(digits).padStart(7))

it(`plays the demo channel on WPE for ${MINUTES} min without a frozen picture`, async () => {
  if (!existsSync(`${distDir}/index.html`)) throw new Error(`no build in ${distDir}: run "npm run build" (or set DIST_DIR)`)
  const soakPage = (_req: unknown, res: import('node:http').ServerResponse, url: URL) => {
    if (url.pathname !== '/soak.html') return false
    const html = readFileSync(`${distDir}/index.html`, 'utf8').replace('<head>', `<head><script>${OBSERVER}</script>`)
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' })
    res.end(html)
    return true
  }
  const server = await startDemoServer({ port: 0, distDir, staticDir: `${root}static`, routes: [soakPage, ...demoRoutes()] })
  const wpe = await launchWpe()
  const totals: Totals = {
    sessions: 0, freezes: 0, frozenMs: 0, longestFreezeMs: 0, waiting: 0, rebuffers: 0, frozenPictureReloads: 0,
    fatalErrors: 0, audioInits: 0, videoInits: 0, parserResets: 0, maxVideoLeadS: 0, warnings: [],
  }
  try {
    console.log(`[soak] ${String(wpe.capabilities.browserName)} ${String(wpe.capabilities.browserVersion)}, build ${distDir}, ${MINUTES} min, ` +
      `${RESTART_EVERY_S ? `a fresh page every ${RESTART_EVERY_S} s` : 'one page'}, start ${START === 'wrap' ? 'just after the loop wraps' : 'at once'}`)
    console.log('[soak]  elapsed  video.t  audio end  video end  video lead  state        freezes  frozen-picture reloads')
    // Minutes of play: the waits for the loop to wrap before each load do not count.
    let playedMs = 0
    while (playedMs < MINUTES * 60_000) {
      if (START === 'wrap') await untilLoopJustWrapped(`${server.origin}/live/news/master.m3u8`)
      await wpe.navigate(`${server.origin}/soak.html?automation=1`)
      totals.sessions++
      const sessionStart = Date.now()
      const left = MINUTES * 60_000 - playedMs
      const sessionEnd = sessionStart + (RESTART_EVERY_S ? Math.min(left, RESTART_EVERY_S * 1000) : left)
      let last: Sample | null = null
      let movedAt = Date.now()
      let frozenSince: number | null = null
      let printedAt = 0
      while (Date.now() < sessionEnd) {
        await new Promise((r) => setTimeout(r, SAMPLE_MS))
        const s = await wpe.execute<Sample | null>('return window.__soak ? window.__soak.sample() : null')
        if (!s) continue
        const now = Date.now()
        const playing = s.state === 'playing' || s.state === 'stalled' || s.state === 'recovering'
        if (!last || s.currentTime !== last.currentTime || s.paused || !playing || s.currentTime === 0) {
          if (frozenSince !== null) {
            const ms = now - frozenSince
            totals.frozenMs += ms
            totals.longestFreezeMs = Math.max(totals.longestFreezeMs, ms)
            frozenSince = null
          }
          movedAt = now
        } else if (frozenSince === null && now - movedAt > FREEZE_MS) {
          frozenSince = movedAt
          totals.freezes++
          console.log(`[soak] FROZEN at video.t ${s.currentTime.toFixed(2)}: audio end ${fixed(s.audioEnd)}, video end ${fixed(s.videoEnd)}, readyState ${s.readyState}`)
        }
        if (s.audioEnd !== null && s.videoEnd !== null) totals.maxVideoLeadS = Math.max(totals.maxVideoLeadS, s.videoEnd - s.audioEnd)
        if (now - printedAt >= PRINT_EVERY_MS) {
          printedAt = now
          const lead = s.audioEnd !== null && s.videoEnd !== null ? s.videoEnd - s.audioEnd : null
          console.log(`[soak] ${String(Math.round((playedMs + now - sessionStart) / 1000)).padStart(6)} s ${fixed(s.currentTime)} ${fixed(s.audioEnd)}    ${fixed(s.videoEnd)}    ${fixed(lead)} s   ${s.state.padEnd(12)} ${String(totals.freezes).padStart(4)}     ${s.warnings.length}`)
        }
        last = s
      }
      playedMs += Date.now() - sessionStart
      if (frozenSince !== null) {
        totals.frozenMs += Date.now() - frozenSince
        totals.longestFreezeMs = Math.max(totals.longestFreezeMs, Date.now() - frozenSince)
      }
      if (last) {
        totals.waiting += last.waiting
        totals.rebuffers += last.qoe ? last.qoe.rebufferCount : 0
        totals.fatalErrors += last.qoe ? last.qoe.fatalErrors : 0
        totals.frozenPictureReloads += last.warnings.filter((w) => w.indexOf('(frozenPicture)') !== -1).length
        totals.audioInits += last.inits.audio
        totals.videoInits += last.inits.video
        totals.parserResets += last.resets
        totals.warnings.push(...last.warnings)
      }
    }
  } finally {
    await wpe.close()
    await server.close()
  }
  console.log(`[soak] summary over ${totals.sessions} page load(s):
  picture frozen > ${FREEZE_MS / 1000} s:   ${totals.freezes} time(s), ${(totals.frozenMs / 1000).toFixed(1)} s in all, longest ${(totals.longestFreezeMs / 1000).toFixed(1)} s
  <video> waiting events:    ${totals.waiting} (one per page load is the start)
  QoE rebuffers:             ${totals.rebuffers}
  frozen-picture reloads:    ${totals.frozenPictureReloads}
  fatal errors (all kinds):  ${totals.fatalErrors}
  init segments appended:    audio ${totals.audioInits}, video ${totals.videoInits}
  SourceBuffer.abort() while idle (parser resets): ${totals.parserResets}
  video buffered ahead of audio, at most: ${totals.maxVideoLeadS.toFixed(2)} s
  player warnings: ${totals.warnings.length ? `\n    ${totals.warnings.join('\n    ')}` : 'none'}`)
  expect({ freezes: totals.freezes, frozenPictureReloads: totals.frozenPictureReloads }).toEqual({ freezes: 0, frozenPictureReloads: 0 })
})
