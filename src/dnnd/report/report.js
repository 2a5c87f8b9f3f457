/* dnnd report: tabs, timeline (zoom, pan, filters), network (focus, drag, filters), article pages.
   Written for dnnd; no library, no network. The page works without it (everything is shown). */
(function () {
  "use strict";
  var doc = document;
  doc.body.classList.add("js");

  function $(id) { return doc.getElementById(id); }
  function all(root, sel) { return Array.prototype.slice.call((root || doc).querySelectorAll(sel)); }

  /* ---------------------------------------------------------------- tabs and pages */
  var tabs = all(doc, "section.tab");
  function route() {
    var id = decodeURIComponent(location.hash.slice(1)) || "overview";
    var target = $(id);
    var tab = target && target.closest ? target.closest("section.tab") : null;
    if (!tab) { tab = $("overview"); }
    tabs.forEach(function (s) { s.classList.toggle("active", s === tab); });
    all(doc, "nav a").forEach(function (a) { a.classList.toggle("current", a.getAttribute("href") === "#" + tab.id); });
    var page = target && target.classList.contains("page") ? target : null;
    all(doc, "article.page").forEach(function (p) { p.classList.toggle("current", p === page); });
    var articles = $("articles");
    if (articles) { articles.classList.toggle("reading", !!page); }
    // an article is read from the top of the page (the list is hidden); a document is scrolled to
    if (target && target !== tab && !page) { target.scrollIntoView(); } else { window.scrollTo(0, 0); }
  }
  window.addEventListener("hashchange", route);
  window.addEventListener("load", function () { setTimeout(route, 0); });  // after the browser's own jump
  route();

  /* ---------------------------------------------------------------- timeline */
  var svg = $("tl-svg");
  if (svg) {
    var NS = "http://www.w3.org/2000/svg";
    var marks = all(svg, ".mark");
    var rows = all(doc, "#tl-table tr.tl-row");
    var d0 = +svg.dataset.d0, d1 = +svg.dataset.d1;
    var left = +svg.dataset.left, right = +svg.dataset.right, width = +svg.dataset.width;
    var axis = $("tl-axis"), axisY = +axis.dataset.y;
    var view = [d0, d1];
    var kindSel = $("tl-kind"), provSel = $("tl-province"), countEl = $("tl-count");

    var x = function (day) { return left + (day - view[0]) / (view[1] - view[0]) * (width - left - right); };
    var dayAt = function (px) { return view[0] + (px - left) / (width - left - right) * (view[1] - view[0]); };
    var pad2 = function (n) { return (n < 10 ? "0" : "") + n; };
    var dateOf = function (day) { return new Date(day * 86400000); };

    var ticks = function () {
      var out = [], span = view[1] - view[0], a = dateOf(view[0]), b = dateOf(view[1]), y, m, d, step;
      if (span > 4 * 365) {
        step = Math.max(1, Math.ceil((b.getUTCFullYear() - a.getUTCFullYear()) / 10));
        for (y = a.getUTCFullYear() + 1; y <= b.getUTCFullYear(); y++) {
          if (y % step === 0) { out.push([Date.UTC(y, 0, 1) / 86400000, String(y)]); }
        }
      } else if (span > 60) {
        step = Math.max(1, Math.ceil(span / 30 / 10));
        y = a.getUTCFullYear(); m = a.getUTCMonth();
        for (;;) {
          m += 1; if (m > 11) { y += 1; m = 0; }
          d = Date.UTC(y, m, 1) / 86400000;
          if (d > view[1]) { break; }
          if (m % step === 0) { out.push([d, y + "-" + pad2(m + 1)]); }
        }
      } else {
        step = Math.max(1, Math.floor(span / 8));
        for (d = Math.ceil(view[0]) + 1; d < view[1]; d += step) { out.push([d, dateOf(d).toISOString().slice(0, 10)]); }
      }
      return out;
    };

    var drawAxis = function () {
      while (axis.firstChild) { axis.removeChild(axis.firstChild); }
      ticks().forEach(function (t) {
        var px = x(t[0]);
        var line = doc.createElementNS(NS, "line");
        line.setAttribute("class", "tick");
        line.setAttribute("x1", px); line.setAttribute("x2", px);
        line.setAttribute("y1", 20); line.setAttribute("y2", axisY + 4);
        var text = doc.createElementNS(NS, "text");
        text.setAttribute("class", "tick-label");
        text.setAttribute("x", px); text.setAttribute("y", axisY + 18);
        text.textContent = t[1];
        axis.appendChild(line); axis.appendChild(text);
      });
    };

    var count = function () {
      var shown = marks.filter(function (m) {
        return !m.classList.contains("filtered") && !m.classList.contains("out");
      }).length;
      countEl.textContent = shown + " of " + marks.length + " events shown";
      svg.dataset.shown = String(shown);
    };

    var redraw = function () {
      marks.forEach(function (m) {
        var a = +m.dataset.day, b = +m.dataset.end;
        m.querySelector("circle").setAttribute("cx", x(a));
        var bar = m.querySelector(".span");
        if (bar) { bar.setAttribute("x", x(a)); bar.setAttribute("width", Math.max(0, x(b) - x(a))); }
        m.classList.toggle("out", b < view[0] || a > view[1]);
      });
      drawAxis();
      count();
    };

    var filter = function () {
      var k = kindSel.value, p = provSel.value;
      var keep = function (el) { return (!k || el.dataset.kind === k) && (!p || el.dataset.province === p); };
      marks.forEach(function (m) { m.classList.toggle("filtered", !keep(m)); });
      rows.forEach(function (r) { r.classList.toggle("filtered", !keep(r)); });
      count();
    };

    var zoom = function (factor, centre) {
      var c = centre === undefined ? (view[0] + view[1]) / 2 : centre;
      var lo = c - (c - view[0]) * factor, hi = c + (view[1] - c) * factor;
      if (hi - lo < 3) { return; }
      view = [lo, hi];
      redraw();
    };

    var toSvgX = function (evt) {
      var box = svg.getBoundingClientRect();
      return (evt.clientX - box.left) / box.width * width;
    };

    kindSel.addEventListener("change", filter);
    provSel.addEventListener("change", filter);
    $("tl-zoom-in").addEventListener("click", function () { zoom(0.5); });
    $("tl-zoom-out").addEventListener("click", function () { zoom(2); });
    $("tl-reset").addEventListener("click", function () { view = [d0, d1]; redraw(); });
    svg.addEventListener("wheel", function (evt) {
      evt.preventDefault();
      zoom(evt.deltaY < 0 ? 0.8 : 1.25, dayAt(toSvgX(evt)));
    }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (evt) {
      drag = { px: toSvgX(evt), view: view.slice() };
    });
    window.addEventListener("pointermove", function (evt) {
      if (!drag) { return; }
      var shift = (toSvgX(evt) - drag.px) / (width - left - right) * (drag.view[1] - drag.view[0]);
      view = [drag.view[0] - shift, drag.view[1] - shift];
      redraw();
    });
    window.addEventListener("pointerup", function () { drag = null; });
    marks.forEach(function (m) {
      m.addEventListener("click", function () {
        marks.forEach(function (o) { o.classList.toggle("selected", o === m); });
        rows.forEach(function (r) {
          var hit = r.dataset.id === m.dataset.id;
          r.classList.toggle("selected", hit);
          if (hit) { r.scrollIntoView({ block: "nearest" }); }
        });
      });
    });
    redraw();
  }

  /* ---------------------------------------------------------------- network */
  var net = $("nw-svg");
  if (net) {
    var nodes = all(net, ".node"), edges = all(net, ".edge");
    var byId = {};
    nodes.forEach(function (n) { byId[n.dataset.id] = n; });
    var info = $("nw-info"), netCount = $("nw-count");
    var countNodes = function () {
      var shown = nodes.filter(function (n) { return !n.classList.contains("filtered"); }).length;
      netCount.textContent = shown + " of " + nodes.length + " entities shown";
      net.dataset.shown = String(shown);
    };
    var filterNodes = function () {
      var want = { organisation: $("nw-organisation").checked, person: $("nw-person").checked };
      nodes.forEach(function (n) { n.classList.toggle("filtered", !want[n.dataset.kind]); });
      edges.forEach(function (e) {
        var off = byId[e.dataset.source].classList.contains("filtered") ||
          byId[e.dataset.target].classList.contains("filtered");
        e.classList.toggle("filtered", off);
      });
      countNodes();
    };
    var focus = function (n) {
      net.classList.toggle("focus", !!n);
      nodes.forEach(function (o) { o.classList.remove("near"); });
      edges.forEach(function (e) { e.classList.remove("near"); });
      if (!n) { info.textContent = ""; return; }
      n.classList.add("near");
      var ties = [];
      edges.forEach(function (e) {
        var other = e.dataset.source === n.dataset.id ? e.dataset.target :
          e.dataset.target === n.dataset.id ? e.dataset.source : null;
        if (other === null) { return; }
        e.classList.add("near");
        byId[other].classList.add("near");
        ties.push(e.querySelector("title").textContent + " — " + byId[other].querySelector("title").textContent);
      });
      info.textContent = n.querySelector("title").textContent + (ties.length ? ": " + ties.join("; ") : "");
    };
    var dragging = null;
    var point = function (evt) {
      var box = net.getBoundingClientRect(), vb = net.viewBox.baseVal;
      return [(evt.clientX - box.left) / box.width * vb.width, (evt.clientY - box.top) / box.height * vb.height];
    };
    nodes.forEach(function (n) {
      n.addEventListener("mouseenter", function () { if (!dragging) { focus(n); } });
      n.addEventListener("focus", function () { focus(n); });
      n.addEventListener("pointerdown", function (evt) { dragging = n; evt.preventDefault(); });
    });
    net.addEventListener("mouseleave", function () { if (!dragging) { focus(null); } });
    window.addEventListener("pointermove", function (evt) {
      if (!dragging) { return; }
      var p = point(evt), id = dragging.dataset.id;
      dragging.setAttribute("transform", "translate(" + p[0].toFixed(1) + "," + p[1].toFixed(1) + ")");
      edges.forEach(function (e) {
        if (e.dataset.source === id) { e.setAttribute("x1", p[0]); e.setAttribute("y1", p[1]); }
        if (e.dataset.target === id) { e.setAttribute("x2", p[0]); e.setAttribute("y2", p[1]); }
      });
    });
    window.addEventListener("pointerup", function () { dragging = null; });
    $("nw-organisation").addEventListener("change", filterNodes);
    $("nw-person").addEventListener("change", filterNodes);
    countNodes();
  }
})();
