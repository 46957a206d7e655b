// @ts-check
/**
 * Key press to the frame that shows the new focus, throttled. A keydown listener stamps the press;
 * the next animation frame after Lightning moved the focus (it draws in its own rAF, registered
 * first) stamps the frame.
 */
import { openPlayingApp, percentile, median } from './browser.mjs'

export async function keyLatency(browser, appUrl, throttle, presses = 60) {
  const { page, context } = await openPlayingApp(browser, appUrl, throttle)
  await page.evaluate(() => {
    const w = /** @type {any} */ (window)
    w.__keyLatencies = []
    window.addEventListener('keydown', (e) => {
      const pressed = e.timeStamp
      const before = JSON.stringify(w.automation.snapshot().focusPath)
      requestAnimationFrame(() => {
        // Counted only when the focus really moved.
        if (JSON.stringify(w.automation.snapshot().focusPath) !== before) w.__keyLatencies.push(performance.now() - pressed)
      })
    }, true)
  })
  // Browse when it exists (tiles), else the Exit dialog's No/Yes: both are focus moves.
  await page.keyboard.press('ArrowLeft')
  await page.waitForTimeout(1500)
  const onBrowse = await page.evaluate(() => /** @type {any} */ (window).automation.snapshot().route === 'browse')
  if (!onBrowse) {
    await page.keyboard.press('Escape')
    await page.waitForTimeout(500)
  }
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight')
    await page.waitForTimeout(250)
  }
  const samples = await page.evaluate(() => /** @type {any} */ (window).__keyLatencies)
  await context.close()
  return { where: onBrowse ? 'Browse rail' : 'Exit dialog', samples: samples.length, p95Ms: Number(percentile(samples, 95).toFixed(1)), medianMs: Number(median(samples).toFixed(1)) }
}
