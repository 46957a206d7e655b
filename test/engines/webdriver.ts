/** The WebDriver client for WPE lives in scripts/engines/webdriver.mjs (the bench drives WPE too). */
export * from '../../scripts/engines/webdriver.mjs'
