// The review page on documents with structure (tests/fixtures/structure): each heading, quotation
// and list item is labelled with its kind, the heading the translation set as a paragraph is a
// kind-mismatch item of the queue, reached with u and confirmed with c (then the queue no longer
// holds it and the file on disk has the link reviewed).
// Prints "ok: …" or "FAILED: …" per check; exits 1 when one failed.
// Usage: node review_kinds.js CHROMIUM URL ALIGNMENT.yaml PROFILE_DIR
'use strict';
const fs = require('node:fs');
const { checkPage } = require('./cdp.js');

const [chromium, url, alignment, profile] = process.argv.slice(2);
let failures = 0;
function expect(what, condition) {
  console.log(`${condition ? 'ok' : 'FAILED'}: ${what}`);
  if (!condition) failures += 1;
}

async function main(page) {
  const labels = (kind) => page.evaluate(
    `[...document.querySelectorAll('.unit.${kind} .kind')].map((e) => e.textContent).join(',')`);
  const queueText = () => page.evaluate(
    '[...document.querySelectorAll("#queue-items button")].map((e) => e.textContent).join("\\n")');
  await page.waitFor('document.querySelectorAll(".row:not(.head)").length > 0');
  expect('headings are labelled "heading"', (await labels('heading')).startsWith('heading'));
  expect('quotations are labelled "quote"', (await labels('quote')).startsWith('quote'));
  expect('list items are labelled "list-item"', (await labels('list-item')).startsWith('list-item'));
  expect('plain paragraphs carry no label',
    await page.evaluate('document.querySelectorAll(".unit:not(.heading):not(.quote):not(.list-item) .kind").length') === 0);
  expect('the queue holds the heading set as a paragraph',
    (await queueText()).includes('kind-mismatch: p9 ↔ p9 [heading ↔ paragraph]'));
  await page.press('u');
  expect('u goes to that link', (await page.evaluate('document.body.dataset.current')) === 'p9');
  const before = await page.evaluate('Number(document.body.dataset.answers || 0)');
  await page.press('c');
  await page.waitFor(`Number(document.body.dataset.answers || 0) > ${before}`);
  expect('confirmed, it leaves the queue', !(await queueText()).includes('kind-mismatch'));
  const line = fs.readFileSync(alignment, 'utf8').split('\n').find((l) => l.includes('{src: [p9]'));
  expect('the file has the link reviewed', (line || '').includes('reviewed'));
}

checkPage(chromium, profile, url, main, () => failures, 60000);
