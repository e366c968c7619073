// textfix review page. Every string from the input is inserted with textContent / text nodes,
// never as HTML. File bodies are built when a file is opened, so the page opens fast.
(function () {
  "use strict";
  var CONTEXT = 3;
  var data = JSON.parse(document.getElementById("textfix-data").textContent);
  var S = data.strings;
  var cleanerClass = {};
  data.cleaners.forEach(function (c, i) { cleanerClass[c] = "c" + (i % 8); });
  var filter = {cleaner: "", rule: "", changed: false};
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
    if (!blank(s)) return s;
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
        span.appendChild(el("span", "badge", rules.join(", ")));
        span.appendChild(el("del", null, original));
      } else if (blank(original) && blank(r[2])) {
        // Symbols for what changed, then the real whitespace so the lines still break as cleaned.
        span.classList.add("ws");
        span.appendChild(el("del", null, visible(original)));
        span.appendChild(el("ins", null, visible(r[2])));
        span.appendChild(document.createTextNode(r[2]));
      } else {
        span.appendChild(el("del", null, visible(original)));
        span.appendChild(el("ins", null, visible(r[2])));
      }
      if (members.some(function (k) { return !f.e[k][5]; })) span.classList.add("has-sg");
    } else {
      span.classList.add("sg");
      span.appendChild(el("span", "so", original));
      span.appendChild(el("span", "sp", r[2] === null ? "?" : visible(r[2])));
    }
    if (members.length > 1) span.appendChild(el("sup", "count", String(members.length)));
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

  function renderBody(view) {
    var f = view.file, fi = view.index, o = f.o;
    var body = view.body;
    body.textContent = "";
    if (!f.r.length) { body.appendChild(el("p", "muted", "No changes.")); return; }
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
  }

  function describe(e) {
    return S[e[0]] + "/" + S[e[1]] + (e[5] ? "" : " (suggestion)") + ": " + S[e[2]] +
      " [" + S[e[3]] + ", confidence " + e[4] + "]";
  }

  function showDetail(fi, ri) {
    var f = data.files[fi], r = f.r[ri];
    detailEl.textContent = "";
    var close = el("button", "close", "\u00d7");
    close.addEventListener("click", function () { detailEl.hidden = true; });
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
       ["round", String(e[10])], ["before", visible(e[8])], ["after", visible(e[9])]].forEach(function (kv) {
        dl.appendChild(el("dt", null, kv[0]));
        dl.appendChild(el("dd", "edit-" + kv[0], kv[1]));
      });
      item.appendChild(dl);
      detailEl.appendChild(item);
    });
    detailEl.hidden = false;
  }

  function regionOf(target) {
    var rg = target && target.closest ? target.closest(".rg") : null;
    return rg && !rg.classList.contains("dim") ? rg : null;
  }
  filesEl.addEventListener("click", function (ev) {
    var rg = regionOf(ev.target);
    if (rg) showDetail(+rg.dataset.file, +rg.dataset.region);
  });
  filesEl.addEventListener("keydown", function (ev) {
    var rg = (ev.key === "Enter" || ev.key === " ") && regionOf(ev.target);
    if (rg) { ev.preventDefault(); showDetail(+rg.dataset.file, +rg.dataset.region); }
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
  ["f-cleaner", "f-rule", "f-changed"].forEach(function (id) {
    document.getElementById(id).addEventListener("change", applyFilter);
  });

  buildList();
  applyFilter();
  window.textfixReadyAt = performance.now();
  document.documentElement.setAttribute("data-ready", "1");
})();
