// textfix review page, part 1: building text and struck-through removed runs as DOM nodes.
// Every string from the input is inserted with textContent / text nodes, never as HTML.
// review.js (part 2, the page itself) calls textfixRender once with the page's string table.
function textfixRender(S, FOLD) {
  "use strict";

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

  function keptText(f) {
    return "kept " + percent(f.kept[0]) + " of words, " + f.kept[1] + " of " + f.kept[2] + " prose lines";
  }

  function percent(share) {
    if (share > 0 && share < 0.01) return "<1%";
    var v = Math.round(100 * share);
    return (v === 100 && share < 1 ? 99 : v) + "%";
  }

  return {el: el, blank: blank, visible: visible, symbols: symbols, lineStarts: lineStarts, lineOf: lineOf, isRemovedLines: isRemovedLines, linesOf: linesOf, ruleLines: ruleLines, ruleCounts: ruleCounts, tiles: tiles, struck: struck, renderRemoved: renderRemoved, keptText: keptText, percent: percent};
}
