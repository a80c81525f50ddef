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

  const QUAD_NAMES = {"1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict",
    "4": "material conflict", "unknown": "no quad class"};

  return {el, svg, clear, getJSON, showError, actorLabel, dateLabel, articleHref, safeUrl, QUAD_NAMES};
})();
