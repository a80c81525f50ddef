// The network: actors (or countries) as nodes and dyads as edges for the current filter, each edge as wide as
// its events are many and coloured by its mean Goldstein score (red conflict to green cooperation) or by its
// most frequent quad class. A click on an edge opens the dyad's timeline; on a node, the actor's events.
// The layout is a force-directed one (Fruchterman & Reingold 1991) from a fixed start: the same data draws
// the same picture.
"use strict";

const EWNetwork = (() => {
  const {el, svg, clear, getJSON, filterQuery, QUAD_NAMES, fmt} = EW;
  const WIDTH = 960;
  const HEIGHT = 560;
  const PAD = 40;

  let ctx = null;
  let data = null;

  function goldsteinColour(g) {
    if (g === null || g === undefined) return "#9aa3ab";
    const t = Math.max(-1, Math.min(1, g / 10));
    const mix = (a, b, f) => Math.round(a + (b - a) * f);
    const grey = [160, 166, 172];
    const end = t < 0 ? [192, 57, 43] : [27, 120, 55];
    const f = Math.min(1, Math.abs(t) * 1.6);
    return `rgb(${mix(grey[0], end[0], f)},${mix(grey[1], end[1], f)},${mix(grey[2], end[2], f)})`;
  }

  function layout(nodes, edges) {
    const n = nodes.length;
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    const pos = nodes.map((_node, i) => {
      const a = (2 * Math.PI * i) / Math.max(n, 1);
      return [WIDTH / 2 + (WIDTH / 3) * Math.cos(a), HEIGHT / 2 + (HEIGHT / 3) * Math.sin(a)];
    });
    if (n < 2) return n ? [[WIDTH / 2, HEIGHT / 2]] : [];
    const k = Math.sqrt(((WIDTH - 2 * PAD) * (HEIGHT - 2 * PAD)) / n) * 0.75;
    const links = edges.map((e) => [index.get(e.source), index.get(e.target), Math.log2(1 + e.events)]);
    let temperature = WIDTH / 8;
    const iterations = n > 120 ? 220 : 320;
    for (let it = 0; it < iterations; it++) {
      const disp = pos.map(() => [0, 0]);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let dx = pos[i][0] - pos[j][0];
          let dy = pos[i][1] - pos[j][1];
          let d = Math.hypot(dx, dy);
          if (d < 0.01) { dx = 0.01 * (i - j); dy = 0.01; d = Math.hypot(dx, dy); }
          const force = (k * k) / d;
          disp[i][0] += (dx / d) * force; disp[i][1] += (dy / d) * force;
          disp[j][0] -= (dx / d) * force; disp[j][1] -= (dy / d) * force;
        }
      }
      for (const [a, b, w] of links) {
        const dx = pos[a][0] - pos[b][0];
        const dy = pos[a][1] - pos[b][1];
        const d = Math.max(Math.hypot(dx, dy), 0.01);
        const force = ((d * d) / k) * (0.6 + 0.2 * w);
        disp[a][0] -= (dx / d) * force; disp[a][1] -= (dy / d) * force;
        disp[b][0] += (dx / d) * force; disp[b][1] += (dy / d) * force;
      }
      for (let i = 0; i < n; i++) {  // a little gravity keeps loose components on the canvas
        disp[i][0] += (WIDTH / 2 - pos[i][0]) * 0.02 * k / 10;
        disp[i][1] += (HEIGHT / 2 - pos[i][1]) * 0.02 * k / 10;
        const d = Math.max(Math.hypot(disp[i][0], disp[i][1]), 0.01);
        const step = Math.min(d, temperature);
        pos[i][0] = Math.min(WIDTH - PAD, Math.max(PAD, pos[i][0] + (disp[i][0] / d) * step));
        pos[i][1] = Math.min(HEIGHT - PAD, Math.max(PAD, pos[i][1] + (disp[i][1] / d) * step));
      }
      temperature *= 0.985;
    }
    return pos;
  }

  function drawLegend(colour) {
    const legend = document.getElementById("network-legend");
    clear(legend);
    if (colour === "quad") {
      for (const q of ["1", "2", "3", "4"]) {
        legend.appendChild(el("li", {}, el("span", {className: `swatch q-${q}`}), `${q} ${QUAD_NAMES[q]}`));
      }
      return;
    }
    for (const [g, label] of [[-10, "−10 conflict"], [-5, "−5"], [0, "0"], [5, "+5"], [10, "+10 cooperation"]]) {
      const swatch = el("span", {className: "swatch"});
      swatch.style.background = goldsteinColour(g);  // CSSOM, allowed by the Content-Security-Policy
      legend.appendChild(el("li", {}, swatch, label));
    }
  }

  function draw() {
    const box = document.getElementById("network");
    clear(box);
    const colour = document.getElementById("network-colour").value;
    drawLegend(colour);
    if (!data.edges.length) {
      box.appendChild(el("p", {className: "muted"}, "No dyad between coded actors matches these filters."));
      return;
    }
    const pos = layout(data.nodes, data.edges);
    const at = new Map(data.nodes.map((node, i) => [node.id, pos[i]]));
    const maxEdge = Math.max(...data.edges.map((e) => e.events), 1);
    const maxNode = Math.max(...data.nodes.map((n) => n.events), 1);
    const root = svg("svg", {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: `graph by-${colour}`, role: "img",
      "aria-label": "actor network", "data-nodes": data.nodes.length, "data-edges": data.edges.length});
    const edgeLayer = svg("g", {class: "edges"});
    const nodeLayer = svg("g", {class: "nodes"});
    const dyad = (ctx.params.get("dyad") || "").split(",").map((s) => s.trim().toUpperCase());
    for (const e of data.edges) {
      const [x1, y1] = at.get(e.source);
      const [x2, y2] = at.get(e.target);
      const width = 1.2 + 9 * Math.sqrt(e.events / maxEdge);
      const stroke = colour === "quad" ? null : goldsteinColour(e.goldstein_mean);
      const selected = dyad.length === 2 && dyad.includes(e.source) && dyad.includes(e.target);
      const title = `${e.source} – ${e.target}: ${fmt(e.events)} events, mean Goldstein ` +
        `${e.goldstein_mean ?? "?"}, mostly ${e.quad_class ? QUAD_NAMES[String(e.quad_class)] : "?"} — click for the dyad's timeline`;
      const group = svg("g", {class: `edge q-${e.quad_class || "unknown"}${selected ? " selected" : ""}`,
        "data-source": e.source, "data-target": e.target, "data-events": e.events, tabindex: 0, role: "button"},
      svg("title", {}, title),
      svg("line", {x1: x1.toFixed(1), y1: y1.toFixed(1), x2: x2.toFixed(1), y2: y2.toFixed(1), class: "edge-line",
        "stroke-width": width.toFixed(2), ...(stroke ? {stroke} : {})}),
      svg("line", {x1: x1.toFixed(1), y1: y1.toFixed(1), x2: x2.toFixed(1), y2: y2.toFixed(1), class: "edge-hit"}));
      const open = () => window.location.assign(ctx.pageWith({dyad: `${e.source},${e.target}`}, "timeline-section"));
      group.addEventListener("click", open);
      group.addEventListener("keydown", (k) => { if (k.key === "Enter") open(); });
      edgeLayer.appendChild(group);
    }
    for (const node of data.nodes) {
      const [x, y] = at.get(node.id);
      const r = 4 + 12 * Math.sqrt(node.events / maxNode);
      const names = node.names.length ? ` (${node.names.join(", ")})` : "";
      const group = svg("g", {class: "node", "data-id": node.id, tabindex: 0, role: "button"},
        svg("title", {}, `${node.id}${names}: ${fmt(node.events)} events — click for its events`),
        svg("circle", {cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1)}),
        svg("text", {x: x.toFixed(1), y: (y - r - 3).toFixed(1), "text-anchor": "middle", class: "node-label"}, node.id));
      const open = () => window.location.assign(ctx.pageWith({actor: node.id, dyad: null}, "events-section"));
      group.addEventListener("click", open);
      group.addEventListener("keydown", (k) => { if (k.key === "Enter") open(); });
      nodeLayer.appendChild(group);
    }
    root.appendChild(edgeLayer);
    root.appendChild(nodeLayer);
    box.appendChild(root);
  }

  async function load(context) {
    ctx = context;
    const level = document.getElementById("network-level");
    level.value = ctx.params.get("network") === "country" ? "country" : "actor";
    const fetchData = async () => {
      // The network leaves out its own selection (the dyad) so that the dyad is seen among the others.
      const query = filterQuery(ctx.params, ["dyad"]);
      query.set("level", level.value);
      data = await getJSON(`/api/network?${query.toString()}`);
      document.getElementById("network-title").textContent =
        `— ${fmt(data.nodes.length)} ${level.value === "actor" ? "actors" : "countries"}, ${fmt(data.edges.length)} dyads`;
      document.getElementById("network-note").textContent =
        `${fmt(data.total - data.uncoded)} of ${fmt(data.total)} events link two coded sides` +
        (data.edges_total > data.edges.length ? `; the ${data.edges.length} heaviest of ${data.edges_total} dyads shown` : "") +
        ". Click an edge for the dyad's timeline, a node for its events.";
      draw();
    };
    level.addEventListener("change", () => fetchData().catch(EW.showError));
    document.getElementById("network-colour").addEventListener("change", draw);
    await fetchData();
  }

  return {load};
})();
