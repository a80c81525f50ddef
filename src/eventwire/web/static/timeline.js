// The timeline: a chart of the chosen range (bars of days, weeks, months or years, chosen by the server from
// the span) above an overview of the whole range with a brush: drag across the overview, or set the dates,
// to zoom in. Both fit their container's width at any range. It starts where the data is (the server's
// `core`: the 5th to the 95th percentile of the dates), and the events it cannot place — dated only to a
// year, only to a month on a day or week chart, or undated — are counted beside it.
"use strict";

const EWTimeline = (() => {
  const {el, svg, clear, getJSON, filterQuery, QUAD_NAMES, fmt} = EW;
  const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
  const QUADS = ["1", "2", "3", "4", "unknown"];
  const MARGIN = {left: 44, right: 12, top: 16, bottom: 22};

  let ctx = null;
  let overview = null;
  let focus = null;
  let range = null;  // [from, to] ISO days shown by the focus chart
  let request = 0;

  const colourBy = () => document.getElementById("colour-by").value;
  const classOf = (key, by) => (by === "type" ? `bar t-${key}` : `bar q-${key}`);

  function seriesOf(bucket, by) {
    if (by === "type") return TYPES.filter((t) => bucket.types[t]).map((t) => [t, bucket.types[t]]);
    return QUADS.filter((q) => bucket.quad_classes[q]).map((q) => [q, bucket.quad_classes[q]]);
  }

  function widthOf(box) {
    return Math.max(320, Math.floor(box.clientWidth || box.getBoundingClientRect().width || 900) - 2);
  }

  // Bars of `data.buckets` in `box`, `height` px high, stacked by the colour key; returns the geometry.
  function drawBars(box, data, height, options) {
    clear(box);
    const buckets = data.buckets;
    const width = widthOf(box);
    const plot = width - MARGIN.left - MARGIN.right;
    const step = plot / buckets.length;
    const barWidth = Math.max(1, step > 3 ? step * 0.86 : step);
    const max = Math.max(...buckets.map((b) => b.total), 1);
    const h = height - MARGIN.top - MARGIN.bottom;
    const by = colourBy();
    const chart = svg("svg", {width, height, viewBox: `0 0 ${width} ${height}`, class: `chart ${options.kind}`,
      role: "img", "aria-label": `events per ${data.bucket}`, "data-bucket": data.bucket,
      "data-bars": buckets.length, "data-from": buckets[0].start, "data-to": buckets[buckets.length - 1].end});
    const base = MARGIN.top + h;
    chart.appendChild(svg("line", {x1: MARGIN.left, y1: base, x2: width - MARGIN.right, y2: base, class: "axis"}));
    if (options.kind === "focus") {
      chart.appendChild(svg("text", {x: MARGIN.left - 6, y: MARGIN.top + 4, class: "tick", "text-anchor": "end"}, fmt(max)));
      chart.appendChild(svg("text", {x: MARGIN.left - 6, y: base, class: "tick", "text-anchor": "end"}, "0"));
      chart.appendChild(svg("line", {x1: MARGIN.left, y1: MARGIN.top, x2: width - MARGIN.right, y2: MARGIN.top,
        class: "grid"}));
    }
    const seen = new Set();
    const labelEvery = Math.max(1, Math.ceil(72 / step));
    buckets.forEach((bucket, i) => {
      const x = MARGIN.left + i * step + (step - barWidth) / 2;
      let y = base;
      for (const [key, count] of seriesOf(bucket, by)) {
        seen.add(key);
        const bh = (count / max) * h;
        y -= bh;
        const name = by === "type" ? key : QUAD_NAMES[key];
        chart.appendChild(svg("rect", {x: x.toFixed(2), y: y.toFixed(2), width: barWidth.toFixed(2),
          height: Math.max(bh, 0.5).toFixed(2), class: classOf(key, by), "data-bucket": bucket.label},
        svg("title", {}, `${bucket.label}: ${fmt(count)} ${name}`)));
      }
      if (options.kind === "focus" && bucket.total && step >= 20) {
        chart.appendChild(svg("text", {x: x + barWidth / 2, y: y - 3, class: "count", "text-anchor": "middle"},
          fmt(bucket.total)));
      }
      if (i % labelEvery === 0) {
        chart.appendChild(svg("text", {x: MARGIN.left + i * step + step / 2, y: base + 14, class: "tick",
          "text-anchor": "middle"}, bucket.label));
      }
    });
    box.appendChild(chart);
    return {chart, step, base, h, width, buckets, seen};
  }

  function drawLegend(seen) {
    const legend = document.getElementById("legend");
    clear(legend);
    const by = colourBy();
    for (const key of (by === "type" ? TYPES : QUADS).filter((k) => seen.has(k))) {
      legend.appendChild(el("li", {}, el("span", {className: `swatch ${classOf(key, by)}`}),
        by === "type" ? key : `${key === "unknown" ? "?" : key} ${QUAD_NAMES[key]}`));
    }
  }

  // ---------------------------------------------------------------- the brush on the overview
  function indexAt(geom, x) {
    return Math.min(geom.buckets.length - 1, Math.max(0, Math.floor((x - MARGIN.left) / geom.step)));
  }

  function drawBrush(geom) {
    const {chart, step, buckets} = geom;
    const i0 = buckets.findIndex((b) => b.end >= range[0]);
    let i1 = buckets.length - 1;
    while (i1 > 0 && buckets[i1].start > range[1]) i1 -= 1;
    const x0 = MARGIN.left + Math.max(0, i0) * step;
    const x1 = MARGIN.left + (i1 + 1) * step;
    const selection = svg("rect", {x: x0, y: 2, width: Math.max(2, x1 - x0), height: geom.base - 2,
      class: "brush-selection"});
    const overlay = svg("rect", {x: MARGIN.left, y: 0, width: geom.width - MARGIN.left - MARGIN.right,
      height: geom.base, class: "brush-overlay"});
    chart.appendChild(selection);
    chart.appendChild(overlay);
    let start = null;
    const toX = (event) => {
      const box = chart.getBoundingClientRect();
      return (event.clientX - box.left) * (geom.width / box.width);
    };
    overlay.addEventListener("pointerdown", (event) => {
      start = toX(event);
      overlay.setPointerCapture(event.pointerId);
      selection.setAttribute("x", String(start));
      selection.setAttribute("width", "1");
    });
    overlay.addEventListener("pointermove", (event) => {
      if (start === null) return;
      const x = toX(event);
      selection.setAttribute("x", String(Math.min(start, x)));
      selection.setAttribute("width", String(Math.max(1, Math.abs(x - start))));
    });
    overlay.addEventListener("pointerup", (event) => {
      if (start === null) return;
      const x = toX(event);
      const a = indexAt(geom, Math.min(start, x));
      const b = indexAt(geom, Math.max(start, x));
      start = null;
      setRange(buckets[a].start, buckets[b].end);
    });
  }

  // ---------------------------------------------------------------- what is not on the chart
  function drawApart() {
    const box = document.getElementById("timeline-apart");
    clear(box);
    box.appendChild(el("h3", {}, "Not on the chart"));
    const list = el("dl", {className: "meta"});
    const row = (term, value) => { list.appendChild(el("dt", {}, term)); list.appendChild(el("dd", {}, value)); };
    const before = overview.buckets.filter((b) => b.end < range[0]).reduce((n, b) => n + b.total, 0);
    const after = overview.buckets.filter((b) => b.start > range[1]).reduce((n, b) => n + b.total, 0);
    row("before this range", fmt(before));
    row("after this range", fmt(after));
    const monthOnly = Object.entries((focus && focus.month_only) || {});
    if (monthOnly.length) {
      row(`dated to the month only (not on a ${focus.bucket} chart)`,
        monthOnly.map(([m, n]) => `${m}: ${fmt(n)}`).join(", "));
    }
    const yearOnly = Object.entries(overview.year_only);
    row("dated to the year only", yearOnly.length ? yearOnly.map(([y, n]) => `${y}: ${fmt(n)}`).join(", ") : "0");
    row("undated", fmt(overview.undated));
    box.appendChild(list);
    box.setAttribute("data-year-only", String(yearOnly.reduce((n, [, c]) => n + c, 0)));
    box.setAttribute("data-undated", String(overview.undated));
  }

  // ---------------------------------------------------------------- drawing and zooming
  function drawAll() {
    const focusBox = document.getElementById("timeline");
    const overviewBox = document.getElementById("timeline-overview");
    if (!overview || !overview.buckets.length) return;
    const geom = drawBars(overviewBox, overview, 74, {kind: "overview"});
    drawBrush(geom);
    if (focus && focus.buckets.length) {
      const f = drawBars(focusBox, focus, 230, {kind: "focus"});
      drawLegend(f.seen);
      document.getElementById("timeline-range").textContent =
        `${range[0]} to ${range[1]}: ${fmt(focus.total)} events, one bar per ${focus.bucket}`;
    } else {
      clear(focusBox);
      focusBox.appendChild(el("p", {className: "muted"}, "No event dated to a day or month in this range."));
    }
    document.getElementById("range-from").value = range[0];
    document.getElementById("range-to").value = range[1];
    drawApart();
  }

  async function setRange(from, to) {
    if (from > to) [from, to] = [to, from];
    range = [from, to];
    const mine = ++request;
    const query = filterQuery(ctx.params);
    query.set("since", from);
    query.set("until", to);
    const data = await getJSON(`/api/timeline?${query.toString()}`);
    if (mine !== request) return;
    focus = data;
    drawAll();
  }

  async function load(context) {
    ctx = context;
    overview = await getJSON(`/api/timeline?${filterQuery(ctx.params).toString()}`);
    const focusBox = document.getElementById("timeline");
    if (!overview.buckets.length) {
      clear(focusBox);
      focusBox.appendChild(el("p", {className: "muted"}, "No event dated to a day or month matches these filters."));
      range = ["", ""];
      focus = null;
      drawApart();
      return;
    }
    document.getElementById("colour-by").addEventListener("change", drawAll);
    document.getElementById("range-all").addEventListener("click", () => setRange(overview.extent.first, overview.extent.last));
    const fromInput = document.getElementById("range-from");
    const toInput = document.getElementById("range-to");
    for (const input of [fromInput, toInput]) {
      input.addEventListener("change", () => { if (fromInput.value && toInput.value) setRange(fromInput.value, toInput.value); });
    }
    document.getElementById("range-apply").addEventListener("click", () => {
      window.location.assign(ctx.pageWith({since: range[0], until: range[1]}, "timeline-section"));
    });
    let resizing = null;
    window.addEventListener("resize", () => { clearTimeout(resizing); resizing = setTimeout(drawAll, 150); });
    await setRange(overview.core.first, overview.core.last);
  }

  return {load};
})();
