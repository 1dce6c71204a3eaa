// The review page of `alinea review --serve`, reviewed by keyboard in a headless chromium
// (cdp.js): j/k, q (the queue), c (confirm), n (a note), u (undo), m (merge), s (split), o
// (omission), z (context), ? (help); after each change the alignment file on disk is read and
// checked. Then a change made meanwhile by another command is refused on the page, and requests
// without the token, with another Host, or with the token in the URL only are refused.
// Prints "ok: …" or "FAILED: …" per check; exits 1 when one failed.
// Usage: node review_serve.js CHROMIUM URL ALIGNMENT.yaml ALINEA SCRATCH_DIR
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const { execFileSync } = require('node:child_process');
const { checkPage } = require('./cdp.js');

const [chromium, url, alignment, alinea, scratch] = process.argv.slice(2);
let failures = 0;
function expect(what, condition) {
  console.log(`${condition ? 'ok' : 'FAILED'}: ${what}`);
  if (!condition) failures += 1;
}

// The line of the alignment file holding the sentence link whose source starts with `id`.
function linkLine(id) {
  const found = fs.readFileSync(alignment, 'utf8').split('\n')
    .find((line) => line.includes(`{src: [${id}`));
  return found || '';
}

function request(method, path, headers = {}, body = '') {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sent = http.request({ hostname, port, method, path, headers }, (answer) => {
      answer.resume();
      answer.on('end', () => resolve(answer.statusCode));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

async function main(page) {
  const current = () => page.evaluate('document.body.dataset.current');
  const message = () => page.evaluate('document.getElementById("message").textContent');
  const answers = () => page.evaluate('Number(document.body.dataset.answers || 0)');
  // Presses a key that asks the server, and waits for its answer.
  const change = async (key, text) => {
    const before = await answers();
    await page.press(key);
    if (text !== undefined) {
      await page.waitFor('document.getElementById("ask").open');
      await page.type(text);
      await page.press('Enter');
    }
    await page.waitFor(`Number(document.body.dataset.answers || 0) > ${before}`);
  };

  await page.waitFor('document.querySelectorAll(".row:not(.head)").length > 0');
  expect('the page shows the links', await page.evaluate('document.querySelectorAll(".row.sentence").length') > 50);
  expect('the queue lists 6 links', (await page.evaluate('document.getElementById("queue-count").textContent')) === '6');
  expect('the first link is current', (await current()) === 'p1');
  await page.press('j');
  expect('j: the next link (p1.s1)', (await current()) === 'p1.s1');
  await page.press('k');
  expect('k: the previous link (p1)', (await current()) === 'p1');
  await page.press('u');
  expect('u: the first link of the queue (p9.s2)', (await current()) === 'p9.s2');

  await change('c');
  expect('c: the page says what it did', (await message()) === 'confirmed the link of p9.s2');
  expect('c: p9.s2 is reviewed on disk', /status: reviewed/.test(linkLine('p9.s2')));
  expect('c: the queue has 5 links left', (await page.evaluate('document.getElementById("queue-count").textContent')) === '5');

  await page.press('j');
  expect('j: p9.s3', (await current()) === 'p9.s3');
  await change('n', "es adds 'si es el caso'");
  expect(`n: the note is on disk (${linkLine('p9.s3').trim()})`, /note: .*es adds 'si es el caso'/.test(linkLine('p9.s3')));
  expect('n: the note is on the page', (await page.evaluate('document.querySelector(".row.current .meta").textContent')).includes('si es el caso'));
  await change('z');
  expect('z: the note is undone on disk', !linkLine('p9.s3').includes('note:') && linkLine('p9.s3') !== '');
  expect('z: the page says so', (await message()).startsWith('undid: noted the link of p9.s3'));

  await change('m');
  expect('m on the last sentence: refused with a reason', (await message()).includes('no next link to merge it with'));
  expect('m refused: shown as an alert', (await page.evaluate('document.getElementById("message").getAttribute("role")')) === 'alert');
  await page.press('k');
  await change('m');
  expect('m: p9.s2 and p9.s3 are one link on disk', linkLine('p9.s2').startsWith('      - {src: [p9.s2, p9.s3], tgt: [p8.s2, p8.s3, p8.s4], status: reviewed'));
  await change('s');
  expect('s: split again on disk', linkLine('p9.s2').includes('{src: [p9.s2], tgt: [p8.s2], status: reviewed') &&
    linkLine('p9.s3').includes('{src: [p9.s3], tgt: [p8.s3, p8.s4], status: reviewed'));
  await change('o', 'the translator left it out');
  expect('o: p9.s2 is an omission on disk', linkLine('p9.s2').includes('tgt: []') && linkLine('p9.s2').includes('the translator left it out'));
  await change('z');
  expect('z: the omission is undone on disk', linkLine('p9.s2').includes('{src: [p9.s2], tgt: [p8.s2], status: reviewed'));

  // Another command changes the file meanwhile: the page refuses to overwrite it.
  execFileSync(alinea, ['review', alignment, '--note', 'p1', 'written meanwhile'], { stdio: 'ignore' });
  const meanwhile = fs.readFileSync(alignment, 'utf8');
  await change('c');
  expect('a file changed meanwhile: the page says so', (await message()).includes('changed on disk since this page read it'));
  expect('a file changed meanwhile: left as it is', fs.readFileSync(alignment, 'utf8') === meanwhile);
  await change('n', 'typed while the file changed');
  expect('a note refused meanwhile: the page says the text is kept', (await message()).includes('What you typed is kept'));
  await page.press('r');
  await page.waitFor('document.getElementById("message").textContent === "Read the file again."');
  await page.press('n');
  await page.waitFor('document.getElementById("ask").open');
  expect('n again: the refused note is offered again', (await page.evaluate('document.getElementById("ask-text").value')) === 'typed while the file changed');
  await page.press('Escape');
  await page.waitFor('!document.getElementById("ask").open');
  await change('c');
  expect('after r, c saves again and keeps the other note', /status: reviewed/.test(linkLine('p9.s2')) &&
    fs.readFileSync(alignment, 'utf8').includes('written meanwhile'));

  await page.press('v');
  const shown = await page.evaluate('[...document.querySelectorAll(".row:not(.head)")].filter((row) => row.offsetParent !== null).length');
  expect(`v: only the current link and its neighbours (${shown} rows)`, shown > 0 && shown <= 3);
  await page.press('v');
  await page.press('?');
  expect('?: the help is open', await page.evaluate('document.getElementById("help").open'));
  await page.press('Escape');
  expect('Esc: the help is closed', !(await page.evaluate('document.getElementById("help").open')));
  expect('no request left the page unanswered', (await page.evaluate('document.body.classList.contains("busy")')) === false);

  const showCurrent = 'document.querySelector(".row.current").scrollIntoView({ block: "center" })';
  await page.screenshot(`${scratch}/desktop.png`, 1280, 900, showCurrent);
  await page.screenshot(`${scratch}/phone.png`, 390, 844, showCurrent);

  const { port, search } = new URL(url);
  const token = new URLSearchParams(search).get('token');
  expect('no token: 403', (await request('GET', '/state')) === 403);
  expect('a wrong token: 403', (await request('GET', `/state?token=${'0'.repeat(32)}`)) === 403);
  expect('another Host: 403', (await request('GET', `/state?token=${token}`, { Host: `evil.example:${port}` })) === 403);
  expect('the token and the right Host: 200', (await request('GET', `/state?token=${token}`)) === 200);
  const before = fs.readFileSync(alignment, 'utf8');
  const change_ = JSON.stringify({ action: 'accept', unit: 'p1', version: 'x' });
  expect('a change with the token in the URL only: 403',
    (await request('POST', `/change?token=${token}`, { 'Content-Type': 'application/json' }, change_)) === 403);
  expect('a change from another site: 403', (await request('POST', '/change',
    { 'X-Alinea-Token': token, Origin: 'http://evil.example' }, change_)) === 403);
  expect('a malformed change: 400', (await request('POST', '/change', { 'X-Alinea-Token': token }, '{')) === 400);
  expect('refused requests changed nothing', fs.readFileSync(alignment, 'utf8') === before);
}

checkPage(chromium, `${scratch}/profile`, url, main, () => failures, 120000);
