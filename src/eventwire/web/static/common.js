// Shared helpers of the eventwire UI. Every piece of stored data (article text, actor names, URLs) is
// hostile input: it only ever reaches the page through textContent or setAttribute on elements built
// with createElement — never through innerHTML — so markup in the data stays text.
"use strict";

const EW = (() => {
  const SVG_NS = "http://www.w3.org/2000/svg";

  // el("td", {className: "x", title: "…"}, child, "text", …): children are nodes or strings (as text).
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    setProps(node, props);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
    append(node, children);
    return node;
  }

  function setProps(node, props) {
    for (const [name, value] of Object.entries(props || {})) {
      if (value === null || value === undefined) continue;
      if (name === "className") node.className = value;
      else if (name === "href") setHref(node, value);
      else node.setAttribute(name, String(value));
    }
  }

  function append(node, children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child)) : child);
    }
  }

  // Links: our own paths, or http(s) addresses from the data; anything else (javascript:, data:) is dropped.
  function setHref(node, value) {
    const text = String(value);
    if (text.startsWith("/") && !text.startsWith("//")) { node.setAttribute("href", text); return; }
    const url = safeUrl(text);
    if (url) {
      node.setAttribute("href", url);
      node.setAttribute("rel", "noopener noreferrer");
    }
  }

  function safeUrl(text) {
    try {
      const url = new URL(String(text));
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (_e) {
      return null;
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  async function getJSON(path) {
    const response = await fetch(path, {headers: {Accept: "application/json"}});
    let body = null;
    try { body = await response.json(); } catch (_e) { body = null; }
    if (!response.ok) {
      const err = body && body.error ? body.error : {code: String(response.status), message: response.statusText};
      throw new Error(`[${err.code}] ${err.message}`);
    }
    return body;
  }

  function showError(error) {
    const box = document.getElementById("error");
    if (!box) return;
    box.textContent = error instanceof Error ? error.message : String(error);
    box.hidden = false;
  }

  function actorLabel(actor) {
    if (!actor) return "—";
    const name = actor.name || actor.text || "";
    return actor.code ? `${name} (${actor.code})` : name;
  }

  function dateLabel(date) {
    if (!date || !date.value) return "unknown";
    return date.precision && date.precision !== "day" ? `${date.value} (${date.precision})` : date.value;
  }

  function articleHref(articleId, eventId) {
    let href = `/articles/${encodeURIComponent(articleId)}`;
    if (eventId) href += `?event=${encodeURIComponent(eventId)}`;
    return href;
  }

  function eventHref(eventId) {
    return `/events/${encodeURIComponent(eventId)}`;
  }

  const QUAD_NAMES = {"1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict",
    "4": "material conflict", "unknown": "no quad class"};

  // The filters of every event query, in the order the page shows them (all kept in the address).
  const FILTERS = ["actor", "dyad", "type", "mode", "quad_class", "country", "region", "precision", "since",
    "until", "certainty", "status", "bbox", "cluster_id"];

  // The page's filters from its address, less `drop` (a panel leaves out its own selection).
  function filterQuery(params, drop) {
    const query = new URLSearchParams();
    for (const name of FILTERS) {
      if (drop && drop.includes(name)) continue;
      const value = (params.get(name) || "").trim();
      if (value) query.set(name, value);
    }
    return query;
  }

  // The address of the events page with `changes` applied to the current filters (null removes one);
  // paging restarts.
  function pageWith(params, changes, hash) {
    const query = filterQuery(params);
    if (params.get("sort")) query.set("sort", params.get("sort"));
    for (const [name, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === "") query.delete(name);
      else query.set(name, String(value));
    }
    const text = query.toString();
    return `/${text ? `?${text}` : ""}${hash ? `#${hash}` : ""}`;
  }

  // A panel says it is drawn (data-<name>="drawn"); the page is ready when all of `names` are.
  function markDrawn(name, names) {
    document.body.dataset[name] = "drawn";
    if (names.every((n) => document.body.dataset[n] === "drawn" || document.body.dataset[n] === "failed")) {
      document.body.dataset.ready = "1";
    }
  }

  function markFailed(name, names, error) {
    showError(error);
    document.body.dataset[name] = "failed";
    if (names.every((n) => document.body.dataset[n] === "drawn" || document.body.dataset[n] === "failed")) {
      document.body.dataset.ready = "1";
    }
  }

  function fmt(n) {
    return Number(n).toLocaleString("en");
  }

  return {el, svg, clear, getJSON, showError, actorLabel, dateLabel, articleHref, eventHref, safeUrl, QUAD_NAMES,
    FILTERS, filterQuery, pageWith, markDrawn, markFailed, fmt};
})();
