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
    blocking: [],          // its error findings: Copy waits until they are fixed or overridden
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
      var unread = health.unread && health.unread.length ? health.unread : null;
      showBanner(health.status !== "degraded" ? null
        : health.reloadError || !unread
        ? "The saved replies changed on the server but could not be loaded, so this page shows the last good version. Tell whoever maintains the library: " + (health.reloadError || "no details given.")
        : number(health.unreadCount) + (health.unreadCount === 1 ? " file or reply" : " files or replies") + " in the library could not be read within its limits, so they are not offered here. Tell whoever maintains the library: " + unread[0]);
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
      var errors = reply.errors || 0;
      var item = el("li", { id: "opt-" + index, role: "option", "aria-selected": open ? "true" : "false" }, [
        el("span", { className: "r-title", text: reply.title || reply.id }),
        el("span", { className: "r-id", text: reply.id }),
        el("span", { className: "r-ch", text: (reply.channels || []).join(", ") }),
        errors ? el("span", { className: "r-err", text: errors + (errors === 1 ? " error" : " errors") + " in the saved reply" }) : null
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
    closeOverride();
    $("text").classList.add("stale");
    state.renderTimer = setTimeout(render, 150);
  }
  function renderNow() { clearTimeout(state.renderTimer); state.rendered = null; setCopyEnabled(false); closeOverride(); render(); }

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
      drawBlocked([]);
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
      var diagnostics = result.diagnostics || [];
      drawFindingList($("findings"), diagnostics, "No findings: the text is ready to send.");
      markNeeded([]);
      var errors = diagnostics.filter(function (d) { return d.severity === "error"; });
      drawBlocked(errors);
      setCopyEnabled(errors.length === 0);
    } catch (error) {
      if (seq !== state.renderSeq || (error && error.name === "AbortError")) return;
      state.rendered = null;
      setCopyEnabled(false);
      drawCounter(null);
      drawBlocked([]);
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

  // ---- errors block Copy ---------------------------------------------------------------------
  // A privacy or length error in the rendered text stops the copy until the agent changes the
  // values, or overrides it knowingly; the override is recorded in the usage log.
  function drawBlocked(errors) {
    state.blocking = errors;
    var blocked = errors.length > 0;
    $("blocked").hidden = !blocked;
    var meter = $("meter");
    meter.classList.toggle("blocked", blocked);
    if (blocked && meter.hidden) { meter.hidden = false; meter.firstElementChild.style.width = "100%"; }
    var reason = $("blocked-reason");
    clear(reason);
    if (!blocked) { closeOverride(); return; }
    reason.appendChild(el("strong", { text: "Copy is blocked. " }));
    reason.appendChild(document.createTextNode(errors.length === 1
      ? "This text has an error: " + (errors[0].message || errors[0].rule).replace(/[.!]+$/, "") + ". Change the details above, or pick another channel."
      : "This text has " + errors.length + " errors, listed under Findings. Change the details above, or pick another channel."));
  }
  function openOverride() {
    if (!state.blocking.length || !state.rendered) return;
    var count = state.blocking.length;
    $("override-question").textContent = "Copy this text although it has " + (count === 1 ? "this error" : "these " + count + " errors") + "?";
    var list = $("override-errors");
    clear(list);
    state.blocking.forEach(function (d) { list.appendChild(el("li", {}, [d.message || d.rule, " ", el("code", { text: d.rule || "" })])); });
    $("override").hidden = false;
    $("copy-anyway").setAttribute("aria-expanded", "true");
    $("override-cancel").focus();
  }
  function closeOverride() {
    $("override").hidden = true;
    $("copy-anyway").setAttribute("aria-expanded", "false");
  }
  $("copy-anyway").addEventListener("click", function () { if ($("override").hidden) openOverride(); else closeOverride(); });
  $("override-cancel").addEventListener("click", function () { closeOverride(); $("copy-anyway").focus(); });
  $("override-confirm").addEventListener("click", async function () {
    await copy(true);
    closeOverride();
    $("copy-anyway").focus();
  });
  $("override").addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); closeOverride(); $("copy-anyway").focus(); }
  });

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
  // `override === true` only from the confirmation above; a click passes an event.
  async function copy(override) {
    override = override === true;
    var text = state.rendered;
    if (!text) return;
    if (state.blocking.length && !override) { $("copy-anyway").focus(); return; }
    if (!state.blocking.length && $("copy").disabled) return;
    var used = state.renderedRequest;
    if (override) {
      if (!used) return;
      // The override is recorded before the text leaves the page: no record, no copy.
      try {
        await api("POST", used.path, Object.assign({ override: true }, used.body));
      } catch (error) {
        copyStatus("Not copied: the override could not be recorded. " + error.message);
        return;
      }
      if (state.rendered !== text) { copyStatus("Not copied: the text changed while the override was recorded."); return; }
    }
    var ok = false;
    if (navigator.clipboard && window.isSecureContext) {
      try { await navigator.clipboard.writeText(text); ok = true; } catch (e) { ok = false; }
    }
    if (!ok) ok = copyWithSelection(text);
    if (ok) {
      copyStatus(override ? "Copied. The override is recorded in the usage log." : "Copied.");
      // Copying is the use: render once more, recorded, for the usage log (the text is the same).
      if (used && !override) api("POST", used.path, used.body).catch(function () {});
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
