// The events page: filters (kept in the address, so a view can be linked), the timeline chart and the
// event table. Data reaches the DOM only as text (see common.js).
"use strict";

(() => {
  const {el, svg, clear, getJSON, showError, actorLabel, dateLabel, articleHref, QUAD_NAMES} = EW;
  const FILTERS = ["actor", "dyad", "type", "since", "until", "certainty", "status"];
  const PAGE = 50;
  const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

  const params = new URLSearchParams(window.location.search);
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  let timelineData = null;

  function filterQuery() {
    const query = new URLSearchParams();
    for (const name of FILTERS) {
      const value = (params.get(name) || "").trim();
      if (value) query.set(name, value);
    }
    return query;
  }

  function fillForm() {
    const form = document.getElementById("filters");
    for (const name of FILTERS) {
      const field = form.elements.namedItem(name);
      if (field && params.get(name)) field.value = params.get(name);
    }
  }

  // ---------------------------------------------------------------- timeline
  function seriesOf(month, by) {
    if (by === "type") return TYPES.filter((t) => month.types[t]).map((t) => [t, month.types[t]]);
    return ["1", "2", "3", "4", "unknown"].filter((q) => month.quad_classes[q]).map((q) => [q, month.quad_classes[q]]);
  }

  function classOf(key, by) {
    return by === "type" ? `bar t-${key}` : `bar q-${key}`;
  }

  function drawTimeline() {
    const box = document.getElementById("timeline");
    const legend = document.getElementById("legend");
    const note = document.getElementById("timeline-note");
    clear(box); clear(legend);
    if (!timelineData) return;
    const by = document.getElementById("colour-by").value;
    const months = timelineData.months;
    const apart = [];
    const yearOnly = Object.entries(timelineData.year_only).map(([y, n]) => `${y}: ${n}`);
    if (yearOnly.length) apart.push(`dated only to the year — ${yearOnly.join(", ")}`);
    if (timelineData.undated) apart.push(`undated — ${timelineData.undated}`);
    note.textContent = apart.length ? `Not on the chart: ${apart.join("; ")}.` : "";
    if (!months.length) {
      box.appendChild(el("p", {className: "muted"}, "No event dated to a month matches these filters."));
      return;
    }
    const barWidth = 28, gap = 6, height = 180, top = 16, bottom = 34, left = 30;
    const max = Math.max(...months.map((m) => m.total), 1);
    const width = left + months.length * (barWidth + gap) + gap;
    const chart = svg("svg", {width, height: top + height + bottom, viewBox: `0 0 ${width} ${top + height + bottom}`,
      role: "img", "aria-label": "events per month", class: "chart"});
    chart.appendChild(svg("line", {x1: left, y1: top + height, x2: width, y2: top + height, class: "axis"}));
    chart.appendChild(svg("text", {x: left - 4, y: top + 4, class: "tick", "text-anchor": "end"}, String(max)));
    chart.appendChild(svg("text", {x: left - 4, y: top + height, class: "tick", "text-anchor": "end"}, "0"));
    const labelEvery = Math.ceil(months.length / 24);
    const seen = new Set();
    months.forEach((month, i) => {
      const x = left + gap + i * (barWidth + gap);
      let y = top + height;
      const parts = seriesOf(month, by);
      for (const [key, count] of parts) {
        seen.add(key);
        const h = (count / max) * height;
        y -= h;
        const name = by === "type" ? key : QUAD_NAMES[key];
        chart.appendChild(svg("rect", {x, y, width: barWidth, height: h, class: classOf(key, by)},
          svg("title", {}, `${month.month}: ${count} ${name}`)));
      }
      if (month.total) {
        chart.appendChild(svg("text", {x: x + barWidth / 2, y: y - 3, class: "count", "text-anchor": "middle"},
          String(month.total)));
      }
      if (i % labelEvery === 0) {
        chart.appendChild(svg("text", {x: x + barWidth / 2, y: top + height + 14, class: "tick",
          "text-anchor": "middle"}, month.month.slice(2)));
      }
    });
    box.appendChild(chart);
    const keys = by === "type" ? TYPES : ["1", "2", "3", "4", "unknown"];
    for (const key of keys.filter((k) => seen.has(k))) {
      legend.appendChild(el("li", {}, el("span", {className: `swatch ${classOf(key, by)}`}),
        by === "type" ? key : `${key === "unknown" ? "?" : key} ${QUAD_NAMES[key]}`));
    }
  }

  // ---------------------------------------------------------------- table
  function eventRow(r) {
    const where = r.location ? (r.location.name || r.location.country || "") : "";
    const sentence = el("a", {href: articleHref(r.article_id, r.id), className: "sentence"}, r.sentence || "");
    return el("tr", {"data-event-id": r.id, className: `quad-${r.quad_class || "unknown"}`},
      el("td", {className: "nowrap"}, dateLabel(r.date)),
      el("td", {}, el("span", {className: `badge t-${r.type}`}, r.type), r.mode ? el("div", {className: "muted"}, r.mode) : null),
      el("td", {}, actorLabel(r.source)),
      el("td", {}, actorLabel(r.target), r.reciprocal ? el("div", {className: "muted"}, "↔ reciprocal") : null),
      el("td", {}, r.status || "—"),
      el("td", {}, r.certainty || "—", r.attribution ? el("div", {className: "muted"}, `per ${r.attribution}`) : null),
      el("td", {}, where),
      el("td", {}, sentence),
      el("td", {className: "num"}, String(r.num_sources ?? "")));
  }

  function pageLink(id, newOffset, show) {
    const link = document.getElementById(id);
    if (!show) { link.hidden = true; return; }
    const query = filterQuery();
    if (newOffset) query.set("offset", String(newOffset));
    link.setAttribute("href", `/?${query.toString()}`);
    link.hidden = false;
  }

  function drawEvents(records) {
    const body = document.querySelector("#events tbody");
    clear(body);
    for (const r of records) body.appendChild(eventRow(r));
    if (!records.length) {
      body.appendChild(el("tr", {}, el("td", {colspan: 9, className: "muted"}, "No events match these filters.")));
    }
    const shown = records.length ? `${offset + 1}–${offset + records.length}` : "0";
    document.getElementById("events-count").textContent = `(${shown})`;
    pageLink("prev", Math.max(0, offset - PAGE), offset > 0);
    pageLink("next", offset + PAGE, records.length === PAGE);
  }

  function describeFilters() {
    const parts = [];
    for (const name of FILTERS) if (params.get(name)) parts.push(`${name} ${params.get(name)}`);
    return parts.length ? `— ${parts.join(", ")}` : "— all events";
  }

  async function load() {
    fillForm();
    document.getElementById("timeline-title").textContent = describeFilters();
    document.getElementById("colour-by").addEventListener("change", drawTimeline);
    const query = filterQuery();
    const page = new URLSearchParams(query);
    page.set("limit", String(PAGE));
    page.set("offset", String(offset));
    try {
      const [events, timeline, stats] = await Promise.all([
        getJSON(`/api/events?${page.toString()}`),
        getJSON(`/api/timeline?${query.toString()}`),
        getJSON("/api/stats"),
      ]);
      const c = stats.counts;
      document.getElementById("stats").textContent =
        `${c.events} events from ${c.articles} articles (${c.clusters} distinct, ${c.rejections} inputs rejected)`;
      drawEvents(events);
      timelineData = timeline;
      drawTimeline();
    } catch (error) {
      showError(error);
    }
  }

  document.addEventListener("DOMContentLoaded", load);
})();
