// The map: events with coordinates on a world map drawn here, offline, from Natural Earth country outlines
// (TopoJSON shipped in the package, served at /data/world.json; no tile server, no CDN). The projection is
// Natural Earth I (Šavrič, Jenny, Patterson & Hurni 2015, polynomial form). Places cluster at low zoom (by
// distance on screen, so clusters split as you zoom in: wheel, drag, or the buttons); a click on a cluster
// or place filters the page to its area, a click on a country to events that happened there.
"use strict";

const EWMap = (() => {
  const {el, svg, clear, getJSON, filterQuery, fmt} = EW;
  const WIDTH = 960;
  const CLUSTER_PX = 26;
  const MAX_ZOOM = 48;

  let ctx = null;
  let root = null;
  let layer = null;
  let pointsLayer = null;
  let places = [];
  let view = {k: 1, x: 0, y: 0};
  let height = 500;
  let project = null;

  // Natural Earth I (forward), on radians.
  function naturalEarth(lambda, phi) {
    const p2 = phi * phi;
    const p4 = p2 * p2;
    return [
      lambda * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4))),
      phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4))),
    ];
  }

  function makeProjection() {
    const [xMax] = naturalEarth(Math.PI, 0);
    const [, yMax] = naturalEarth(0, Math.PI / 2);
    const scale = (WIDTH - 8) / (2 * xMax);
    height = Math.ceil(2 * yMax * scale) + 8;
    const rad = Math.PI / 180;
    return (lon, lat) => {
      const [x, y] = naturalEarth(lon * rad, lat * rad);
      return [WIDTH / 2 + x * scale, height / 2 - y * scale];
    };
  }

  // ---------------------------------------------------------------- TopoJSON
  function decodeArcs(topology) {
    const [sx, sy] = topology.transform.scale;
    const [tx, ty] = topology.transform.translate;
    return topology.arcs.map((arc) => {
      let x = 0;
      let y = 0;
      return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
    });
  }

  function pathOf(points, shift) {
    let d = "";
    points.forEach(([lon, lat], i) => {
      const [x, y] = project(lon + shift, lat);
      d += `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
    });
    return `${d}Z`;
  }

  // A ring that crosses the antimeridian (Russia's Chukotka, Fiji) would draw a line across the world: its
  // longitudes are made continuous (past ±180) and it is drawn twice, once shifted by 360°, the countries
  // layer being clipped to the sphere. A jump at a pole (Antarctica's edge) is the map's own edge: kept.
  function ringPath(arcs, ring) {
    const points = [];
    ring.forEach((index, n) => {
      const arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
      points.push(...(n ? arc.slice(1) : arc));
    });
    let offset = 0;
    let min = Infinity;
    let max = -Infinity;
    const unwrapped = points.map(([lon, lat], i) => {
      if (i && Math.abs(lat) < 85) {
        const previous = points[i - 1][0] + offset;
        while (lon + offset - previous > 180) offset -= 360;
        while (lon + offset - previous < -180) offset += 360;
      }
      min = Math.min(min, lon + offset);
      max = Math.max(max, lon + offset);
      return [lon + offset, lat];
    });
    if (min >= -180.5 && max <= 180.5) return pathOf(unwrapped, 0);
    return pathOf(unwrapped, 0) + pathOf(unwrapped, max > 180.5 ? -360 : 360);
  }

  function countryPath(arcs, geometry) {
    const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.type === "MultiPolygon" ? geometry.arcs : [];
    return polygons.map((rings) => rings.map((ring) => ringPath(arcs, ring)).join("")).join("");
  }

  // ---------------------------------------------------------------- zoom and pan
  function applyView() {
    layer.setAttribute("transform", `translate(${view.x.toFixed(2)},${view.y.toFixed(2)}) scale(${view.k.toFixed(4)})`);
    root.setAttribute("data-zoom", view.k.toFixed(2));
    drawPoints();
  }

  function zoomAt(factor, cx, cy) {
    const k = Math.min(MAX_ZOOM, Math.max(1, view.k * factor));
    const f = k / view.k;
    view = {k, x: cx - (cx - view.x) * f, y: cy - (cy - view.y) * f};
    if (k === 1) view = {k: 1, x: 0, y: 0};
    applyView();
  }

  function fitBox(x0, y0, x1, y1) {
    const k = Math.min(MAX_ZOOM, Math.max(1, 0.8 * Math.min(WIDTH / Math.max(x1 - x0, 1), height / Math.max(y1 - y0, 1))));
    view = {k, x: WIDTH / 2 - k * (x0 + x1) / 2, y: height / 2 - k * (y0 + y1) / 2};
  }

  function toSvg(event) {
    const box = root.getBoundingClientRect();
    return [(event.clientX - box.left) * (WIDTH / box.width), (event.clientY - box.top) * (height / box.height)];
  }

  function enablePanZoom() {
    root.addEventListener("wheel", (event) => {
      event.preventDefault();
      const [x, y] = toSvg(event);
      zoomAt(event.deltaY < 0 ? 1.3 : 1 / 1.3, x, y);
    }, {passive: false});
    let drag = null;
    root.addEventListener("pointerdown", (event) => {
      drag = {start: toSvg(event), view: {...view}, moved: false};
    });
    root.addEventListener("pointermove", (event) => {
      if (!drag) return;
      const [x, y] = toSvg(event);
      const dx = x - drag.start[0];
      const dy = y - drag.start[1];
      if (Math.abs(dx) + Math.abs(dy) > 4) drag.moved = true;
      if (drag.moved && view.k > 1) {
        view = {k: view.k, x: drag.view.x + dx, y: drag.view.y + dy};
        layer.setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`);
      }
    });
    root.addEventListener("pointerup", () => { if (drag && drag.moved) applyView(); });
    root.addEventListener("click", (event) => { if (drag && drag.moved) event.stopPropagation(); drag = null; }, true);
    const centre = () => [WIDTH / 2, height / 2];
    document.getElementById("map-zoom-in").addEventListener("click", () => zoomAt(2, ...centre()));
    document.getElementById("map-zoom-out").addEventListener("click", () => zoomAt(0.5, ...centre()));
    document.getElementById("map-zoom-reset").addEventListener("click", () => { view = {k: 1, x: 0, y: 0}; applyView(); });
  }

  // ---------------------------------------------------------------- places and clusters
  function cluster() {
    const radius = CLUSTER_PX / view.k;
    const groups = [];
    for (const place of places) {  // largest first: they anchor the clusters
      const near = groups.find((g) => Math.hypot(g.x - place.x, g.y - place.y) < radius);
      if (near) {
        near.members.push(place);
        near.count += place.count;
      } else {
        groups.push({x: place.x, y: place.y, members: [place], count: place.count});
      }
    }
    return groups;
  }

  function boxOf(members) {
    const pad = 0.25;
    const lons = members.map((p) => p.lon);
    const lats = members.map((p) => p.lat);
    const r = (v) => Math.round(v * 1000) / 1000;
    return [r(Math.max(-180, Math.min(...lons) - pad)), r(Math.max(-90, Math.min(...lats) - pad)),
      r(Math.min(180, Math.max(...lons) + pad)), r(Math.min(90, Math.max(...lats) + pad))].join(",");
  }

  function drawPoints() {
    clear(pointsLayer);
    const groups = cluster();
    for (const g of groups) {
      const single = g.members.length === 1;
      const px = Math.min(24, 5 + 2.6 * Math.sqrt(g.count));
      const r = px / view.k;
      const names = g.members.slice(0, 6).map((p) => `${p.name || "?"} (${fmt(p.count)})`).join(", ");
      const more = g.members.length > 6 ? ` and ${g.members.length - 6} more places` : "";
      const quad = single ? dominantQuad(g.members[0]) : "mixed";
      const group = svg("g", {class: `cluster ${single ? "place" : "group"} q-${quad}`, tabindex: 0, role: "button",
        "data-count": g.count, "data-places": g.members.length, "data-bbox": boxOf(g.members)},
      svg("title", {}, `${fmt(g.count)} events: ${names}${more} — click to list them`),
      svg("circle", {cx: g.x.toFixed(2), cy: g.y.toFixed(2), r: r.toFixed(3), class: "dot"}));
      if (!single || g.count > 1) {
        group.appendChild(svg("text", {x: g.x.toFixed(2), y: (g.y + 3.6 / view.k).toFixed(3), class: "dot-label",
          "font-size": (10 / view.k).toFixed(3), "text-anchor": "middle"}, fmt(g.count)));
      }
      const choose = () => {
        window.location.assign(ctx.pageWith({bbox: group.getAttribute("data-bbox"), country: null}, "events-section"));
      };
      group.addEventListener("click", (event) => { event.stopPropagation(); choose(); });
      group.addEventListener("keydown", (event) => { if (event.key === "Enter") choose(); });
      pointsLayer.appendChild(group);
    }
    root.setAttribute("data-clusters", String(groups.length));
  }

  function dominantQuad(place) {
    let best = "unknown";
    let most = 0;
    for (const [q, n] of Object.entries(place.quad_classes)) if (n > most) { best = q; most = n; }
    return best;
  }

  function drawSelectedBox(bbox) {
    const [w, s, e, n] = bbox.split(",").map(Number);
    if ([w, s, e, n].some(Number.isNaN)) return null;
    const points = [];
    for (let i = 0; i <= 8; i++) points.push(project(w + (e - w) * i / 8, n));
    for (let i = 0; i <= 8; i++) points.push(project(e - (e - w) * i / 8, s));
    layer.insertBefore(svg("polygon", {points: points.map((p) => p.map((v) => v.toFixed(1)).join(",")).join(" "),
      class: "selected-area"}), pointsLayer);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  }

  async function load(context) {
    ctx = context;
    project = makeProjection();
    const query = filterQuery(ctx.params, ["bbox"]);
    const [world, data] = await Promise.all([getJSON("/data/world.json"), getJSON(`/api/map?${query.toString()}`)]);
    const box = document.getElementById("map");
    clear(box);
    root = svg("svg", {viewBox: `0 0 ${WIDTH} ${height}`, class: "world", role: "img",
      "aria-label": "map of where events happened", "data-places": data.places.length});
    layer = svg("g", {class: "zoom"});
    const countries = svg("g", {class: "countries", "clip-path": "url(#map-sphere)"});
    const arcs = decodeArcs(world);
    layer.appendChild(svg("clipPath", {id: "map-sphere"}, svg("path", {d: sphere()})));
    layer.appendChild(svg("path", {d: sphere(), class: "sphere"}));
    for (const geometry of world.objects.countries.geometries) {
      const iso3 = geometry.properties.iso3;
      const path = svg("path", {d: countryPath(arcs, geometry), class: "country", "data-iso3": iso3 || ""},
        svg("title", {}, `${geometry.properties.name}${iso3 ? ` (${iso3}) — click for events there` : ""}`));
      if (iso3) {
        path.addEventListener("click", () => window.location.assign(ctx.pageWith({country: iso3, bbox: null}, "events-section")));
      }
      countries.appendChild(path);
    }
    pointsLayer = svg("g", {class: "points"});
    layer.appendChild(countries);
    layer.appendChild(pointsLayer);
    root.appendChild(layer);
    box.appendChild(root);
    places = data.places.map((p) => {
      const [x, y] = project(p.lon, p.lat);
      return {...p, x, y};
    });
    const selected = ctx.params.get("bbox") ? drawSelectedBox(ctx.params.get("bbox")) : null;
    if (selected) fitBox(...selected);
    enablePanZoom();
    applyView();
    document.getElementById("map-title").textContent = `— ${fmt(data.located)} of ${fmt(data.total)} events placed`;
    document.getElementById("map-note").textContent = data.places.length
      ? `${fmt(data.places.length)} places. Wheel or buttons to zoom, drag to pan; click a circle to list its events, a country for the events there.`
      : "No event matching these filters has coordinates.";
  }

  function sphere() {
    const points = [];
    for (let lat = -90; lat <= 90; lat += 5) points.push(project(-180, lat));
    for (let lat = 90; lat >= -90; lat -= 5) points.push(project(180, lat));
    return `M${points.map((p) => p.map((v) => v.toFixed(1)).join(",")).join("L")}Z`;
  }

  return {load};
})();
