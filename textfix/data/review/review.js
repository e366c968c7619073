// textfix review page, part 2: the page (part 1, render.js, builds text nodes). Every string from
// the input is inserted with textContent / text nodes, never as HTML. File bodies are built when a file is opened, so the page opens fast.
(function () {
  "use strict";
  var CONTEXT = 3;
  var FOLD = 3;  // a removed run of more lines than this shows as one line until expanded
  var data = JSON.parse(document.getElementById("textfix-data").textContent);
  var S = data.strings;
  var R = textfixRender(S, FOLD);  // render.js
  var el = R.el, blank = R.blank, visible = R.visible, symbols = R.symbols, lineStarts =
      R.lineStarts, lineOf = R.lineOf, isRemovedLines = R.isRemovedLines, linesOf = R.linesOf,
      ruleLines = R.ruleLines, ruleCounts = R.ruleCounts, tiles = R.tiles, struck = R.struck,
      renderRemoved = R.renderRemoved, keptText = R.keptText, percent = R.percent;
  var cleanerClass = {};
  data.cleaners.forEach(function (c, i) { cleanerClass[c] = "c" + (i % 8); });
  var filter = {cleaner: "", rule: "", changed: false, lost: false, order: ""};
  var filesEl = document.getElementById("files");
  var detailEl = document.getElementById("detail");
  var views = [];  // per file: {file, el, body, rendered}

  function editMatches(e) {
    var c = S[e[0]];
    if (filter.cleaner && c !== filter.cleaner) return false;
    if (filter.rule && c + "/" + S[e[1]] !== filter.rule) return false;
    return true;
  }
  function filtering() { return !!(filter.cleaner || filter.rule); }

  function fileMatches(f) {
    if (filter.changed && !f.ch) return false;
    if (filter.lost && !f.kept[3]) return false;
    if (!filtering()) return true;
    for (var i = 0; i < f.e.length; i++) if (editMatches(f.e[i])) return true;
    return false;
  }

  function renderRegion(f, fi, ri) {
    var r = f.r[ri], members = r[3], applied = false, match = !filtering(), first = null;
    var rules = [];
    members.forEach(function (k) {
      var e = f.e[k];
      if (e[5]) applied = true;
      if (editMatches(e)) { match = true; if (first === null) first = e; }
      var name = S[e[1]];
      if (rules.indexOf(name) === -1) rules.push(name);
    });
    if (first === null) first = f.e[members[0]];
    var original = f.o.slice(r[0], r[1]);
    var span = el("span", "rg " + (cleanerClass[S[first[0]]] || "c0"));
    span.dataset.file = fi; span.dataset.region = ri;
    if (!match) span.classList.add("dim"); else span.tabIndex = 0;
    if (applied) {
      if (isRemovedLines(f, r)) {
        span.classList.add("removed");
        renderRemoved(span, f, r, original);      } else if (blank(original) && blank(r[2])) {
        // Symbols for what changed, then the real whitespace so the lines still break as cleaned.
        span.classList.add("ws");
        span.appendChild(el("del", null, visible(original)));
        span.appendChild(el("ins", null, visible(r[2])));
        span.appendChild(document.createTextNode(r[2]));
      } else {
        // Dimmed by a filter, the change reads as the cleaned text, with no symbols or gaps.
        span.appendChild(el("del", null, visible(original)));
        span.appendChild(el("ins", null, match ? visible(r[2]) : r[2]));
      }
      if (members.some(function (k) { return !f.e[k][5]; })) span.classList.add("has-sg");
    } else {
      span.classList.add("sg");
      span.appendChild(el("span", "so", original));
      span.appendChild(el("span", "sp", r[2] === null ? "?" : visible(r[2])));
    }
    if (members.length > 1 && !span.classList.contains("removed")) {
      var sup = el("sup", "count", String(members.length));
      sup.title = members.length + " edits made this change: click it for each";
      span.appendChild(sup);
    }
    return span;
  }

  function renderRange(f, fi, out, from, to, ri) {
    // Text [from, to) of the original with its regions; ri is the first region at or after `from`.
    var pos = from;
    while (ri < f.r.length && f.r[ri][0] < to) {
      var r = f.r[ri];
      if (r[0] > pos) out.appendChild(document.createTextNode(f.o.slice(pos, r[0])));
      out.appendChild(renderRegion(f, fi, ri));
      pos = Math.max(pos, r[1]);
      ri++;
    }
    if (pos < to) out.appendChild(document.createTextNode(f.o.slice(pos, to)));
    return ri;
  }

  function collapsed(f, fi, from, to, lines) {
    var b = el("button", "gap", "\u22ef " + lines + " unchanged line" + (lines === 1 ? "" : "s"));
    b.addEventListener("click", function () {
      var pre = el("span", "expanded");
      pre.appendChild(document.createTextNode(f.o.slice(from, to)));
      b.replaceWith(pre);
    });
    return b;
  }

  // Accept all, or reject rules: the --ignore line to paste into pyproject.toml.
  function rulesPanel(view) {
    var f = view.file, panel = el("div", "rules-panel"), counts = {}, order = [];
    f.e.forEach(function (e) {
      var rule = S[e[1]];
      if (!(rule in counts)) { counts[rule] = 0; order.push(rule); }
      counts[rule]++;
    });
    if (!order.length) return panel;
    panel.appendChild(el("span", "rules-title", "Rules in this file (untick to reject):"));
    var out = el("pre", "ignore-line"), boxes = [];
    function update() {
      var rejected = boxes.filter(function (b) { return !b.checked; }).map(function (b) { return b.value; });
      view.rejected = rejected;
      out.textContent = rejected.length
        ? "[tool.textfix]\nignore = [" + rejected.map(function (r) { return JSON.stringify(r); }).join(", ") + "]"
          + "\n# or: textfix clean --ignore " + rejected.join(",") + " \u2026"
        : "All accepted: nothing to ignore.";
      view.body.querySelectorAll(".rg").forEach(function (rg) {
        var members = f.r[+rg.dataset.region][3];
        rg.classList.toggle("rejected", members.every(function (k) { return rejected.indexOf(S[f.e[k][1]]) !== -1; }));
      });
    }
    order.sort().forEach(function (rule) {
      var label = el("label", "rule-choice"), box = el("input");
      box.type = "checkbox"; box.value = rule; box.checked = (view.rejected || []).indexOf(rule) === -1;
      box.addEventListener("change", update);
      boxes.push(box);
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + rule + " (" + counts[rule] + ")"));
      panel.appendChild(label);
    });
    var all = el("button", "accept-all", "accept all");
    all.type = "button";
    all.addEventListener("click", function () { boxes.forEach(function (b) { b.checked = true; }); update(); });
    panel.appendChild(all);
    panel.appendChild(out);
    view.updateRules = update;
    return panel;
  }

  function renderBody(view) {
    var f = view.file, fi = view.index, o = f.o;
    var body = view.body;
    body.textContent = "";
    if (f.kept[3]) {
      body.appendChild(el("div", "file-head lost", keptText(f) + ": most of the prose was removed; check the removed runs below."));
    }
    if (!f.r.length) { body.appendChild(el("p", "muted", "No changes.")); return; }
    body.appendChild(rulesPanel(view));
    var starts = lineStarts(o), nlines = starts.length;
    var show = new Uint8Array(nlines);
    f.r.forEach(function (r) {
      var a = lineOf(starts, r[0]), b = lineOf(starts, Math.max(r[0], r[1] - 1));
      for (var l = Math.max(0, a - CONTEXT); l <= Math.min(nlines - 1, b + CONTEXT); l++) show[l] = 1;
    });
    var pre = el("pre", "text"), ri = 0, l = 0;
    function offset(line) { return line < nlines ? starts[line] : o.length; }
    while (l < nlines) {
      var m = l;
      while (m < nlines && show[m] === show[l]) m++;
      var from = offset(l), to = offset(m);
      if (show[l]) {
        pre.appendChild(el("span", "hunk", "@@ line " + (l + 1) + " @@"));
        ri = renderRange(f, fi, pre, from, to, ri);
      } else if (to > from) {
        pre.appendChild(collapsed(f, fi, from, to, m - l));
      }
      l = m;
    }
    body.appendChild(pre);
    view.rendered = true;
    if (view.updateRules) view.updateRules();
  }

  function describe(e) {
    return S[e[0]] + "/" + S[e[1]] + (e[5] ? "" : " (suggestion)") + ": " + S[e[2]] +
      " [" + S[e[3]] + ", confidence " + e[4] + "]";
  }

  function showDetail(fi, ri) {
    var f = data.files[fi], r = f.r[ri];
    detailEl.textContent = "";
    var close = el("button", "close", "\u00d7");
    close.addEventListener("click", closeDetail);
    detailEl.appendChild(close);
    detailEl.appendChild(el("div", "detail-path", f.p));
    r[3].forEach(function (k) {
      var e = f.e[k], item = el("div", "edit " + (e[5] ? "applied" : "suggestion"));
      var head = el("div", "edit-head");
      head.appendChild(el("span", "legend " + (cleanerClass[S[e[0]]] || "c0"), S[e[0]]));
      head.appendChild(el("b", "edit-rule", S[e[1]]));
      head.appendChild(el("span", "edit-kind", e[5] ? "applied" : "suggestion, not applied"));
      item.appendChild(head);
      item.appendChild(el("div", "edit-message", S[e[2]]));
      var dl = el("dl");
      [["safety", S[e[3]]], ["confidence", String(e[4])], ["at", "line " + e[6] + ", column " + e[7]],
       ["round", String(e[10])], ["before", visible(e[8]) || "\u2205"],
       ["after", visible(e[9]) || "\u2205"]].forEach(function (kv) {
        dl.appendChild(el("dt", null, kv[0]));
        dl.appendChild(el("dd", "edit-" + kv[0], kv[1]));
      });
      item.appendChild(dl);
      detailEl.appendChild(item);
    });
    detailEl.hidden = false;
    document.body.classList.add("with-detail");
  }
  function closeDetail() {
    detailEl.hidden = true;
    document.body.classList.remove("with-detail");
  }

  function regionOf(target) {
    var rg = target && target.closest ? target.closest(".rg") : null;
    return rg && !rg.classList.contains("dim") ? rg : null;
  }
  filesEl.addEventListener("click", function (ev) {
    var rg = regionOf(ev.target);
    if (!rg || (ev.target.closest && ev.target.closest("button"))) return;
    if (current) current.classList.remove("current");
    current = rg;
    rg.classList.add("current");
    showDetail(+rg.dataset.file, +rg.dataset.region);
  });
  filesEl.addEventListener("keydown", function (ev) {
    if (ev.target.tagName === "BUTTON") return;  // a fold toggle inside a change acts for itself
    var rg = (ev.key === "Enter" || ev.key === " ") && regionOf(ev.target);
    if (rg) { ev.preventDefault(); showDetail(+rg.dataset.file, +rg.dataset.region); }
  });
  // j / k: the next / previous change in the files shown, opening the next file when needed.
  var current = null;
  function changes() {
    return Array.prototype.filter.call(filesEl.querySelectorAll(".rg:not(.dim)"), function (rg) {
      var d = rg.closest("details.file");
      return d.open && !d.hidden;
    });
  }
  function openNext(step) {
    var shown = views.filter(function (v) { return !v.el.hidden && v.file.r.length; });
    var at = current ? shown.findIndex(function (v) { return v.el.contains(current); }) : -1;
    for (var i = at + step; i >= 0 && i < shown.length; i += step) {
      if (!shown[i].el.open) { shown[i].el.open = true; if (!shown[i].rendered) renderBody(shown[i]); return true; }
    }
    return false;
  }
  function move(step) {
    var list = changes(), i = current ? list.indexOf(current) : -1, next = list[i + step];
    if (!next && openNext(step)) {
      list = changes(); i = current ? list.indexOf(current) : -1;
      next = list[i + step];
    }
    if (!next && i === -1 && list.length) next = list[step > 0 ? 0 : list.length - 1];
    if (!next) return;
    if (current) current.classList.remove("current");
    current = next;
    current.classList.add("current");
    current.focus({preventScroll: true});
    current.scrollIntoView({block: "center"});
    showDetail(+current.dataset.file, +current.dataset.region);
  }
  document.addEventListener("keydown", function (ev) {
    var t = ev.target, tag = t && t.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === "j") { ev.preventDefault(); move(1); }
    else if (ev.key === "k") { ev.preventDefault(); move(-1); }
    else if (ev.key === "Escape") closeDetail();
  });
  filesEl.addEventListener("focusin", function (ev) {
    var rg = regionOf(ev.target);
    if (rg) { if (current) current.classList.remove("current"); current = rg; rg.classList.add("current"); }
  });

  filesEl.addEventListener("mouseover", function (ev) {
    var rg = regionOf(ev.target);
    if (!rg || rg.title) return;
    var f = data.files[+rg.dataset.file];
    rg.title = f.r[+rg.dataset.region][3].map(function (k) { return describe(f.e[k]); }).join("\n");
  });

  function counts(f) {
    var parts = [];
    Object.keys(f.k).forEach(function (c) { parts.push(c + " " + f.k[c]); });
    return parts.join(", ");
  }

  function buildList() {
    var frag = document.createDocumentFragment();
    data.files.forEach(function (f, i) {
      var d = el("details", "file" + (f.ch ? " changed" : " unchanged"));
      var s = el("summary");
      s.appendChild(el("span", "path", f.p));
      s.appendChild(el("span", "file-n", f.n + " edit" + (f.n === 1 ? "" : "s") +
        (f.s ? ", " + f.s + " suggestion" + (f.s === 1 ? "" : "s") : "")));
      if (f.n) s.appendChild(el("span", "muted", counts(f)));
      s.appendChild(el("span", "kept", keptText(f)));
      if (f.kept[3]) s.appendChild(el("span", "lost-badge", "lost most of its prose"));
      if (f.spin !== null) s.appendChild(el("span", "spin-badge", "spin " + f.spin.toFixed(2)));
      d.appendChild(s);
      var body = el("div", "body");
      d.appendChild(body);
      var view = {file: f, index: i, el: d, body: body, rendered: false};
      d.addEventListener("toggle", function () { if (d.open && !view.rendered) renderBody(view); });
      views.push(view);
      frag.appendChild(d);
    });
    filesEl.appendChild(frag);
    if (data.files.length <= 20) views.forEach(function (v) { if (v.file.r.length) v.el.open = true; });
  }

  function applyFilter() {
    filter.cleaner = document.getElementById("f-cleaner").value;
    filter.rule = document.getElementById("f-rule").value;
    filter.changed = document.getElementById("f-changed").checked;
    filter.lost = document.getElementById("f-lost").checked;
    var order = document.getElementById("f-order").value;
    if (order !== filter.order) {
      filter.order = order;
      var sorted = views.slice();
      if (order === "kept") sorted.sort(function (a, b) { return a.file.kept[0] - b.file.kept[0] || a.index - b.index; });
      sorted.forEach(function (v) { filesEl.appendChild(v.el); });
    }
    var shown = 0;
    views.forEach(function (v) {
      var ok = fileMatches(v.file);
      v.el.hidden = !ok;
      if (ok) shown++;
      v.rendered = false;
      if (v.el.open) renderBody(v);
    });
    document.getElementById("shown").textContent = shown + " of " + views.length + " files shown";
  }
  ["f-cleaner", "f-rule", "f-changed", "f-lost", "f-order"].forEach(function (id) {
    document.getElementById(id).addEventListener("change", applyFilter);
  });

  buildList();
  applyFilter();
  window.textfixReadyAt = performance.now();
  document.documentElement.setAttribute("data-ready", "1");
})();
