// Drives a headless chromium over the DevTools protocol: opens a page, presses Tab a few times
// and prints what has the focus each time ("N <tag> <href>"), then the focused element's outline.
// Usage: node --experimental-websocket keyboard_links.js CHROMIUM URL PROFILE_DIR
'use strict';
const { spawn } = require('node:child_process');

const [browser, url, profile] = process.argv.slice(2);
const chromium = spawn(browser, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--remote-debugging-port=0', `--user-data-dir=${profile}`,
  'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
const timer = setTimeout(() => { console.error('timed out'); chromium.kill(); process.exit(1); }, 60000);

function endpoint() {
  return new Promise((resolve, reject) => {
    let seen = '';
    chromium.stderr.on('data', (chunk) => {
      seen += chunk;
      const found = seen.match(/DevTools listening on (ws:\/\/\S+)/);
      if (found) resolve(found[1]);
    });
    chromium.on('exit', () => reject(new Error('chromium exited')));
  });
}

async function main() {
  const browserUrl = await endpoint();
  const port = new URL(browserUrl).port;
  const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const page = targets.find((t) => t.type === 'page');
  const socket = new WebSocket(page.webSocketDebuggerUrl);
  await new Promise((resolve) => socket.addEventListener('open', resolve));
  let id = 0;
  const pending = new Map();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    if (message.id && pending.has(message.id)) {
      pending.get(message.id)(message.result);
      pending.delete(message.id);
    }
  });
  const send = (method, params = {}) => new Promise((resolve) => {
    id += 1;
    pending.set(id, resolve);
    socket.send(JSON.stringify({ id, method, params }));
  });
  const evaluate = async (expression) =>
    (await send('Runtime.evaluate', { expression, returnByValue: true })).result.value;

  await send('Page.enable');
  await send('Page.navigate', { url });
  for (let i = 0; i < 50 && (await evaluate('document.readyState')) !== 'complete'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (let press = 1; press <= 3; press += 1) {
    for (const type of ['keyDown', 'keyUp']) {
      await send('Input.dispatchKeyEvent',
        { type, key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 });
    }
    const focused = await evaluate(
      'document.activeElement.tagName.toLowerCase() + " " + (document.activeElement.getAttribute("href") || "")');
    console.log(`${press} ${focused}`);
    if (press === 1) {
      console.log('outline ' + await evaluate(
        'getComputedStyle(document.activeElement).outlineWidth + " " + getComputedStyle(document.activeElement).outlineStyle'));
    }
  }
  socket.close();
}

main().then(() => { clearTimeout(timer); chromium.kill(); },
  (error) => { console.error(error); clearTimeout(timer); chromium.kill(); process.exit(1); });
