// The bench's baseline pages (bare-hls-page.html, bare-lightning-page.html) share this: hls.js on the
// page's <video>, on the stream in ?stream=, and the time of the first frame in window.__ttff, found
// by the rule the app uses (src/player/video-element.ts whenFirstFrame): requestVideoFrameCallback
// where the engine has it (Chromium 83+, WPE 2.38), else the first timeupdate with currentTime > 0
// (Chromium 79). ES5: it runs as-is on every engine the bench drives.
/* global Hls */
;(function () {
  var video = document.getElementById('v')
  var match = /[?&]stream=([^&]*)/.exec(location.search)
  var stream = match ? decodeURIComponent(match[1]) : ''
  window.__ttff = null
  function onFrame() {
    if (window.__ttff === null) window.__ttff = performance.now()
  }
  if (typeof video.requestVideoFrameCallback === 'function') {
    video.requestVideoFrameCallback(onFrame)
  } else {
    var onTime = function () {
      if (video.currentTime > 0) {
        video.removeEventListener('timeupdate', onTime)
        onFrame()
      }
    }
    video.addEventListener('timeupdate', onTime)
  }
  var hls = new Hls()
  hls.attachMedia(video)
  hls.loadSource(stream)
  var played = video.play()
  if (played && played.catch) played.catch(function () {})
})()
