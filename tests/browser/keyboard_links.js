// Opens a page in a headless chromium (cdp.js), presses Tab a few times and prints what has the
// focus each time ("N <tag> <href>"), then the focused element's outline.
// Usage: node keyboard_links.js CHROMIUM URL PROFILE_DIR
'use strict';
const { launch } = require('./cdp.js');

const [chromium, url, profile] = process.argv.slice(2);

async function main(browser) {
  const page = await browser.open(url);
  for (let press = 1; press <= 3; press += 1) {
    await page.press('Tab');
    const focused = await page.evaluate(
      'document.activeElement.tagName.toLowerCase() + " " + (document.activeElement.getAttribute("href") || "")');
    console.log(`${press} ${focused}`);
    if (press === 1) {
      console.log(`outline ${await page.evaluate(
        'getComputedStyle(document.activeElement).outlineWidth + " " + getComputedStyle(document.activeElement).outlineStyle')}`);
    }
  }
}

launch(chromium, profile).then((browser) => {
  const timer = setTimeout(async () => {
    console.error('timed out');
    await browser.close();
    process.exit(1);
  }, 60000);
  return main(browser).then(async () => { clearTimeout(timer); await browser.close(); }, async (error) => {
    console.error(error);
    clearTimeout(timer);
    await browser.close();
    process.exit(1);
  });
});
