// textfix review page. Every string from the input is inserted with textContent / text nodes,
// never as HTML. File bodies are built when a file is opened, so the page opens fast.
(function () {
  "use strict";
  var CONTEXT = 3;
  var FOLD = 3;  // a removed run of more lines than this shows as one line until expanded
  var data = JSON.parse(document.getElementById("textfix-data").textContent);
  var S = data.strings;
  var cleanerClass = {};
  data.cleaners.forEach(function (c, i) { cleanerClass[c] = "c" + (i % 8); });
  var filter = {cleaner: "", rule: "", changed: false, lost: false, order: ""};
  var filesEl = document.getElementById("files");
  var detailEl = document.getElementById("detail");
  var views = [];  // per file: {file, el, body, rendered}

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function blank(s) { return s !== null && s !== undefined && !/\S/.test(s); }
  // Whitespace-only changes would be invisible; show them with symbols, on one line.
  // Invisible characters (soft hyphen, zero-width ones) are named, or their removal shows nothing.
  function visible(s) {
    if (s === null || s === undefined) return "";
    s = s.replace(/[\u00ad\u200b-\u200f\u2060\ufeff]/g, function (c) {
      return "\u27e8U+" + ("000" + c.charCodeAt(0).toString(16).toUpperCase()).slice(-4) + "\u27e9";
    });
    if (!blank(s)) {
      // Spaces that matter (at the edges, or two and more) as symbols; a single inner space stays.
      return s.replace(/^[ \t\u00a0]+|[ \t\u00a0]+$| {2,}|[\t\u00a0]/g, symbols);
    }
    return symbols(s);
  }
  function symbols(s) {
    return s.replace(/ /g, "\u2423").replace(/\u00a0/g, "\u237d").replace(/\t/g, "\u21e5")
            .replace(/\r?\n/g, "\u21b5");
  }

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

  function lineStarts(text) {
    var starts = [0], i = text.indexOf("\n");
    while (i !== -1) { starts.push(i + 1); i = text.indexOf("\n", i + 1); }
    return starts;
  }
  function lineOf(starts, offset) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= offset) lo = mid; else hi = mid - 1; }
    return lo;
  }

  function isRemovedLines(f, r) {
    var o = f.o, start = r[0], end = r[1];
    if (r[2] !== "" || end <= start) return false;
    if (start > 0 && o.charAt(start - 1) !== "\n") return false;
    return (end === o.length || o.charAt(end - 1) === "\n") && o.slice(start, end).indexOf("\n") !== -1;
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

  // The lines an edit took: "3-12", or "13" for one line.
  function linesOf(e) {
    var last = e[12] === 1 && e[11] > e[6] ? e[11] - 1 : e[11];
    return last > e[6] ? e[6] + "\u2013" + last : String(e[6]);
  }
  function ruleLines(f, k) {
    var span = linesOf(f.e[k]);
    return S[f.e[k][1]] + (span.indexOf("\u2013") === -1 ? " line " : " lines ") + span;
  }
  // Edits per rule of a merged run, most first: "outside-article 22, navigation-run 20".
  function ruleCounts(f, members) {
    var counts = {}, order = [];
    members.forEach(function (k) {
      var name = S[f.e[k][1]];
      if (!(name in counts)) { counts[name] = 0; order.push(name); }
      counts[name]++;
    });
    order.sort(function (a, b) { return counts[b] - counts[a]; });
    return order.map(function (name) { return name + " " + counts[name]; }).join(", ");
  }
  // The members of a removed run one after another, each its own lines; null if they overlap.
  function tiles(f, r, members) {
    var parts = members.map(function (k) { return [f.e[k][13], f.e[k][14], k]; })
      .sort(function (a, b) { return a[0] - b[0]; });
    var pos = r[0];
    for (var i = 0; i < parts.length; i++) {
      if (parts[i][0] !== pos) return null;
      pos = parts[i][1];
    }
    return pos === r[1] ? parts : null;
  }
  function struck(f, parts, original, r) {
    var frag = document.createDocumentFragment();
    if (!parts) { frag.appendChild(el("del", null, original)); return frag; }
    parts.forEach(function (p) {
      var part = el("span", "part");
      part.appendChild(el("span", "badge", ruleLines(f, p[2])));
      part.appendChild(el("del", null, f.o.slice(p[0], p[1])));
      frag.appendChild(part);
    });
    return frag;
  }

  // Removed lines: short runs struck through with the rule and lines of each edit; a long run
  // (or one several edits made) as one line: its rules, size, first and last line, a toggle.
  function renderRemoved(span, f, r, original) {
    var members = r[3], parts = members.length > 1 ? tiles(f, r, members) : null;
    var lines = original.replace(/\n$/, "").split("\n"), said = lines.filter(function (l) { return /\S/.test(l); });
    if (!said.length) said = [""];
    if (lines.length <= FOLD && (members.length === 1 || parts)) {
      if (members.length === 1) span.appendChild(el("span", "badge", ruleLines(f, members[0])));
      span.appendChild(struck(f, parts, original, r));
      return;
    }
    span.classList.add("folded");
    var head = el("span", "fold");
    head.appendChild(el("span", "badge", members.length === 1 ? ruleLines(f, members[0])
      : ruleCounts(f, members) + " (" + members.length + " edits)"));
    head.appendChild(el("span", "fold-n", lines.length + " lines removed: "));
    head.appendChild(el("del", "fold-first", said[0]));
    if (said.length > 1) {
      head.appendChild(el("span", "fold-dots", " \u2026 "));
      head.appendChild(el("del", "fold-last", said[said.length - 1]));
    }
    var toggle = el("button", "fold-toggle", "show all");
    toggle.type = "button";
    head.appendChild(toggle);
    head.appendChild(document.createTextNode("\n"));
    var all = el("span", "fold-all");
    all.appendChild(members.length === 1 ? el("del", null, original) : struck(f, parts, original, r));
    toggle.addEventListener("click", function (ev) {
      ev.stopPropagation();
      var folded = span.classList.toggle("folded");
      toggle.textContent = folded ? "show all" : "fold";
    });
    span.appendChild(head);
    span.appendChild(all);
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

  function keptText(f) {
    return "kept " + percent(f.kept[0]) + " of words, " + f.kept[1] + " of " + f.kept[2] + " prose lines";
  }
  function percent(share) {
    if (share > 0 && share < 0.01) return "<1%";
    var v = Math.round(100 * share);
    return (v === 100 && share < 1 ? 99 : v) + "%";
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
