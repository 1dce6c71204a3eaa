// The review page: one HTML page, its script and its style, served by the session itself so
// that the Content-Security-Policy can forbid every other source. The script builds the page
// from /state with DOM text nodes only (no markup from the texts is ever parsed) and sends each
// key's change to /change with the token in a header.
#include "serve/review_session.hpp"

namespace alinea::serve_detail {

std::string review_page_html(const std::string& token) {
  // The token is 32 hex digits: nothing in it needs escaping.
  return R"page(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>alinea review</title>
<link rel="stylesheet" href="/review.css?token=)page" +
         token + R"page(">
<script src="/review.js?token=)page" +
         token + R"page(" defer></script>
</head>
<body>
<header>
<h1>Review <span id="file"></span></h1>
<p id="counts"></p>
<p class="keys"><kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>c</kbd> confirm · <kbd>m</kbd> merge · <kbd>s</kbd> split · <kbd>o</kbd> omission · <kbd>n</kbd> note · <kbd>u</kbd> next in queue · <kbd>z</kbd> undo · <kbd>v</kbd> context · <kbd>?</kbd> help</p>
</header>
<p id="message" role="status" aria-live="polite">Loading…</p>
<main>
<section id="texts" aria-label="both texts, link by link">
<div class="row head"><div id="source-title"></div><div id="target-title"></div></div>
<div id="rows"></div>
</section>
<aside id="queue" aria-label="review queue">
<h2>Queue: <span id="queue-count">0</span></h2>
<ol id="queue-items"></ol>
</aside>
</main>
<dialog id="help" aria-labelledby="help-title">
<h2 id="help-title">Keys</h2>
<dl>
<dt><kbd>j</kbd> / <kbd>k</kbd></dt><dd>next / previous link (paragraphs, their sentences, notes)</dd>
<dt><kbd>u</kbd></dt><dd>next item of the review queue (drift first, then missing fingerprints, a heading, quotation or list item linked to another kind, doubtful links, units in no link)</dd>
<dt><kbd>c</kbd></dt><dd>confirm: the link becomes reviewed, its fingerprints taken from the current texts</dd>
<dt><kbd>m</kbd></dt><dd>merge the link with the next one of its level</dd>
<dt><kbd>s</kbd></dt><dd>split the link: its first unit on each side, and the rest</dd>
<dt><kbd>o</kbd> / <kbd>O</kbd></dt><dd>omission: the first source (O: target) unit stands alone, with why</dd>
<dt><kbd>n</kbd></dt><dd>a note on the link (an empty note removes it)</dd>
<dt><kbd>z</kbd></dt><dd>undo the last change made on this page</dd>
<dt><kbd>v</kbd></dt><dd>show or hide the context: every link, or the current one and its neighbours</dd>
<dt><kbd>r</kbd></dt><dd>read the file again (after it changed on disk)</dd>
<dt><kbd>?</kbd> / <kbd>Esc</kbd></dt><dd>this help / close it</dd>
</dl>
<p>Every change is saved to the alignment file at once. If the file changed on disk meanwhile, nothing is written: press <kbd>r</kbd>, then redo the change.</p>
</dialog>
<dialog id="ask">
<label for="ask-text" id="ask-label"></label>
<textarea id="ask-text" rows="3"></textarea>
<p class="hint"><kbd>Enter</kbd> saves · <kbd>Shift</kbd>+<kbd>Enter</kbd> a new line · <kbd>Esc</kbd> cancels</p>
</dialog>
</body>
</html>
)page";
}

const char* review_page_script() {
  return R"script('use strict';
(() => {
  const token = new URLSearchParams(window.location.search).get('token') || '';
  const $ = (id) => document.getElementById(id);
  let state = null;
  let current = 0;
  let context = true;
  let busy = false;
  let answer = null;
  let unsaved = null;  // text typed for a change that was refused: offered again, never lost

  function say(text, isError) {
    const box = $('message');
    box.textContent = text;
    box.className = isError ? 'error' : '';
    box.setAttribute('role', isError ? 'alert' : 'status');
  }

  async function call(path, change) {
    const headers = { 'X-Alinea-Token': token };
    if (change) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method: change ? 'POST' : 'GET', headers, cache: 'no-store', credentials: 'omit',
      body: change ? JSON.stringify(change) : undefined,
    });
    const text = await response.text();
    let data;
    try { data = JSON.parse(text); } catch (error) { data = { error: text.trim() }; }
    if (!response.ok) throw new Error(data.error || `the server answered ${response.status}`);
    return data;
  }

  function unitsOf(units) {
    const fragment = document.createDocumentFragment();
    if (units.length === 0) {
      const empty = document.createElement('span');
      empty.className = 'empty';
      empty.textContent = '∅';
      fragment.append(empty);
    }
    units.forEach((unit, k) => {
      if (k > 0) fragment.append(' ');
      const element = document.createElement('span');
      element.className = unit.missing ? 'unit missing' : 'unit';
      const id = document.createElement('span');
      id.className = 'id';
      id.textContent = unit.id;
      element.append(id, ' ');
      if (unit.kind !== 'paragraph') {  // a heading, a quotation, a list item: said, not only styled
        element.classList.add(unit.kind);
        const kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = unit.kind;
        element.append(kind, ' ');
      }
      for (const piece of unit.spans) {
        if (piece.note !== undefined) {
          const mark = document.createElement('sup');
          mark.textContent = piece.note;
          element.append(mark);
        } else {
          element.append(piece.text);
        }
      }
      fragment.append(element);
    });
    return fragment;
  }

  function kindOf(row) {
    if (row.status === null) return 'unlinked';
    if (row.status === 'reviewed') return 'reviewed';
    return row.confidence !== null && row.confidence < state.threshold ? 'doubt' : 'auto';
  }

  function describe(row) {
    const parts = [row.level];
    if (row.status === null) parts.push('in no link');
    else if (row.status === 'reviewed') parts.push('reviewed');
    else parts.push(row.confidence === null ? 'auto' : `auto ${row.confidence.toFixed(2)}`);
    if (row.changed) parts.push('text changed since it was reviewed');
    if (row.omitted !== null) parts.push(row.omitted ? `left out: ${row.omitted}` : 'left out');
    if (row.note !== null) parts.push(`✎ ${row.note}`);
    return parts.join(' · ');
  }

  function ids(units) { return units.map((unit) => unit.id).join(',') || '∅'; }

  function render() {
    document.title = `Review ${state.file} — alinea`;
    $('file').textContent = state.file;
    $('source-title').textContent = `${state.source.lang}: ${state.source.title || state.source.path}`;
    $('target-title').textContent = `${state.target.lang}: ${state.target.title || state.target.path}`;
    const rows = $('rows');
    rows.replaceChildren();
    state.rows.forEach((row, index) => {
      const element = document.createElement('div');
      element.className = `row ${row.level} ${kindOf(row)}${row.changed ? ' drift' : ''}`;
      element.id = `row-${index}`;
      const source = document.createElement('div');
      source.className = 'src';
      source.lang = state.source.lang;
      source.append(unitsOf(row.src));
      const target = document.createElement('div');
      target.className = 'tgt';
      target.lang = state.target.lang;
      target.append(unitsOf(row.tgt));
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = describe(row);
      element.append(source, target, meta);
      element.addEventListener('click', () => select(index));
      rows.append(element);
    });
    const items = $('queue-items');
    items.replaceChildren();
    state.queue.forEach((item) => {
      const entry = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = item.reason;
      button.textContent = `${item.reason}: ${item.src.join(',') || '∅'} ↔ ${item.tgt.join(',') || '∅'}` +
        (item.kinds ? ` [${item.kinds}]` : '') + ` — ${item.detail}`;
      button.addEventListener('click', () => select(rowOf(item)));
      entry.append(button);
      items.append(entry);
    });
    if (state.queue.length === 0) {
      const done = document.createElement('li');
      done.className = 'done';
      done.textContent = 'Nothing left to review.';
      items.append(done);
    }
    $('queue-count').textContent = String(state.queue.length);
    const links = state.rows.filter((row) => row.status !== null);
    const reviewed = links.filter((row) => row.status === 'reviewed').length;
    $('counts').textContent = `${reviewed} of ${links.length} links reviewed · ${state.queue.length} in the queue` +
      (state.undo ? ` · z undoes: ${state.undo}` : '');
    select(current);
  }

  function select(index) {
    if (!state || state.rows.length === 0 || index < 0) return;
    current = Math.min(index, state.rows.length - 1);
    for (const element of document.querySelectorAll('.row.current')) {
      element.classList.remove('current');
      element.removeAttribute('aria-current');
    }
    const element = $(`row-${current}`);
    element.classList.add('current');
    element.setAttribute('aria-current', 'true');
    document.body.classList.toggle('focus', !context);
    state.rows.forEach((row, k) => $(`row-${k}`).classList.toggle('near', Math.abs(k - current) <= 1));
    element.scrollIntoView({ block: 'nearest' });
    document.body.dataset.current = state.rows[current].unit;
  }

  function rowOf(item) {
    const target = item.unit.startsWith('tgt:');
    const id = target ? item.unit.slice(4) : item.unit;
    const sentence = item.level === 'sentence';
    return state.rows.findIndex((row) => (row.level === 'sentence') === sentence &&
      (target ? row.tgt : row.src).some((unit) => unit.id === id));
  }

  function nextInQueue() {
    if (state.queue.length === 0) {
      say('The queue is empty: nothing is left to review.', false);
      return;
    }
    const here = state.queue.findIndex((item) => rowOf(item) === current);
    const item = state.queue[(here + 1) % state.queue.length];
    select(rowOf(item));
    say(`${item.reason}: ${item.detail}`, false);
  }

  async function load(message) {
    try {
      state = await call('/state');
      render();
      say(message || 'Read the file. Press ? for the keys.', false);
    } catch (error) {
      say(error.message, true);
    }
    document.body.dataset.answers = String(Number(document.body.dataset.answers || 0) + 1);
  }

  async function change(action, text, unit) {
    if (busy || !state) return;
    const row = state.rows[current];
    busy = true;
    document.body.classList.add('busy');
    try {
      const before = row ? row.unit : '';
      state = await call('/change', {
        action, unit: unit || before, text: text === undefined ? null : text, version: state.version,
      });
      const again = state.rows.findIndex((r) => r.unit === before && row && r.level === row.level);
      if (again >= 0) current = again;
      render();
      say(state.message, false);
      unsaved = null;
    } catch (error) {
      if (text) {
        unsaved = { action, text };
        say(`${error.message} What you typed is kept: press ${action === 'note' ? 'n' : 'o'} to see it again.`, true);
      } else {
        say(error.message, true);
      }
    } finally {
      busy = false;
      document.body.classList.remove('busy');
      document.body.dataset.answers = String(Number(document.body.dataset.answers || 0) + 1);
    }
  }

  function ask(label, value, then, action) {
    $('ask-label').textContent = label;
    const box = $('ask-text');
    box.value = unsaved && unsaved.action === action ? unsaved.text : value;
    answer = then;
    $('ask').showModal();
    box.focus();
    box.select();
  }

  $('ask-text').addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    const then = answer;
    answer = null;
    $('ask').close();
    if (then) then($('ask-text').value);
  });

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !state) return;
    if (document.querySelector('dialog[open]')) {
      if (event.key === '?' && $('help').open) $('help').close();
      return;
    }
    const row = state.rows[current];
    const keys = {
      j: () => select(current + 1),
      k: () => select(Math.max(current - 1, 0)),
      u: nextInQueue,
      c: () => change('accept'),
      m: () => change('merge'),
      s: () => change('split'),
      o: () => ask(`Why is ${row.unit} left out? (may stay empty)`, row.omitted || '',
        (text) => change('omit', text), 'omit'),
      O: () => ask(`Why is tgt:${row.tgt.length ? row.tgt[0].id : '?'} left out? (may stay empty)`,
        row.omitted || '', (text) => change('omit', text, row.tgt.length ? `tgt:${row.tgt[0].id}` : row.unit), 'omit'),
      n: () => ask(`A note on the link of ${row.unit} (empty removes it)`, row.note || '',
        (text) => change('note', text), 'note'),
      z: () => change('undo'),
      v: () => { context = !context; select(current); say(context ? 'Every link shown.' : 'Only the current link and its neighbours shown (v shows all).', false); },
      r: () => load('Read the file again.'),
      '?': () => $('help').showModal(),
    };
    const action = keys[event.key];
    if (!action || !row) return;
    event.preventDefault();
    action();
  });

  load();
})();
)script";
}

const char* review_page_style() {
  return R"style(:root { color-scheme: light; --reviewed: #1a7f37; --auto: #57606a; --doubt: #bc4c00;
  --unlinked: #8c959f; --drift: #cf222e; --focus: #0550ae; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #fff; }
header { padding: 0.5rem 1rem; border-bottom: 1px solid #d0d7de; }
h1 { font-size: 1.2rem; margin: 0; overflow-wrap: anywhere; }
h2 { font-size: 1rem; margin: 0 0 0.5rem; }
header p { margin: 0.25rem 0 0; }
.keys { font-size: 0.85rem; color: #57606a; }
kbd { font: 0.85em ui-monospace, monospace; border: 1px solid #d0d7de; border-radius: 3px; padding: 0 0.25em; background: #f6f8fa; }
#message { position: fixed; bottom: 0; left: 0; right: 0; z-index: 1; margin: 0; padding: 0.4rem 1rem; background: #f6f8fa; border-top: 1px solid #d0d7de; min-height: 2.2rem; }
body { padding-bottom: 3rem; }
#queue li.done { list-style: none; }
#message.error { background: #ffebe9; color: #82071e; font-weight: 600; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 20rem; gap: 1rem; padding: 0 1rem 2rem; }
#queue { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; padding-top: 0.5rem; }
#queue ol { margin: 0; padding-left: 1.5rem; font-size: 0.85rem; }
#queue button { font: inherit; text-align: left; background: none; border: 0; padding: 0.1rem 0; cursor: pointer; color: inherit; }
#queue button.drift { color: var(--drift); }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1rem; padding: 0.3rem 0.5rem; border-left: 4px solid var(--auto); margin: 0.2rem 0; scroll-margin: 4rem 0 1rem; }
.row.head { border: 0; font-weight: 600; position: sticky; top: 0; background: #fff; }
.row.sentence { margin-left: 1.5rem; font-size: 0.95rem; }
.row.note { font-size: 0.9rem; }
.row.paragraph { margin-top: 0.8rem; }
.row.reviewed { border-left-color: var(--reviewed); }
.row.doubt { border-left-color: var(--doubt); background: #fff8f0; }
.row.unlinked { border-left: 4px dashed var(--unlinked); color: #57606a; }
.row.drift { border-left-color: var(--drift); background: #fff0f0; }
.row.current { outline: 3px solid var(--focus); outline-offset: 1px; background: #eef5ff; }
.meta { grid-column: 1 / -1; font-size: 0.8rem; color: #57606a; }
.drift .meta { color: var(--drift); font-weight: 600; }
.id { font: 0.75em ui-monospace, monospace; color: #57606a; }
.kind { font: 0.75em ui-monospace, monospace; color: #0550ae; border: 1px solid #0550ae; border-radius: 3px; padding: 0 0.2em; }
.unit.heading { font-weight: 600; }
.missing { text-decoration: line-through; color: var(--drift); }
.empty { color: var(--unlinked); }
body.focus .row:not(.near):not(.head) { display: none; }
body.busy { cursor: progress; }
dialog { max-width: 40rem; width: calc(100% - 2rem); border: 1px solid #d0d7de; border-radius: 6px; }
dialog textarea { width: 100%; font: inherit; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dd { margin: 0; }
.hint { font-size: 0.8rem; color: #57606a; }
@media (max-width: 700px) {
  main { grid-template-columns: 1fr; padding: 0 0.5rem 2rem; }
  #queue { position: static; max-height: none; order: -1; }
  .row { grid-template-columns: 1fr; }
  .row .tgt { border-top: 1px dotted #d0d7de; }
  .row.sentence { margin-left: 0.5rem; }
}
@media print { #queue, .keys, #message { display: none; } main { display: block; } }
)style";
}

}  // namespace alinea::serve_detail
