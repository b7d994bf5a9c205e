(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var files = Array.prototype.slice.call(document.querySelectorAll(".file"));
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=severity]"));
  var rule = form.elements.rule, channel = form.elements.channel, text = form.elements.q;
  var status = document.getElementById("status");
  var noMatch = document.getElementById("no-match");
  var haystacks = findings.map(function (el) {
    var file = el.closest(".file");
    var head = file ? file.querySelector(".file-head").textContent : "";
    return (head + " " + el.textContent).toLowerCase();
  });
  function plural(n) { return n + (n === 1 ? " finding" : " findings"); }
  function apply() {
    var wanted = {};
    boxes.forEach(function (box) { wanted[box.value] = box.checked; });
    var ruleValue = rule.selectedIndex > 0 ? rule.value : null;
    var channelValue = channel.selectedIndex > 0 ? channel.value : null;
    var query = text.value.trim().toLowerCase();
    var shown = 0;
    findings.forEach(function (el, i) {
      var ok = wanted[el.getAttribute("data-severity")] &&
        (ruleValue === null || el.getAttribute("data-rule") === ruleValue) &&
        (channelValue === null || el.getAttribute("data-channel") === channelValue) &&
        (query === "" || haystacks[i].indexOf(query) !== -1);
      el.hidden = !ok;
      if (ok) { shown += 1; }
    });
    files.forEach(function (file) { file.hidden = !file.querySelector(".finding:not([hidden])"); });
    status.textContent = shown === findings.length
      ? "Showing all " + plural(shown) + "."
      : "Showing " + shown + " of " + plural(findings.length) + ".";
    noMatch.hidden = shown !== 0;
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  document.getElementById("clear-filters").addEventListener("click", function () { form.reset(); text.focus(); });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA" || target.isContentEditable);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      text.focus();
    }
  });
  // A name in a chart becomes a shortcut to just those findings.
  var heading = document.getElementById("findings-heading");
  [["rule", rule], ["channel", channel]].forEach(function (pair) {
    var rows = document.querySelectorAll("tr[data-" + pair[0] + "]");
    Array.prototype.forEach.call(rows, function (row) {
      var value = row.getAttribute("data-" + pair[0]);
      var cell = row.querySelector("th");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pick";
      button.title = "Show only " + value;
      while (cell.firstChild) { button.appendChild(cell.firstChild); }
      cell.appendChild(button);
      button.addEventListener("click", function () {
        for (var i = 1; i < pair[1].options.length; i += 1) {
          if (pair[1].options[i].value === value) { pair[1].selectedIndex = i; }
        }
        apply();
        heading.scrollIntoView();
        pair[1].focus();
      });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("details.more-rows"), function (d) { d.open = false; });
  // Folded chart rows belong on paper too.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
  form.hidden = false;
  apply();
})();
