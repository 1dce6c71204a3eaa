// A headless chromium driven over the DevTools protocol through --remote-debugging-pipe: the
// browser reads commands on its file descriptor 3 and writes answers and events on 4, each a JSON
// text ended by a NUL byte. Needs nothing but node (no WebSocket, no npm package), so the browser
// tests run on Debian 12's node 18.
//   const { launch } = require('./cdp.js');
//   const browser = await launch(CHROMIUM, PROFILE_DIR);
//   const page = await browser.open(URL);   // a tab, loaded
//   await page.press('j'); await page.evaluate('document.title'); await page.screenshot(F, 390, 844);
//   await browser.close();   // resolves once chromium has exited
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');

const keys = {  // what Input.dispatchKeyEvent needs for keys that are not plain letters
  Enter: { code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' },
  Escape: { code: 'Escape', windowsVirtualKeyCode: 27 },
  Tab: { code: 'Tab', windowsVirtualKeyCode: 9 },
  '?': { code: 'Slash', windowsVirtualKeyCode: 191, text: '?', modifiers: 8 },
};

function keyEvent(key) {
  if (keys[key]) return { key, ...keys[key] };
  const upper = key.toUpperCase();
  return {
    key, text: key, code: `Key${upper}`, windowsVirtualKeyCode: upper.charCodeAt(0),
    modifiers: key !== key.toLowerCase() ? 8 : 0,
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function launch(browser, profile, extraArguments = []) {
  const child = spawn(browser, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--remote-debugging-pipe', `--user-data-dir=${profile}`,
    ...extraArguments, 'about:blank'], { stdio: ['ignore', 'ignore', 'inherit', 'pipe', 'pipe'] });
  const toBrowser = child.stdio[3];
  const fromBrowser = child.stdio[4];
  const pending = new Map();
  let nextId = 0;
  let received = Buffer.alloc(0);
  let exited = false;
  child.on('exit', () => {
    exited = true;
    for (const { reject } of pending.values()) reject(new Error('chromium exited'));
    pending.clear();
  });
  fromBrowser.on('data', (chunk) => {
    received = Buffer.concat([received, chunk]);
    for (let end = received.indexOf(0); end >= 0; end = received.indexOf(0)) {
      const message = JSON.parse(received.subarray(0, end).toString('utf8'));
      received = received.subarray(end + 1);
      const waiting = message.id !== undefined && pending.get(message.id);
      if (!waiting) continue;
      pending.delete(message.id);
      if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
      else waiting.resolve(message.result);
    }
  });

  function send(method, params = {}, sessionId = undefined) {
    if (exited) return Promise.reject(new Error('chromium exited'));
    nextId += 1;
    const id = nextId;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  async function open(url) {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    const page = {
      send: (method, params = {}) => send(method, params, sessionId),
      async evaluate(expression) {
        const answer = await page.send('Runtime.evaluate',
          { expression, returnByValue: true, awaitPromise: true });
        if (answer.exceptionDetails) {
          throw new Error(`${expression}: ${answer.exceptionDetails.text}`);
        }
        return answer.result.value;
      },
      // Waits until `expression` is true in the page; throws after `ms`.
      async waitFor(expression, ms = 30000) {
        for (const start = Date.now(); Date.now() - start < ms; await sleep(50)) {
          if (await page.evaluate(expression)) return;
        }
        throw new Error(`timed out waiting for ${expression}`);
      },
      async press(key) {
        const event = keyEvent(key);
        await page.send('Input.dispatchKeyEvent', { type: 'keyDown', ...event });
        const { text, ...up } = event;
        await page.send('Input.dispatchKeyEvent', { type: 'keyUp', ...up });
      },
      type: (text) => page.send('Input.insertText', { text }),
      async navigate(to) {
        await page.send('Page.navigate', { url: to });
        await sleep(100);
        await page.waitFor('document.readyState === "complete"');
      },
      // At this width and height; `prepare`, an expression, runs once the page has the size.
      async screenshot(file, width, height, prepare = 'true') {
        await page.send('Emulation.setDeviceMetricsOverride',
          { width, height, deviceScaleFactor: 1, mobile: width < 600 });
        await sleep(200);
        await page.evaluate(prepare);
        await sleep(100);
        const { data } = await page.send('Page.captureScreenshot', { format: 'png' });
        fs.writeFileSync(file, Buffer.from(data, 'base64'));
      },
    };
    await page.send('Page.enable');
    await page.send('Runtime.enable');
    await page.navigate(url);
    return page;
  }

  return {
    open,
    // Ends chromium and resolves once it has exited, so that nothing is still writing into its
    // profile when the caller removes it (a removal racing chromium's last writes failed the test
    // on a loaded machine). A browser that ignores SIGTERM for 5 s is killed.
    close() {
      if (exited) return Promise.resolve();
      return new Promise((resolve) => {
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => { clearTimeout(force); resolve(); });
        child.kill();
      });
    },
  };
}

// Opens `url` in a headless chromium, runs `main(page)`, closes the browser and exits the
// process: 1 when main threw, ran out of `limitMs`, or `failures()` is not 0 afterwards.
function checkPage(chromium, profile, url, main, failures, limitMs) {
  launch(chromium, profile).then(async (browser) => {
    const timer = setTimeout(async () => {
      console.error('timed out');
      await browser.close();
      process.exit(1);
    }, limitMs);
    let threw = false;
    try {
      await main(await browser.open(url));
    } catch (error) {
      console.error(error);
      threw = true;
    }
    clearTimeout(timer);
    await browser.close();
    process.exit(!threw && failures() === 0 ? 0 : 1);
  });
}

module.exports = { launch, sleep, checkPage };
