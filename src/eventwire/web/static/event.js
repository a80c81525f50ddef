// One event's page: what was coded (type, actors, date, place, status, certainty, why) with its sentence, and
// every source of its cluster — the articles telling the same real-world event, each with the sentence it
// tells it in, the date and certainty read there, and a link to the article view.
"use strict";

(() => {
  const {el, clear, getJSON, showError, actorLabel, dateLabel, articleHref, safeUrl, QUAD_NAMES, fmt} = EW;
  const PREFIX = "/events/";

  function eventId() {
    return decodeURIComponent(window.location.pathname.slice(PREFIX.length));
  }

  function row(list, term, ...values) {
    list.appendChild(el("dt", {}, term));
    list.appendChild(el("dd", {}, ...values));
  }

  // The sentence with its trigger marked (offsets are code points, as in the article view).
  function drawSentence(event) {
    const box = document.getElementById("event-sentence");
    clear(box);
    const chars = Array.from(event.sentence || "");
    const span = event.span || [0, 0];
    const trig = event.trigger_span;
    if (!trig || trig[0] < span[0] || trig[1] > span[1]) {
      box.textContent = event.sentence || "";
      return;
    }
    const a = trig[0] - span[0];
    const b = trig[1] - span[0];
    box.appendChild(document.createTextNode(chars.slice(0, a).join("")));
    box.appendChild(el("mark", {className: "hl-trigger"}, chars.slice(a, b).join("")));
    box.appendChild(document.createTextNode(chars.slice(b).join("")));
  }

  function drawEvent(event) {
    const title = `${event.type}${event.mode ? ` / ${event.mode}` : ""}: ${actorLabel(event.source)} → ${actorLabel(event.target)}`;
    document.getElementById("event-title").textContent = title;
    document.title = `eventwire — ${title}`;
    drawSentence(event);
    const links = document.getElementById("event-links");
    clear(links);
    links.appendChild(el("a", {href: articleHref(event.article_id, event.id)}, "read it in its article"));
    const sides = [event.source, event.target].map((a) => a && (a.code || a.country)).filter(Boolean);
    if (sides.length === 2) {
      links.appendChild(document.createTextNode(" · "));
      links.appendChild(el("a", {href: `/?dyad=${encodeURIComponent(sides.join(","))}#timeline-section`},
        `the ${sides.join("–")} timeline`));
    }
    const list = document.getElementById("event-detail");
    clear(list);
    row(list, "type", event.type, event.mode ? ` / ${event.mode}` : "",
      event.cameo ? ` (CAMEO ${event.cameo})` : "");
    row(list, "Goldstein, quad class", `${event.goldstein ?? "—"}, ${event.quad_class ?? "—"}` +
      (event.quad_class ? ` ${QUAD_NAMES[String(event.quad_class)]}` : ""));
    row(list, "source", actorLabel(event.source), event.source && event.source.role ? ` — ${event.source.role}` : "");
    row(list, "target", actorLabel(event.target), event.target && event.target.role ? ` — ${event.target.role}` : "");
    const d = event.date || {};
    row(list, "date", dateLabel(d), d.text ? ` from “${d.text}”` : " (no date expression)");
    row(list, "status", event.status || "—");
    row(list, "certainty", event.certainty || "—", event.attribution ? ` per ${event.attribution}` : "");
    const loc = event.location;
    row(list, "where", loc ? `${loc.name || ""}${loc.country ? ` (${loc.country})` : ""}` +
      (loc.lat !== null && loc.lat !== undefined ? ` ${loc.lat}, ${loc.lon}` : "") : "—");
    row(list, "why", event.evidence || "");
    row(list, "id", event.id);
  }

  function drawSources(cluster, current) {
    document.getElementById("sources-count").textContent =
      `(${fmt(cluster.num_sources)} ${cluster.num_sources === 1 ? "source" : "sources"}, ${fmt(cluster.num_articles)} ` +
      `${cluster.num_articles === 1 ? "article" : "articles"})`;
    document.getElementById("cluster-summary").textContent =
      `First reported ${cluster.first_reported || "on an unknown day"}; told ${fmt(cluster.num_mentions)} times. ` +
      `Cluster ${cluster.cluster_id}.`;
    const body = document.querySelector("#sources tbody");
    clear(body);
    const byId = new Map(cluster.events.map((e) => [e.id, e]));
    for (const source of cluster.sources) {
      const told = source.events.map((id) => byId.get(id)).filter(Boolean);
      const first = told.find((e) => e.id === current) || told[0];
      const href = safeUrl(source.url || "");
      const cells = [
        el("td", {className: "nowrap"}, source.published || "unknown"),
        el("td", {}, source.source || "—"),
        el("td", {}, el("a", {href: articleHref(source.article_id, first.id)}, source.title || source.article_id)),
        el("td", {}, ...told.map((e) => el("div", {className: "sentence"}, e.sentence || ""))),
        el("td", {className: "nowrap"}, ...told.map((e) => el("div", {}, dateLabel(e.date)))),
        el("td", {}, ...told.map((e) => el("div", {}, e.certainty || "—"))),
        el("td", {}, href ? el("a", {href}, source.url) : (source.url || "—")),
      ];
      body.appendChild(el("tr", {"data-article-id": source.article_id,
        className: told.some((e) => e.id === current) ? "current" : ""}, ...cells));
    }
  }

  async function load() {
    try {
      const event = await getJSON(`/api/events/${encodeURIComponent(eventId())}`);
      drawEvent(event);
      const cluster = await getJSON(`/api/clusters/${encodeURIComponent(event.cluster_id)}`);
      drawSources(cluster, event.id);
      document.body.dataset.ready = "1";
    } catch (error) {
      showError(error);
      document.body.dataset.ready = "1";
    }
  }

  document.addEventListener("DOMContentLoaded", load);
})();
