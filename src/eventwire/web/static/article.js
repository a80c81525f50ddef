// The article view: the article's text with one event's sentence, trigger, actors and date expression
// highlighted. Offsets from the API count Unicode code points (Python string indices), so the text is
// handled as an array of code points, not as JavaScript's UTF-16 units. All text goes in as text nodes.
"use strict";

(() => {
  const {el, clear, getJSON, showError, actorLabel, dateLabel, articleHref, safeUrl} = EW;
  const PREFIX = "/articles/";
  let article = null;
  let chars = [];

  function articleId() {
    return decodeURIComponent(window.location.pathname.slice(PREFIX.length));
  }

  // Where `needle` first occurs in chars[start, end), as code-point offsets; null when absent.
  function findIn(start, end, needle) {
    if (!needle) return null;
    const hay = chars.slice(start, end).join("");
    const at = hay.indexOf(needle);
    if (at < 0) return null;
    const from = start + Array.from(hay.slice(0, at)).length;
    return [from, from + Array.from(needle).length];
  }

  // The occurrence of `needle` in the whole text nearest to `span` (a date expression may govern the
  // event from a neighbouring sentence); null when absent.
  function findNearest(needle, span) {
    if (!needle) return null;
    const whole = chars.join("");
    let best = null;
    for (let at = whole.indexOf(needle); at >= 0; at = whole.indexOf(needle, at + 1)) {
      const from = Array.from(whole.slice(0, at)).length;
      const range = [from, from + Array.from(needle).length];
      const distance = range[1] <= span[0] ? span[0] - range[1] : Math.max(0, range[0] - span[1]);
      if (!best || distance < best.distance) best = {range, distance};
    }
    return best ? best.range : null;
  }

  function actorRanges(actor, span, cls) {
    if (!actor) return [];
    const texts = [actor.text, ...(actor.members || []).map((m) => m.text)].filter(Boolean);
    const out = [];
    for (const text of texts) {
      const range = findIn(span[0], span[1], text);
      if (range) out.push({range, cls});
    }
    return out;
  }

  function rangesOf(event) {
    const span = event.span || [0, 0];
    const ranges = [{range: span, cls: "hl-sentence"}];
    for (const m of event.mentions || []) {
      if (m.article_id === article.id && (m.span[0] !== span[0] || m.span[1] !== span[1])) {
        ranges.push({range: m.span, cls: "hl-mention"});
      }
    }
    if (event.trigger_span) ranges.push({range: event.trigger_span, cls: "hl-trigger"});
    ranges.push(...actorRanges(event.source, span, "hl-source"));
    ranges.push(...actorRanges(event.target, span, "hl-target"));
    const dateText = event.date && event.date.text;
    const dateRange = findIn(span[0], span[1], dateText) || findNearest(dateText, span);
    if (dateRange) ranges.push({range: dateRange, cls: "hl-date"});
    return ranges.filter((r) => r.range[0] < r.range[1] && r.range[0] >= 0 && r.range[1] <= chars.length);
  }

  // Cut the text at every range boundary; each piece carries the classes of the ranges covering it.
  function drawText(event) {
    const box = document.getElementById("article-text");
    clear(box);
    const ranges = event ? rangesOf(event) : [];
    const cuts = new Set([0, chars.length]);
    for (const {range} of ranges) { cuts.add(range[0]); cuts.add(range[1]); }
    const points = [...cuts].sort((a, b) => a - b);
    let first = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const piece = chars.slice(a, b).join("");
      const classes = ranges.filter(({range}) => range[0] <= a && b <= range[1]).map((r) => r.cls);
      if (!classes.length) { box.appendChild(document.createTextNode(piece)); continue; }
      const mark = el("mark", {className: [...new Set(classes)].join(" ")}, piece);
      box.appendChild(mark);
      if (!first && classes.includes("hl-sentence")) first = mark;
    }
    if (first && first.scrollIntoView) first.scrollIntoView({block: "center"});
  }

  function detailRow(list, term, ...values) {
    list.appendChild(el("dt", {}, term));
    list.appendChild(el("dd", {}, ...values));
  }

  function drawDetail(event) {
    const box = document.getElementById("event-detail");
    clear(box);
    if (!event) return;
    const list = el("dl", {className: "meta"});
    detailRow(list, "type", `${event.type}${event.mode ? ` / ${event.mode}` : ""}`,
      event.cameo ? ` (CAMEO ${event.cameo}, Goldstein ${event.goldstein}, quad ${event.quad_class})` : "");
    detailRow(list, "source", actorLabel(event.source), event.source && event.source.role ? ` — ${event.source.role}` : "");
    detailRow(list, "target", actorLabel(event.target), event.target && event.target.role ? ` — ${event.target.role}` : "");
    const d = event.date || {};
    detailRow(list, "date", dateLabel(d), d.text ? ` from “${d.text}”` : " (no date expression)");
    detailRow(list, "status", event.status || "—");
    detailRow(list, "certainty", event.certainty || "—", event.attribution ? ` per ${event.attribution}` : "");
    if (event.location) detailRow(list, "where", event.location.name || event.location.country || "");
    detailRow(list, "trigger", event.trigger || "");
    detailRow(list, "sources", String(event.num_sources ?? ""));
    detailRow(list, "why", event.evidence || "");
    box.appendChild(list);
  }

  function select(events, id) {
    const event = events.find((e) => e.id === id) || events[0] || null;
    for (const item of document.querySelectorAll("#event-list li")) {
      item.classList.toggle("selected", Boolean(event) && item.getAttribute("data-event-id") === event.id);
    }
    drawDetail(event);
    drawText(event);
    if (event) window.history.replaceState(null, "", articleHref(article.id, event.id));
  }

  function drawMeta() {
    document.getElementById("article-title").textContent = article.title || article.id;
    document.title = `eventwire — ${article.title || article.id}`;
    const meta = document.getElementById("article-meta");
    clear(meta);
    detailRow(meta, "published", article.published || "unknown");
    if (article.source) detailRow(meta, "outlet", article.source);
    if (article.url) {
      const href = safeUrl(article.url);
      detailRow(meta, "address", href ? el("a", {href}, article.url) : article.url);
    }
    detailRow(meta, "id", article.id);
  }

  function drawEventList(events) {
    const list = document.getElementById("event-list");
    clear(list);
    document.getElementById("events-count").textContent = `(${events.length})`;
    for (const e of events) {
      const item = el("li", {"data-event-id": e.id, tabindex: 0},
        el("span", {className: `badge t-${e.type}`}, e.type), " ",
        `${actorLabel(e.source)} → ${actorLabel(e.target)}`,
        el("div", {className: "muted"}, `${dateLabel(e.date)} · ${e.status || "?"} · ${e.certainty || "?"}`));
      item.addEventListener("click", () => select(events, e.id));
      item.addEventListener("keydown", (k) => { if (k.key === "Enter") select(events, e.id); });
      list.appendChild(item);
    }
    if (!events.length) list.appendChild(el("li", {className: "muted"}, "No events were read from this article."));
  }

  async function load() {
    try {
      article = await getJSON(`/api/articles/${encodeURIComponent(articleId())}`);
    } catch (error) {
      showError(error);
      return;
    }
    chars = Array.from(article.text || "");
    drawMeta();
    drawEventList(article.events);
    select(article.events, new URLSearchParams(window.location.search).get("event"));
  }

  document.addEventListener("DOMContentLoaded", load);
})();
