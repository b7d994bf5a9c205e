// The page `replylint serve` answers at `GET /`: agents search saved replies, fill placeholders,
// watch the rendered text against the channel's limit, and copy it. The document, its style sheet
// (`/app.css`) and its script (`/app.js`) are all served by the binary, with no inline script or
// style, so the page's Content-Security-Policy can refuse anything injected.

enum WebPage {
    static let html: String = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Saved replies · ReplyLint</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/app.css">
</head>
<body>
<a class="skip" href="#reply">Skip to the reply</a>
<header class="top">
  <div class="brand">
    <h1><span class="mark" aria-hidden="true"></span>Saved replies</h1>
    <span id="lib-status" class="muted">Loading the library…</span>
  </div>
  <div class="agent">
    <label for="agent-id">Your agent id</label>
    <input id="agent-id" type="text" autocomplete="off" spellcheck="false" placeholder="optional" aria-describedby="agent-hint" maxlength="64">
    <span id="agent-hint" class="vh">Recorded with each reply you render, in the team's usage log. Kept in this browser.</span>
  </div>
</header>

<div id="banner" class="banner" role="alert" hidden></div>

<form id="token-form" class="token" hidden aria-labelledby="token-title" novalidate>
  <h2 id="token-title">This server needs an access token</h2>
  <p class="muted">Ask your team lead for the ReplyLint token. It is kept in this browser tab only and sent with each request.</p>
  <div class="row">
    <div>
      <label for="token-input">Access token</label>
      <input id="token-input" type="password" autocomplete="off" spellcheck="false" aria-describedby="token-error">
    </div>
    <button type="submit" class="primary">Use token</button>
  </div>
  <p id="token-error" class="error" hidden></p>
</form>

<main class="layout">
  <section class="finder panel" aria-labelledby="finder-title" role="search">
    <h2 id="finder-title" class="vh">Find a reply</h2>
    <div class="search-row">
      <div>
        <label for="q">Search replies<kbd aria-hidden="true">/</kbd></label>
        <input id="q" type="search" role="combobox" aria-controls="results" aria-expanded="true" aria-autocomplete="list" aria-describedby="keys-help" autocomplete="off" spellcheck="false" placeholder="missed bin, pothole, parking…">
      </div>
      <div>
        <label for="filter-channel">Channel</label>
        <select id="filter-channel"><option value="">Any channel</option></select>
      </div>
    </div>
    <p id="result-count" class="muted" aria-live="polite"></p>
    <ul id="results" role="listbox" aria-label="Matching replies" tabindex="0"></ul>
    <p id="keys-help" class="keys"><kbd>/</kbd> search · <kbd>↑</kbd><kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> clear · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> copy</p>
  </section>

  <div class="right-col">
    <section id="reply" class="reply panel" aria-labelledby="reply-title" tabindex="-1">
      <div id="empty" class="empty">
        <h2 id="reply-title-empty">Pick a saved reply</h2>
        <p>Search for a reply, open it, fill in the details and copy the text.</p>
        <p>Press <kbd>/</kbd> to search, <kbd>↑</kbd> <kbd>↓</kbd> to move through the list and <kbd>Enter</kbd> to open.</p>
      </div>
      <div id="reply-error" class="empty" hidden><p id="reply-error-text" class="failed"></p></div>

      <div id="reply-body" hidden>
        <div class="reply-head">
          <h2 id="reply-title"></h2>
          <p class="meta" id="reply-meta"></p>
        </div>

        <div class="section">
          <label for="channel">Post on</label>
          <div class="channel-row">
            <select id="channel"></select>
            <span id="visibility" class="vis"></span>
          </div>
          <p id="channel-note" class="note" hidden></p>
        </div>

        <fieldset class="section" id="values" aria-describedby="auto">
          <legend>Details for this reply</legend>
          <button type="button" id="clear-values" class="link clear-values">Clear customer details</button>
          <div id="fields" class="fields"></div>
          <p id="no-fields" class="auto" hidden>This reply has nothing to fill in.</p>
          <p id="auto" class="auto" hidden></p>
        </fieldset>
        <p id="still-needed" class="needed-line" hidden></p>

        <div class="output">
          <div class="out-head">
            <h3 id="text-title">Reply text</h3>
            <p id="counter" class="counter" aria-live="polite" aria-atomic="true"></p>
          </div>
          <div id="meter" class="meter" aria-hidden="true"><div></div></div>
          <div id="text" class="text placeholder" aria-live="polite"></div>
          <div class="actions">
            <button type="button" id="copy" class="primary" disabled>Copy text</button>
            <span id="copy-status" role="status"></span>
            <span class="hint" id="copy-hint"><kbd>Ctrl</kbd>+<kbd>Enter</kbd> copies from any field</span>
          </div>
        </div>

        <div class="section">
          <h3 id="findings-title">Findings for this text</h3>
          <ul id="findings" class="findings" aria-labelledby="findings-title"></ul>
        </div>

        <details id="template-details">
          <summary>Template <span id="template-summary" class="muted"></span></summary>
          <pre id="template" class="template"></pre>
          <ul id="library-findings" class="findings" aria-label="Findings in the saved reply"></ul>
        </details>
      </div>
    </section>

    <section class="check panel" aria-labelledby="check-title">
      <details id="check-details">
        <summary id="check-title">Check your own text</summary>
        <div class="grid">
          <div>
            <label for="check-text">Text</label>
            <textarea id="check-text" spellcheck="true" placeholder="Paste or write a reply to check its length and tone."></textarea>
          </div>
          <div>
            <label for="check-channel">Channel</label>
            <select id="check-channel"><option value="">No channel (tone and privacy only)</option></select>
          </div>
        </div>
        <div class="check-result result" aria-live="polite">
          <p id="check-counter" class="counter"></p>
          <ul id="check-findings" class="findings" aria-label="Findings for your text"></ul>
        </div>
      </details>
    </section>
  </div>
</main>
<noscript><p class="banner">This page needs JavaScript to search and render replies. The API is at <code>/v1/replies</code>.</p></noscript>

<script src="/app.js"></script>
</body>
</html>
"""#

    static let css: String = #"""
:root {
  --bg: #f4f5f7; --panel: #ffffff; --text: #17191c; --muted: #545b64; --border: #d3d8de; --border-strong: #7b848e;
  --accent: #0b57d0; --accent-text: #ffffff; --accent-soft: #e8f0fe; --focus: #0b57d0;
  --ok: #17663a; --ok-soft: #e6f4ea; --warn: #7a4f00; --warn-soft: #fff3d1; --warn-bar: #c98a00;
  --err: #a8251c; --err-soft: #fde8e6; --info: #2d4f80; --info-soft: #e9eff8;
  --public: #8a3b00; --public-soft: #fdeee2; --private: #24584a; --private-soft: #e3f2ee;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  --radius: 8px;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15171a; --panel: #1e2125; --text: #eceef1; --muted: #aab2bc; --border: #3a4047; --border-strong: #69727c;
    --accent: #8ab4f8; --accent-text: #0d1b30; --accent-soft: #1f2d44; --focus: #8ab4f8;
    --ok: #81c995; --ok-soft: #18301f; --warn: #f2c35a; --warn-soft: #3a2e12; --warn-bar: #f2c35a;
    --err: #f28b82; --err-soft: #3d1d1b; --info: #a8c7fa; --info-soft: #1f2a3a;
    --public: #f6ad73; --public-soft: #3b2617; --private: #8fd3bd; --private-soft: #173029;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1, h2, h3 { line-height: 1.25; margin: 0; }
h1 { font-size: 1.15rem; font-weight: 650; }
h2 { font-size: 1.3rem; font-weight: 650; }
h3 { font-size: .8rem; font-weight: 650; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
code, kbd, .mono { font-family: var(--mono); font-size: .86em; }
kbd { display: inline-block; min-width: 1.5em; padding: 0 .35em; border: 1px solid var(--border-strong); border-bottom-width: 2px; border-radius: 4px; background: var(--panel); color: var(--text); text-align: center; line-height: 1.35; font-size: .78rem; }
[hidden] { display: none !important; }
:focus { outline: none; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.vh { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.skip { position: absolute; left: 8px; top: -60px; z-index: 10; background: var(--accent); color: var(--accent-text); padding: 8px 12px; border-radius: var(--radius); }
.skip:focus { top: 8px; }
.muted { color: var(--muted); }

input, select, textarea, button { font: inherit; color: inherit; }
input[type=text], input[type=search], input[type=password], select, textarea {
  width: 100%; min-height: 40px; padding: 8px 10px; border: 1px solid var(--border-strong); border-radius: 6px; background: var(--panel);
}
textarea { min-height: 96px; resize: vertical; line-height: 1.45; }
input::placeholder, textarea::placeholder { color: var(--muted); opacity: 1; }
input:focus-visible, select:focus-visible, textarea:focus-visible { outline-offset: 0; border-color: var(--focus); }
input[aria-invalid=true] { border-color: var(--err); box-shadow: inset 0 0 0 1px var(--err); }
label { display: block; font-weight: 600; margin-bottom: 4px; }
button { cursor: pointer; border-radius: 6px; border: 1px solid var(--border-strong); background: var(--panel); padding: 8px 14px; min-height: 40px; font-weight: 600; }
button:hover:not(:disabled) { border-color: var(--accent); }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-text); }
button.primary:hover:not(:disabled) { filter: brightness(1.08); }
button:disabled { cursor: not-allowed; opacity: .55; }
button.link { border: 0; background: none; padding: 0 2px; min-height: 0; color: var(--accent); font-weight: 600; text-decoration: underline; text-underline-offset: 2px; }

.top { display: flex; flex-wrap: wrap; gap: 10px 24px; align-items: center; justify-content: space-between; padding: 12px 24px; background: var(--panel); border-bottom: 1px solid var(--border); }
.brand { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 14px; }
.brand .mark { display: inline-block; width: 10px; height: 10px; border-radius: 3px; background: var(--accent); margin-right: 8px; vertical-align: 1px; }
#lib-status { font-size: .85rem; }
.agent { display: flex; align-items: center; gap: 8px; }
.agent label { margin: 0; font-size: .85rem; white-space: nowrap; }
.agent input { width: 12rem; min-height: 34px; padding: 5px 8px; }

.banner { margin: 16px 24px 0; padding: 10px 14px; border-radius: var(--radius); border: 1px solid var(--warn); background: var(--warn-soft); color: var(--text); }
.token { margin: 16px 24px 0; padding: 16px; border: 2px solid var(--accent); border-radius: var(--radius); background: var(--panel); max-width: 640px; }
.token h2 { font-size: 1.05rem; margin-bottom: 4px; }
.token p { margin: 0 0 10px; }
.token .row { display: flex; gap: 8px; align-items: flex-end; flex-wrap: wrap; }
.token .row > div { flex: 1 1 240px; }
.token .error { color: var(--err); font-weight: 600; margin: 8px 0 0; }

.layout { display: grid; grid-template-columns: minmax(280px, 360px) minmax(0, 1fr); gap: 20px; max-width: 1280px; margin: 0 auto; padding: 20px 24px 32px; align-items: start; }
.panel { background: var(--panel); border: 1px solid var(--border); border-radius: var(--radius); }
.finder { padding: 16px; position: sticky; top: 12px; display: flex; flex-direction: column; gap: 12px; max-height: calc(100vh - 92px); min-height: 420px; }
.finder label kbd { margin-left: 6px; font-weight: 400; }
.search-row { display: grid; grid-template-columns: 1fr; gap: 12px; }
#result-count { margin: 0; font-size: .85rem; }
#results { list-style: none; margin: 0 -6px; padding: 2px 6px 6px; overflow-y: auto; min-height: 120px; flex: 1 1 auto; }
#results li { padding: 9px 10px; border-radius: 6px; border: 1px solid transparent; cursor: pointer; margin-bottom: 2px; }
#results li:hover { background: var(--accent-soft); }
#results li.active { border-color: var(--focus); box-shadow: 0 0 0 1px var(--focus); }
#results li.active[aria-selected=true] { box-shadow: 0 0 0 1px var(--focus), inset 4px 0 0 var(--accent); }
#results li[aria-selected=true] { background: var(--accent-soft); box-shadow: inset 4px 0 0 var(--accent); }
.r-title { display: block; font-weight: 600; }
.r-id { display: block; font-family: var(--mono); font-size: .78rem; color: var(--muted); overflow-wrap: anywhere; }
.r-ch { display: block; font-size: .78rem; color: var(--muted); }
.keys { font-size: .8rem; color: var(--muted); margin: 0; border-top: 1px solid var(--border); padding-top: 10px; }
.keys kbd { font-size: .72rem; }

.reply { padding: 20px 22px 22px; min-width: 0; }
.empty { padding: 28px 8px; text-align: center; color: var(--muted); }
.empty p { margin: 6px 0; }
.reply-head { display: flex; flex-direction: column; gap: 6px; padding-bottom: 14px; border-bottom: 1px solid var(--border); }
.meta { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: .85rem; color: var(--muted); margin: 0; align-items: center; }
.meta .mono { overflow-wrap: anywhere; }
.chip { display: inline-block; padding: 1px 8px; border-radius: 999px; background: var(--bg); border: 1px solid var(--border); font-size: .78rem; color: var(--text); }
.section { margin-top: 18px; }
.channel-row { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; }
.channel-row select { flex: 1 1 260px; max-width: 440px; }
.vis { display: inline-flex; align-items: center; gap: 6px; padding: 4px 10px; border-radius: 999px; font-size: .82rem; font-weight: 600; }
.vis.public { background: var(--public-soft); color: var(--public); }
.vis.private { background: var(--private-soft); color: var(--private); }
.vis::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: currentColor; }
.note { margin: 8px 0 0; padding: 8px 12px; border-radius: 6px; background: var(--warn-soft); color: var(--text); border-left: 4px solid var(--warn-bar); }

fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
legend { float: left; padding: 0; margin: 0 0 10px; font-size: .8rem; font-weight: 650; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.clear-values { float: right; font-size: .85rem; margin-bottom: 10px; }
.fields { clear: both; display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 14px 16px; }
.field .name { display: block; font-family: var(--mono); font-size: .76rem; font-weight: 400; color: var(--muted); overflow-wrap: anywhere; }
.field .req { font-size: .72rem; font-weight: 600; color: var(--muted); margin-left: 6px; text-transform: uppercase; letter-spacing: .03em; }
.field .hint { display: block; font-size: .8rem; color: var(--muted); margin-top: 4px; min-height: 1.1em; }
.field.needed .hint, .field .hint.bad { color: var(--err); font-weight: 600; }
.auto { margin: 12px 0 0; font-size: .85rem; color: var(--muted); }
.auto .chip { font-family: var(--mono); }
.needed-line { margin: 14px 0 0; padding: 10px 12px; border-radius: 6px; background: var(--err-soft); color: var(--text); border-left: 4px solid var(--err); }
.needed-line strong { color: var(--err); }
.needed-line button.link { color: var(--err); font-family: var(--mono); font-size: .9em; }

.output { margin-top: 20px; border: 1px solid var(--border); border-radius: var(--radius); overflow: hidden; }
.out-head { display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; justify-content: space-between; padding: 10px 14px; border-bottom: 1px solid var(--border); background: var(--bg); }
.counter { margin: 0; font-variant-numeric: tabular-nums; font-size: .9rem; }
.counter .num { font-weight: 700; font-size: 1rem; }
.counter .state { margin-left: 6px; font-weight: 600; }
.counter.near .num, .counter.near .state { color: var(--warn); }
.counter.over .num, .counter.over .state { color: var(--err); }
.meter { height: 4px; background: var(--border); }
.meter > div { height: 100%; width: 0; background: var(--ok); transition: width .15s ease; }
.meter.near > div { background: var(--warn-bar); }
.meter.over > div { background: var(--err); }
.text { padding: 16px; min-height: 92px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1rem; line-height: 1.55; background: var(--panel); }
.text.placeholder { color: var(--muted); font-style: italic; }
.text.failed { color: var(--err); font-style: normal; }
.text.stale { opacity: .6; }
.actions { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; padding: 10px 14px; border-top: 1px solid var(--border); background: var(--bg); }
.actions .hint { font-size: .8rem; color: var(--muted); }
#copy-status { font-weight: 600; color: var(--ok); font-size: .9rem; }

.findings { list-style: none; margin: 8px 0 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.findings li { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; align-items: baseline; padding: 8px 12px; border: 1px solid var(--border); border-radius: 6px; }
.findings .rule { grid-column: 2; font-family: var(--mono); font-size: .76rem; color: var(--muted); }
.findings li.none { display: block; color: var(--ok); border-style: dashed; }
.findings li.none.waiting { color: var(--muted); }
.sev { font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: 1px 7px; border-radius: 4px; }
.sev.error { background: var(--err-soft); color: var(--err); }
.sev.warning { background: var(--warn-soft); color: var(--warn); }
.sev.info { background: var(--info-soft); color: var(--info); }

details { margin-top: 18px; border-top: 1px solid var(--border); padding-top: 12px; }
summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
summary .muted { font-weight: 400; }
pre.template { margin: 10px 0 0; padding: 12px; background: var(--bg); border: 1px solid var(--border); border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; font-family: var(--mono); font-size: .82rem; }
.check { margin-top: 20px; padding: 14px 22px 18px; }
.check details { margin: 0; border: 0; padding: 0; }
.check .grid { display: grid; grid-template-columns: 1fr minmax(180px, 260px); gap: 12px 16px; margin-top: 12px; align-items: start; }
.check .result { margin-top: 12px; }
.right-col { min-width: 0; }

@media (max-width: 860px) {
  .layout { grid-template-columns: minmax(0, 1fr); padding: 12px; gap: 12px; }
  .finder { position: static; max-height: none; }
  #results { max-height: 42vh; }
  .top { padding: 10px 12px; }
  .banner, .token { margin: 12px 12px 0; }
  .reply { padding: 16px 14px; }
  .check { padding: 12px 14px 14px; }
  .check .grid { grid-template-columns: 1fr; }
}
@media (max-width: 480px) {
  .agent { width: 100%; }
  .agent input { flex: 1 1 auto; width: auto; min-width: 0; }
  .fields { grid-template-columns: 1fr; }
  .keys, #copy-hint { display: none; }
}
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
"""#

    static let javascript: String = #"""
"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var TOKEN_KEY = "replylint.token";
  var AGENT_KEY = "replylint.agentId";
  var AGENT_VALUES_KEY = "replylint.agentValues";
  var RESERVED = { reply: 1, channel: 1, q: 1 };
  var UNIT_NAMES = { weighted: "weighted characters", characters: "characters", bytes: "bytes", segments: "SMS segments", none: "" };
  var UNIT_HELP = {
    weighted: "X's count: every link counts as 23, most emoji and CJK characters as 2",
    bytes: "UTF-8 bytes: accented letters and emoji take more than one",
    segments: "SMS parts: 160 plain characters each (153 when split), 70 with emoji or non-Latin letters"
  };

  var state = {
    channels: {},          // id -> channel
    channelOrder: [],
    results: [],
    active: -1,            // highlighted option in the result list
    reply: null,           // the open reply (GET /v1/replies/{id})
    values: {},            // placeholder values typed so far, shared across replies
    rendered: null,        // text of the last successful render for the current inputs
    renderSeq: 0, renderTimer: 0, renderAbort: null,
    searchSeq: 0, searchTimer: 0,
    checkSeq: 0, checkTimer: 0,
    generation: null,
    tokenWaiters: null
  };

  // ---- small helpers ---------------------------------------------------------------------
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) for (var key in props) {
      if (key === "text") node.textContent = props[key];
      else if (key === "className") node.className = props[key];
      else node.setAttribute(key, props[key]);
    }
    (children || []).forEach(function (child) { if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child); });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function storageGet(store, key) { try { return store.getItem(key); } catch (e) { return null; } }
  function storageSet(store, key, value) { try { if (value === null || value === "") store.removeItem(key); else store.setItem(key, value); } catch (e) {} }
  function replyPath(id) { return "/v1/replies/" + id.split("/").map(encodeURIComponent).join("/"); }
  function number(n) { return typeof n === "number" ? n.toLocaleString("en-US") : String(n); }
  function friendly(name) {
    var words = name.replace(/[._-]+/g, " ").trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  function codePoints(text) { return Array.from(text).length; }
  // Header values must be Latin-1: keep printable ASCII so fetch never throws on an agent id.
  function cleanAgentId(text) { return text.replace(/[^\x20-\x7e]/g, "").trim().slice(0, 64); }
  function isAgentValue(name) { return name.indexOf("agent.") === 0; }

  // ---- the API -------------------------------------------------------------------------------
  function ApiError(status, message, data) { this.status = status; this.message = message; this.data = data || {}; }

  function askForToken(message) {
    if (state.tokenWaiters) return state.tokenWaiters.promise;
    var waiter = {};
    waiter.promise = new Promise(function (resolve) { waiter.resolve = resolve; });
    state.tokenWaiters = waiter;
    var form = $("token-form"), error = $("token-error");
    form.hidden = false;
    error.hidden = !message;
    error.textContent = message || "";
    $("token-input").value = "";
    $("token-input").focus();
    return waiter.promise;
  }
  $("token-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var token = $("token-input").value.trim();
    if (!token) { $("token-error").hidden = false; $("token-error").textContent = "Enter the token to continue."; $("token-input").focus(); return; }
    storageSet(sessionStorage, TOKEN_KEY, token);
    $("token-form").hidden = true;
    var waiter = state.tokenWaiters;
    state.tokenWaiters = null;
    if (waiter) waiter.resolve();
    $("q").focus();
  });

  async function api(method, path, body, signal) {
    for (;;) {
      var headers = { "Accept": "application/json" };
      if (body !== undefined) headers["Content-Type"] = "application/json";
      var token = storageGet(sessionStorage, TOKEN_KEY);
      if (token) headers["Authorization"] = "Bearer " + token;
      var agent = cleanAgentId($("agent-id").value);
      if (agent) headers["X-Agent-Id"] = agent;
      var response;
      try {
        response = await fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body), signal: signal, cache: "no-store", credentials: "same-origin" });
      } catch (error) {
        if (error && error.name === "AbortError") throw error;
        throw new ApiError(0, "The ReplyLint server did not answer. Is replylint serve still running?");
      }
      var data = null;
      try { data = await response.json(); } catch (e) { data = null; }
      if (response.status === 401) {
        if (token) storageSet(sessionStorage, TOKEN_KEY, null);
        await askForToken(token ? "That token was not accepted. Check it and try again." : null);
        continue;
      }
      if (!response.ok) throw new ApiError(response.status, (data && data.error) || ("The server answered " + response.status + "."), data);
      return data;
    }
  }

  function showBanner(message) {
    var banner = $("banner");
    banner.hidden = !message;
    banner.textContent = message || "";
  }

  // ---- library status ------------------------------------------------------------------------
  async function refreshHealth() {
    try {
      var response = await fetch("/healthz", { cache: "no-store" });
      var health = await response.json();
      var parts = [number(health.replies) + " replies"];
      if (health.loadedAt) {
        var when = new Date(health.loadedAt);
        if (!isNaN(when)) parts.push("updated " + when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
      }
      $("lib-status").textContent = parts.join(" · ");
      showBanner(health.status === "degraded"
        ? "The saved replies changed on the server but could not be loaded, so this page shows the last good version. Tell whoever maintains the library: " + (health.reloadError || "no details given.")
        : null);
      var changed = state.generation !== null && health.generation !== state.generation;
      state.generation = health.generation;
      if (changed) {
        search();
        if (state.reply) openReply(state.reply.id, { keepChannel: true });
      }
    } catch (e) {
      $("lib-status").textContent = "Server not reachable";
    }
  }

  // ---- channels ------------------------------------------------------------------------------
  function channelLabel(id) {
    var channel = state.channels[id];
    return channel ? id + " — " + channel.platform : id;
  }
  async function loadChannels() {
    try {
      var data = await api("GET", "/v1/channels");
      (data.channels || []).forEach(function (channel) { state.channels[channel.id] = channel; state.channelOrder.push(channel.id); });
    } catch (e) { /* labels fall back to ids */ }
    [$("filter-channel"), $("check-channel")].forEach(function (select) {
      state.channelOrder.forEach(function (id) { select.appendChild(el("option", { value: id, text: channelLabel(id) })); });
    });
  }

  // ---- search --------------------------------------------------------------------------------
  function scheduleSearch() { clearTimeout(state.searchTimer); state.searchTimer = setTimeout(search, 120); }
  async function search() {
    var seq = ++state.searchSeq;
    var params = new URLSearchParams();
    var q = $("q").value.trim();
    if (q) params.set("q", q);
    if ($("filter-channel").value) params.set("channel", $("filter-channel").value);
    params.set("limit", "100");
    try {
      var data = await api("GET", "/v1/replies?" + params.toString());
      if (seq !== state.searchSeq) return;
      state.results = data.replies || [];
      var count = typeof data.count === "number" ? data.count : state.results.length;
      $("result-count").textContent = count === 0
        ? (q ? "No replies match “" + q + "”." : "No replies for this channel.")
        : count + (count === 1 ? " reply" : " replies") + (q ? " match “" + q + "”" : "");
      state.active = state.results.length && q ? 0 : -1;
      drawResults();
    } catch (error) {
      if (seq !== state.searchSeq) return;
      state.results = [];
      drawResults();
      $("result-count").textContent = error.message;
    }
  }
  function drawResults() {
    var list = $("results");
    clear(list);
    $("q").setAttribute("aria-expanded", state.results.length ? "true" : "false");
    state.results.forEach(function (reply, index) {
      var open = state.reply && state.reply.id === reply.id;
      var item = el("li", { id: "opt-" + index, role: "option", "aria-selected": open ? "true" : "false" }, [
        el("span", { className: "r-title", text: reply.title || reply.id }),
        el("span", { className: "r-id", text: reply.id }),
        el("span", { className: "r-ch", text: (reply.channels || []).join(", ") })
      ]);
      item.addEventListener("mousedown", function (event) { event.preventDefault(); });
      item.addEventListener("click", function () { setActive(index); openReply(reply.id, { focus: true }); });
      list.appendChild(item);
    });
    setActive(state.active);
    var open = list.querySelector("[aria-selected=true]");
    if (open && state.active < 0) scrollIntoList(open);
  }
  function setActive(index) {
    var items = $("results").children;
    if (state.active >= 0 && items[state.active]) items[state.active].classList.remove("active");
    state.active = index;
    var id = index >= 0 && items[index] ? "opt-" + index : "";
    ["q", "results"].forEach(function (owner) {
      if (id) $(owner).setAttribute("aria-activedescendant", id); else $(owner).removeAttribute("aria-activedescendant");
    });
    if (id) { items[index].classList.add("active"); scrollIntoList(items[index]); }
  }
  // Scrolls only the list, never the page: on a phone the list sits above the reply being edited.
  function scrollIntoList(item) {
    var list = $("results"), outer = list.getBoundingClientRect(), inner = item.getBoundingClientRect();
    if (inner.top < outer.top) list.scrollTop -= outer.top - inner.top + 4;
    else if (inner.bottom > outer.bottom) list.scrollTop += inner.bottom - outer.bottom + 4;
  }
  function listKeys(event) {
    var count = state.results.length;
    var key = event.key;
    if (key === "ArrowDown" || key === "ArrowUp") {
      if (!count) return;
      event.preventDefault();
      var next = state.active < 0 ? (key === "ArrowDown" ? 0 : count - 1) : state.active + (key === "ArrowDown" ? 1 : -1);
      setActive(Math.max(0, Math.min(count - 1, next)));
    } else if ((key === "Home" || key === "End") && event.currentTarget.id === "results") {
      if (!count) return;
      event.preventDefault();
      setActive(key === "Home" ? 0 : count - 1);
    } else if (key === "Enter" || (key === " " && event.currentTarget.id === "results")) {
      var index = state.active >= 0 ? state.active : (count ? 0 : -1);
      if (index < 0) return;
      event.preventDefault();
      setActive(index);
      openReply(state.results[index].id, { focus: true });
    } else if (key === "Escape" && event.currentTarget.id === "q" && $("q").value) {
      event.preventDefault();
      $("q").value = "";
      search();
    }
  }
  $("q").addEventListener("input", scheduleSearch);
  $("q").addEventListener("keydown", listKeys);
  $("results").addEventListener("keydown", listKeys);
  $("results").addEventListener("focus", function () { if (state.active < 0 && state.results.length) setActive(0); });
  $("filter-channel").addEventListener("change", search);

  // ---- one reply -----------------------------------------------------------------------------
  var openSeq = 0;
  async function openReply(id, options) {
    options = options || {};
    var seq = ++openSeq;
    var reply;
    try {
      reply = await api("GET", replyPath(id));
    } catch (error) {
      if (seq !== openSeq) return;
      state.reply = null;
      $("empty").hidden = true;
      $("reply-body").hidden = true;
      $("reply-error").hidden = false;
      $("reply-error-text").textContent = error.message;
      drawResults();
      return;
    }
    if (seq !== openSeq) return;
    var previousChannel = $("channel").value;
    state.reply = reply;
    $("empty").hidden = true;
    $("reply-error").hidden = true;
    $("reply-body").hidden = false;
    $("reply-title").textContent = reply.title || reply.id;

    var meta = $("reply-meta");
    clear(meta);
    meta.appendChild(el("span", { className: "mono", text: reply.id }));
    if (reply.faq) meta.appendChild(el("span", {}, ["FAQ: ", el("span", { className: "mono", text: reply.faq })]));
    (reply.tags || []).forEach(function (tag) { meta.appendChild(el("span", { className: "chip", text: tag })); });
    if (reply.locale) meta.appendChild(el("span", { text: reply.locale }));

    // Channels: only those the reply declares. A requested channel it does not declare is not
    // swapped for another silently: the agent chooses.
    var select = $("channel");
    clear(select);
    var declared = reply.channels || [];
    var wanted = options.channel !== undefined ? options.channel : null;
    var choice = null, note = null;
    if (wanted && declared.indexOf(wanted) >= 0) choice = wanted;
    else if (wanted) note = "This reply is not written for " + channelLabel(wanted) + ". Choose one of its channels.";
    else if (options.keepChannel && declared.indexOf(previousChannel) >= 0) choice = previousChannel;
    else if (declared.indexOf($("filter-channel").value) >= 0) choice = $("filter-channel").value;
    else if (declared.indexOf(previousChannel) >= 0) choice = previousChannel;
    else if (declared.length) choice = declared[0];
    if (!choice) select.appendChild(el("option", { value: "", text: "Choose a channel…" }));
    declared.forEach(function (channelID) {
      var channel = state.channels[channelID];
      var label = channelLabel(channelID) + (channel ? ", " + channel.visibility : "");
      select.appendChild(el("option", { value: channelID, text: label }));
    });
    select.value = choice || "";
    $("channel-note").hidden = !note;
    $("channel-note").textContent = note || "";
    drawVisibility();

    drawFields(reply);
    drawLibraryFindings(reply);
    updateURL();
    drawResults();
    renderNow();
    if (options.focus) {
      var first = firstEmptyField();
      (first || select).focus();
    }
  }

  function drawVisibility() {
    var badge = $("visibility");
    var channel = state.channels[$("channel").value];
    if (!channel) { badge.hidden = true; return; }
    badge.hidden = false;
    var isPublic = channel.visibility === "public";
    badge.className = "vis " + (isPublic ? "public" : "private");
    badge.textContent = isPublic ? "Public: anyone can see it" : "Private message";
  }

  function drawFields(reply) {
    var fields = $("fields");
    clear(fields);
    var asked = [], auto = [];
    (reply.placeholders || []).forEach(function (placeholder) { (placeholder.provided ? auto : asked).push(placeholder); });
    asked.forEach(function (placeholder, index) {
      var id = "v-" + index, hintID = id + "-hint";
      var input = el("input", { id: id, type: "text", autocomplete: "off", spellcheck: "false", "aria-describedby": hintID });
      input.dataset.name = placeholder.name;
      if (placeholder.example) input.placeholder = "e.g. " + placeholder.example;
      if (placeholder.required) input.setAttribute("aria-required", "true");
      input.value = state.values[placeholder.name] || "";
      var label = el("label", { "for": id }, [
        friendly(placeholder.name) + " ",
        placeholder.required ? null : el("span", { className: "req", text: "optional" }),
        el("span", { className: "name", text: placeholder.name })
      ]);
      var hint = el("span", { id: hintID, className: "hint" });
      var field = el("div", { className: "field" }, [label, input, hint]);
      field.dataset.name = placeholder.name;
      input.addEventListener("input", function () {
        state.values[placeholder.name] = input.value;
        if (isAgentValue(placeholder.name)) rememberAgentValues();
        field.classList.remove("needed");
        input.removeAttribute("aria-invalid");
        drawHint(field, placeholder);
        scheduleRender();
      });
      drawHint(field, placeholder);
      fields.appendChild(field);
    });
    $("no-fields").hidden = asked.length > 0;
    var autoLine = $("auto");
    clear(autoLine);
    autoLine.hidden = auto.length === 0;
    if (auto.length) {
      autoLine.appendChild(document.createTextNode("Filled in automatically: "));
      auto.forEach(function (placeholder, index) {
        if (index) autoLine.appendChild(document.createTextNode(" "));
        autoLine.appendChild(el("span", { className: "chip", text: placeholder.name }));
      });
    }
  }

  function drawHint(field, placeholder, needed) {
    var input = field.querySelector("input");
    var hint = field.querySelector(".hint");
    var length = codePoints(input.value);
    hint.classList.remove("bad");
    if (needed) {
      hint.textContent = "Still needed" + (placeholder.example ? " (e.g. " + placeholder.example + ")" : "");
    } else if (placeholder.max && length > placeholder.max) {
      hint.classList.add("bad");
      hint.textContent = length + " / " + placeholder.max + " characters: too long";
    } else if (placeholder.max && length > 0) {
      hint.textContent = length + " / " + placeholder.max + " characters";
    } else {
      var parts = [];
      if (placeholder.example) parts.push("e.g. " + placeholder.example);
      if (placeholder.max) parts.push("up to " + placeholder.max + " characters");
      if (placeholder.personal) parts.push("personal data");
      hint.textContent = parts.join(" · ");
    }
  }

  function firstEmptyField() {
    var inputs = $("fields").querySelectorAll("input");
    for (var i = 0; i < inputs.length; i++) if (!inputs[i].value.trim() && inputs[i].getAttribute("aria-required") === "true") return inputs[i];
    return inputs[0] || null;
  }

  function drawLibraryFindings(reply) {
    $("template").textContent = reply.template || "";
    var diagnostics = reply.diagnostics || [];
    $("template-summary").textContent = "· " + (reply.file || reply.id) +
      (diagnostics.length ? " · " + diagnostics.length + (diagnostics.length === 1 ? " finding in the file" : " findings in the file") : "");
    var list = $("library-findings");
    drawFindingList(list, diagnostics, null);
    list.hidden = diagnostics.length === 0;
  }

  function drawFindingList(list, diagnostics, emptyText) {
    clear(list);
    var order = { error: 0, warning: 1, info: 2 };
    diagnostics.slice().sort(function (a, b) { return (order[a.severity] || 3) - (order[b.severity] || 3); }).forEach(function (d) {
      var where = d.line ? " (line " + d.line + (d.column ? ", column " + d.column : "") + ")" : "";
      list.appendChild(el("li", {}, [
        el("span", { className: "sev " + (d.severity || "info"), text: d.severity || "info" }),
        el("span", { text: d.message || d.rule }),
        el("span", { className: "rule", text: (d.rule || "") + where })
      ]));
    });
    if (!diagnostics.length && emptyText) list.appendChild(el("li", { className: emptyText === WAITING ? "none waiting" : "none", text: emptyText }));
  }

  function rememberAgentValues() {
    var kept = {};
    Object.keys(state.values).forEach(function (name) { if (isAgentValue(name) && state.values[name]) kept[name] = state.values[name]; });
    storageSet(localStorage, AGENT_VALUES_KEY, JSON.stringify(kept));
  }

  $("channel").addEventListener("change", function () {
    $("channel-note").hidden = true;
    var empty = $("channel").querySelector("option[value='']");
    if (empty && $("channel").value) empty.remove();
    drawVisibility();
    updateURL();
    renderNow();
  });
  $("clear-values").addEventListener("click", function () {
    Object.keys(state.values).forEach(function (name) { if (!isAgentValue(name)) delete state.values[name]; });
    if (state.reply) { drawFields(state.reply); renderNow(); var first = firstEmptyField(); if (first) first.focus(); }
  });

  // Only the reply and channel go into the address bar: customer details stay out of history.
  function updateURL() {
    if (!state.reply || !history.replaceState) return;
    var query = "?reply=" + encodeURIComponent(state.reply.id).replace(/%2F/g, "/");
    if ($("channel").value) query += "&channel=" + encodeURIComponent($("channel").value);
    history.replaceState(null, "", location.pathname + query);
  }

  // ---- rendering -----------------------------------------------------------------------------
  function setCopyEnabled(enabled) { $("copy").disabled = !enabled; }

  function scheduleRender() {
    clearTimeout(state.renderTimer);
    state.rendered = null;
    setCopyEnabled(false);
    $("text").classList.add("stale");
    state.renderTimer = setTimeout(render, 150);
  }
  function renderNow() { clearTimeout(state.renderTimer); state.rendered = null; setCopyEnabled(false); render(); }

  function currentVars() {
    var vars = {};
    (state.reply.placeholders || []).forEach(function (placeholder) {
      if (placeholder.provided) return;
      var value = state.values[placeholder.name];
      if (value && value.trim()) vars[placeholder.name] = value;
    });
    return vars;
  }

  var WAITING = "Findings show here once the text is rendered.";
  async function render() {
    if (!state.reply) return;
    var reply = state.reply;
    var channel = $("channel").value;
    if (state.renderAbort) state.renderAbort.abort();
    var seq = ++state.renderSeq;
    if (!channel) {
      showText(null, "Choose a channel to see the text.");
      drawCounter(null);
      drawFindingList($("findings"), [], WAITING);
      markNeeded([]);
      return;
    }
    var abort = typeof AbortController === "function" ? new AbortController() : null;
    state.renderAbort = abort;
    try {
      // A preview while the agent types is not a use; the copy below records the render.
      var request = { channel: channel, vars: currentVars() };
      var result = await api("POST", replyPath(reply.id) + "/render", Object.assign({ record: false }, request), abort ? abort.signal : undefined);
      if (seq !== state.renderSeq) return;
      state.rendered = result.text;
      state.renderedRequest = { path: replyPath(reply.id) + "/render", body: request };
      showText(result.text);
      drawCounter(result.length);
      drawFindingList($("findings"), result.diagnostics || [], "No findings: the text is ready to send.");
      markNeeded([]);
      setCopyEnabled(true);
    } catch (error) {
      if (seq !== state.renderSeq || (error && error.name === "AbortError")) return;
      state.rendered = null;
      setCopyEnabled(false);
      drawCounter(null);
      drawFindingList($("findings"), [], WAITING);
      var missing = error.data && error.data.missing;
      if (error.status === 422 && missing && missing.length) {
        markNeeded(missing);
        showText(null, "Fill in the details above to see the text.");
      } else {
        markNeeded([]);
        showText(null, error.message, true);
      }
    }
  }

  function showText(text, message, failed) {
    var node = $("text");
    node.classList.remove("stale", "placeholder", "failed");
    if (text === null || text === undefined) {
      node.textContent = message || "";
      node.classList.add(failed ? "failed" : "placeholder");
      if (failed) node.classList.add("placeholder");
    } else {
      node.textContent = text;
    }
  }

  function markNeeded(names) {
    var line = $("still-needed");
    clear(line);
    line.hidden = names.length === 0;
    var fields = $("fields").querySelectorAll(".field");
    var byName = {};
    Array.prototype.forEach.call(fields, function (field) {
      byName[field.dataset.name] = field;
      var needed = names.indexOf(field.dataset.name) >= 0;
      field.classList.toggle("needed", needed);
      var input = field.querySelector("input");
      if (needed) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
      var placeholder = (state.reply.placeholders || []).filter(function (p) { return p.name === field.dataset.name; })[0];
      if (placeholder) drawHint(field, placeholder, needed);
    });
    if (!names.length) return;
    line.appendChild(el("strong", { text: "Still needed: " }));
    names.forEach(function (name, index) {
      if (index) line.appendChild(document.createTextNode(", "));
      var field = byName[name];
      if (field) {
        var link = el("button", { type: "button", className: "link", text: name });
        link.addEventListener("click", function () { field.querySelector("input").focus(); });
        line.appendChild(link);
      } else {
        line.appendChild(el("code", { text: name }));
        line.appendChild(document.createTextNode(" (set in the server's configuration)"));
      }
    });
  }

  function counterParts(length) {
    var unit = UNIT_NAMES[length.unit] !== undefined ? UNIT_NAMES[length.unit] : (length.unit || "");
    var hasLimit = typeof length.limit === "number" && length.limit > 0;
    var ratio = hasLimit ? length.value / length.limit : 0;
    var level = !hasLimit ? "" : ratio > 1 ? "over" : ratio > 0.9 ? "near" : "";
    var stateText = level === "over" ? "over the limit by " + number(length.value - length.limit)
      : level === "near" ? "near the limit" : "";
    return {
      num: hasLimit ? number(length.value) + " / " + number(length.limit) : number(length.value),
      unit: unit + (hasLimit ? "" : (unit ? " · " : "") + "no limit"),
      level: level, stateText: stateText, ratio: ratio, hasLimit: hasLimit
    };
  }

  function drawCounterInto(node, length) {
    clear(node);
    node.className = "counter";
    node.removeAttribute("title");
    if (!length) return null;
    var parts = counterParts(length);
    if (parts.level) node.classList.add(parts.level);
    node.appendChild(el("span", { className: "num", text: parts.num }));
    node.appendChild(document.createTextNode(" " + parts.unit));
    if (parts.stateText) node.appendChild(el("span", { className: "state", text: "· " + parts.stateText }));
    if (UNIT_HELP[length.unit]) node.title = UNIT_HELP[length.unit];
    return parts;
  }

  function drawCounter(length) {
    var parts = drawCounterInto($("counter"), length);
    var meter = $("meter");
    meter.className = "meter" + (parts && parts.level ? " " + parts.level : "");
    meter.hidden = !!parts && !parts.hasLimit;
    meter.firstElementChild.style.width = parts && parts.hasLimit ? Math.min(100, parts.ratio * 100).toFixed(1) + "%" : "0";
  }

  // ---- copying -------------------------------------------------------------------------------
  var copyStatusTimer = 0;
  function copyStatus(message) {
    $("copy-status").textContent = message;
    clearTimeout(copyStatusTimer);
    copyStatusTimer = setTimeout(function () { $("copy-status").textContent = ""; }, 4000);
  }
  function copyWithSelection(text) {
    var focused = document.activeElement;
    var area = el("textarea", { readonly: "", "aria-hidden": "true" });
    area.value = text;
    area.style.position = "fixed"; area.style.top = "0"; area.style.left = "-9999px"; area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    if (focused && focused.focus) focused.focus();
    return ok;
  }
  async function copy() {
    var text = state.rendered;
    if (!text || $("copy").disabled) return;
    var ok = false;
    if (navigator.clipboard && window.isSecureContext) {
      try { await navigator.clipboard.writeText(text); ok = true; } catch (e) { ok = false; }
    }
    if (!ok) ok = copyWithSelection(text);
    if (ok) {
      copyStatus("Copied.");
      // Copying is the use: render once more, recorded, for the usage log (the text is the same).
      var used = state.renderedRequest;
      if (used) api("POST", used.path, used.body).catch(function () {});
    }
    else {
      // Last resort: select the text so Ctrl+C works.
      var range = document.createRange();
      range.selectNodeContents($("text"));
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      copyStatus("Press Ctrl+C to copy the selected text.");
    }
  }
  $("copy").addEventListener("click", copy);

  // ---- checking the agent's own text ---------------------------------------------------------
  function scheduleCheck() { clearTimeout(state.checkTimer); state.checkTimer = setTimeout(check, 300); }
  async function check() {
    var seq = ++state.checkSeq;
    var text = $("check-text").value;
    if (!text.trim()) { clear($("check-counter")); clear($("check-findings")); return; }
    var body = { text: text };
    if ($("check-channel").value) body.channel = $("check-channel").value;
    try {
      var result = await api("POST", "/v1/lint", body);
      if (seq !== state.checkSeq) return;
      drawCounterInto($("check-counter"), result.length || null);
      drawFindingList($("check-findings"), result.diagnostics || [], "No findings.");
    } catch (error) {
      if (seq !== state.checkSeq) return;
      clear($("check-counter"));
      clear($("check-findings"));
      $("check-findings").appendChild(el("li", {}, [el("span", { className: "sev error", text: "error" }), el("span", { text: error.message })]));
    }
  }
  $("check-text").addEventListener("input", scheduleCheck);
  $("check-channel").addEventListener("change", check);
  $("check-details").addEventListener("toggle", function () {
    if ($("check-details").open && !$("check-channel").value && $("channel").value) $("check-channel").value = $("channel").value;
  });

  // ---- keyboard shortcuts --------------------------------------------------------------------
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      $("q").focus();
      $("q").select();
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && $("reply").contains(target)) {
      event.preventDefault();
      copy();
    }
  });

  // ---- agent id ------------------------------------------------------------------------------
  $("agent-id").value = storageGet(localStorage, AGENT_KEY) || "";
  $("agent-id").addEventListener("change", function () {
    var cleaned = cleanAgentId($("agent-id").value);
    $("agent-id").value = cleaned;
    storageSet(localStorage, AGENT_KEY, cleaned);
  });
  try {
    var kept = JSON.parse(storageGet(localStorage, AGENT_VALUES_KEY) || "{}");
    Object.keys(kept).forEach(function (name) { if (isAgentValue(name) && typeof kept[name] === "string") state.values[name] = kept[name]; });
  } catch (e) {}

  // ---- start: deep links ?reply=ID&channel=C&customer.first_name=Ana -------------------------
  async function start() {
    var params = new URLSearchParams(location.search);
    params.forEach(function (value, name) { if (!RESERVED[name]) state.values[name] = value; });
    if (params.get("q")) $("q").value = params.get("q");
    refreshHealth();
    await loadChannels();
    var searching = search();
    if (params.get("reply")) await openReply(params.get("reply"), { channel: params.get("channel") || undefined });
    await searching;
    // On a phone the list comes first; a link to a reply should land on the reply.
    if (params.get("reply") && window.matchMedia("(max-width: 860px)").matches) $("reply").scrollIntoView();
    setInterval(function () { if (!document.hidden) refreshHealth(); }, 30000);
  }
  start();
})();
"""#
}
