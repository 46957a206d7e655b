/*
 * The bundle loader, inlined into index.html by the build (ES5: every TV engine must parse it).
 * It starts exactly one of the two bundles:
 * - the module bundle where the engine runs ES modules with dynamic import() (Chromium 63+,
 *   Safari/WPE WebKit 11.1+), compiled for exactly those engines;
 * - the legacy ES5 bundle everywhere else (Chromium 53–62: `type="module"` unknown, or known but
 *   without import(), which would be a syntax error in the module bundle).
 * If the module bundle fails to load (a file:// package on an engine that refuses module scripts
 * from files, a network error) or fails before the app starts (a syntax or reference error on an
 * engine the feature test misjudged), the legacy bundle starts instead of a black screen.
 * `?bundle=legacy` or `?bundle=module` forces a choice (tests, bench, and the app's own fallback
 * when its UI chunk fails to load).
 */
(function (w, d, moduleSrc, legacySrc) {
  var started = ''

  function append(src, isModule) {
    var script = d.createElement('script')
    if (isModule) {
      script.type = 'module'
      script.onerror = function () {
        fallBack('the module bundle did not load')
      }
    }
    script.src = src
    d.body.appendChild(script)
  }

  function startLegacy() {
    started = 'legacy'
    w.__liveNewsBundle = 'legacy'
    append(legacySrc, false)
  }

  function fallBack(reason) {
    // Once the module bundle has started the app, a later error is the app's to handle.
    if (started !== 'module' || w.__liveNewsAppStarted) return
    if (w.console) w.console.error('[loader] ' + reason + ': starting the legacy bundle')
    w.removeEventListener('error', onError)
    startLegacy()
  }

  function onError(event) {
    var file = event && event.filename
    if (file && file.indexOf(moduleSrc.replace(/^\.\//, '')) !== -1) fallBack('the module bundle failed (' + event.message + ')')
  }

  function runsModuleBundle() {
    if (!('noModule' in d.createElement('script'))) return false
    try {
      // import() is syntax: only the parser can tell (Chromium 61-62 run modules without it).
      new Function('return import("data:text/javascript,")')
      return true
    } catch (error) {
      // A page policy that forbids eval says nothing about the engine: engines with
      // Symbol.asyncIterator (Chromium 63, Safari 11.1) also have import().
      return error instanceof SyntaxError ? false : typeof Symbol === 'function' && !!Symbol.asyncIterator
    }
  }

  var forced = /[?&]bundle=(legacy|module)(&|$)/.exec(w.location.search)
  var choice = forced ? forced[1] : runsModuleBundle() ? 'module' : 'legacy'
  if (choice === 'module') {
    started = 'module'
    w.__liveNewsBundle = 'module'
    w.addEventListener('error', onError)
    append(moduleSrc, true)
  } else {
    startLegacy()
  }
})(window, document, '__MODULE_BUNDLE__', '__LEGACY_BUNDLE__')
