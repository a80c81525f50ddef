// The events page: filters (kept in the address, so a view can be linked), downloads, the timeline, the map,
// the network and the event table (sortable, paged). Data reaches the DOM only as text (see common.js).
"use strict";

(() => {
  const {el, clear, getJSON, actorLabel, dateLabel, articleHref, eventHref, FILTERS, filterQuery, pageWith,
    markDrawn, markFailed, fmt} = EW;
  const PANELS = ["table", "timeline", "map", "network"];
  const PAGE = 50;
  const CHIPS = {bbox: "in the map's area", cluster_id: "one cluster", country: "place in", region: "region"};

  const params = new URLSearchParams(window.location.search);
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  const sort = params.get("sort") || "";

  function fillForm() {
    const form = document.getElementById("filters");
    for (const name of [...FILTERS, "sort"]) {
      const field = form.elements.namedItem(name);
      if (field && params.get(name)) field.value = params.get(name);
    }
  }

  function describeFilters() {
    const parts = [];
    for (const name of FILTERS) if (params.get(name)) parts.push(`${name} ${params.get(name)}`);
    return parts.length ? `— ${parts.join(", ")}` : "— all events";
  }

  // Chips for the selections made on the map, the network or an event page, each with a link removing it.
  function drawSelection() {
    const list = document.getElementById("selection");
    clear(list);
    for (const name of ["bbox", "cluster_id", "dyad", "country"]) {
      const value = params.get(name);
      if (!value) continue;
      const label = name === "dyad" ? `dyad ${value}` : `${CHIPS[name]} ${name === "country" ? value : ""}`.trim();
      list.appendChild(el("li", {className: "chip", "data-filter": name}, label, " ",
        el("a", {href: pageWith(params, {[name]: null}), title: `remove the ${name} filter`}, "×")));
    }
  }

  // ---------------------------------------------------------------- downloads
  function drawDownloads(total) {
    document.getElementById("download-count").textContent = fmt(total);
    const columns = document.getElementById("download-columns").value;
    for (const format of ["csv", "jsonl", "parquet"]) {
      const query = filterQuery(params);
      if (sort) query.set("sort", sort);
      query.set("format", format);
      query.set("columns", columns);
      const link = document.getElementById(`download-${format}`);
      link.setAttribute("href", `/api/export?${query.toString()}`);
      link.setAttribute("download", `eventwire-events-${columns}.${format}`);
    }
  }

  // ---------------------------------------------------------------- table
  function eventRow(r) {
    const where = r.location ? (r.location.name || r.location.country || "") : "";
    const sentence = el("a", {href: articleHref(r.article_id, r.id), className: "sentence"}, r.sentence || "");
    return el("tr", {"data-event-id": r.id, className: `quad-${r.quad_class || "unknown"}`},
      el("td", {className: "nowrap"}, el("a", {href: eventHref(r.id), className: "event-link",
        title: "this event and its sources"}, dateLabel(r.date))),
      el("td", {}, el("span", {className: `badge t-${r.type}`}, r.type), r.mode ? el("div", {className: "muted"}, r.mode) : null),
      el("td", {}, actorLabel(r.source)),
      el("td", {}, actorLabel(r.target), r.reciprocal ? el("div", {className: "muted"}, "↔ reciprocal") : null),
      el("td", {}, r.status || "—"),
      el("td", {}, r.certainty || "—", r.attribution ? el("div", {className: "muted"}, `per ${r.attribution}`) : null),
      el("td", {}, where),
      el("td", {className: "num"}, r.goldstein === null || r.goldstein === undefined ? "" : String(r.goldstein)),
      el("td", {}, sentence),
      el("td", {className: "num"}, String(r.num_sources ?? "")));
  }

  function pageLink(id, newOffset, show) {
    const link = document.getElementById(id);
    if (!show) { link.hidden = true; return; }
    const query = filterQuery(params);
    if (sort) query.set("sort", sort);
    if (newOffset) query.set("offset", String(newOffset));
    link.setAttribute("href", `/?${query.toString()}#events-section`);
    link.hidden = false;
  }

  function drawSortHeaders() {
    for (const th of document.querySelectorAll("#events th[data-sort]")) {
      const key = th.getAttribute("data-sort");
      const state = sort === key ? "ascending" : sort === `-${key}` ? "descending" : "none";
      th.setAttribute("aria-sort", state);
      const next = state === "ascending" ? `-${key}` : key;
      const label = th.textContent.replace(/ [▲▼]$/, "");
      clear(th);
      th.appendChild(el("a", {href: pageWith(params, {sort: next}, "events-section"), className: "sort",
        title: `sort by ${key}`}, label + (state === "ascending" ? " ▲" : state === "descending" ? " ▼" : "")));
    }
  }

  function drawEvents(page) {
    const body = document.querySelector("#events tbody");
    clear(body);
    for (const r of page.events) body.appendChild(eventRow(r));
    if (!page.events.length) {
      body.appendChild(el("tr", {}, el("td", {colspan: 10, className: "muted"}, "No events match these filters.")));
    }
    const shown = page.events.length ? `${fmt(offset + 1)}–${fmt(offset + page.events.length)} of ${fmt(page.total)}` : "0";
    document.getElementById("events-count").textContent = `(${shown})`;
    document.getElementById("page-info").textContent = page.total > PAGE
      ? `page ${Math.floor(offset / PAGE) + 1} of ${Math.ceil(page.total / PAGE)}` : "";
    pageLink("prev", Math.max(0, offset - PAGE), offset > 0);
    pageLink("next", offset + PAGE, page.next !== null);
    drawSortHeaders();
  }

  async function loadTable() {
    const query = filterQuery(params);
    query.set("limit", String(PAGE));
    query.set("offset", String(offset));
    if (sort) query.set("sort", sort);
    const page = await getJSON(`/api/events?${query.toString()}`);
    drawEvents(page);
    drawDownloads(page.total);
    document.getElementById("download-columns").addEventListener("change", () => drawDownloads(page.total));
  }

  async function loadStats() {
    const stats = await getJSON("/api/stats");
    const c = stats.counts;
    document.getElementById("stats").textContent =
      `${fmt(c.events)} events from ${fmt(c.articles)} articles (${fmt(c.clusters)} distinct, ` +
      `${fmt(c.rejections)} inputs rejected)`;
  }

  function run(name, task) {
    return task().then(() => markDrawn(name, PANELS)).catch((error) => markFailed(name, PANELS, error));
  }

  function load() {
    fillForm();
    drawSelection();
    document.getElementById("timeline-title").textContent = describeFilters();
    const context = {params, pageWith: (changes, hash) => pageWith(params, changes, hash)};
    loadStats().catch(EW.showError);
    run("table", loadTable);
    run("timeline", () => EWTimeline.load(context));
    run("map", () => EWMap.load(context));
    run("network", () => EWNetwork.load(context));
  }

  document.addEventListener("DOMContentLoaded", load);
})();
