// The API documentation, offline: every operation of /openapi.json with its parameters, request body and
// responses, the schemas, and a form per GET operation that sends the request from this page and shows the
// JSON answer. Our own code: it reads the schema, builds the page with text nodes only, loads nothing else.
"use strict";

(() => {
  const {el, clear, getJSON, showError} = EW;
  let spec = null;

  function resolve(schema) {
    if (schema && schema.$ref) return {name: schema.$ref.split("/").pop(), ...spec.components.schemas[schema.$ref.split("/").pop()]};
    return schema || {};
  }

  function typeOf(schema) {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
    if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
    if (schema.type === "array") return `${typeOf(schema.items)}[]`;
    if (schema.const !== undefined) return JSON.stringify(schema.const);
    let text = schema.type || "object";
    const bounds = [];
    if (schema.minimum !== undefined) bounds.push(`≥ ${schema.minimum}`);
    if (schema.maximum !== undefined) bounds.push(`≤ ${schema.maximum}`);
    if (bounds.length) text += ` (${bounds.join(", ")})`;
    return text;
  }

  function paragraphs(text) {
    return (text || "").split(/\n\s*\n/).filter((p) => p.trim()).map((p) => el("p", {}, p.trim()));
  }

  function anchor(method, path) {
    return `op-${method}-${path.replace(/[^a-zA-Z0-9]+/g, "-")}`;
  }

  function parametersTable(params) {
    const table = el("table", {className: "events params"},
      el("thead", {}, el("tr", {}, el("th", {}, "name"), el("th", {}, "in"), el("th", {}, "type"),
        el("th", {}, "default"), el("th", {}, "description"))));
    const body = el("tbody");
    for (const p of params) {
      const schema = p.schema || {};
      body.appendChild(el("tr", {},
        el("td", {}, el("code", {}, p.name), p.required ? el("span", {className: "required"}, " required") : null),
        el("td", {}, p.in), el("td", {}, typeOf(schema)),
        el("td", {}, schema.default === undefined ? "" : JSON.stringify(schema.default)),
        el("td", {}, p.description || schema.description || "")));
    }
    table.appendChild(body);
    return table;
  }

  function tryForm(path, params) {
    const form = el("form", {className: "try"});
    const fields = [];
    for (const p of params.filter((x) => x.in === "query" || x.in === "path")) {
      const input = el("input", {name: p.name, placeholder: p.schema && p.schema.default !== undefined
        ? String(p.schema.default) : (p.example || (p.schema && p.schema.examples && p.schema.examples[0]) || "")});
      fields.push([p, input]);
      form.appendChild(el("label", {}, p.name, input));
    }
    const output = el("pre", {className: "answer", hidden: true});
    const status = el("span", {className: "muted"});
    form.appendChild(el("button", {type: "submit"}, "Send GET"));
    form.appendChild(status);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      let url = path;
      const query = new URLSearchParams();
      for (const [p, input] of fields) {
        if (!input.value) continue;
        if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(input.value));
        else query.set(p.name, input.value);
      }
      if (/\{[^}]+\}/.test(url)) { status.textContent = " fill in the path parameters"; return; }
      const text = query.toString();
      const response = await fetch(text ? `${url}?${text}` : url, {headers: {Accept: "application/json"}});
      status.textContent = ` ${response.status} ${response.statusText} — GET ${url}${text ? `?${text}` : ""}`;
      const type = response.headers.get("content-type") || "";
      let body = await response.text();
      if (type.includes("json")) {
        try { body = JSON.stringify(JSON.parse(body), null, 2); } catch (_e) { /* shown as it came */ }
      }
      output.textContent = body.length > 200000 ? `${body.slice(0, 200000)}\n…` : body;
      output.hidden = false;
    });
    return el("div", {}, form, output);
  }

  function operation(path, method, op) {
    const params = op.parameters || [];
    const section = el("section", {className: "operation", id: anchor(method, path)},
      el("h3", {}, el("span", {className: `method m-${method}`}, method.toUpperCase()), " ", el("code", {}, path),
        " ", el("span", {className: "muted"}, op.summary || "")),
      ...paragraphs(op.description));
    if (op.security) section.appendChild(el("p", {className: "muted"}, "Needs Authorization: Bearer <token>."));
    if (params.length) section.appendChild(parametersTable(params));
    if (op.requestBody) {
      const content = op.requestBody.content || {};
      for (const [type, body] of Object.entries(content)) {
        section.appendChild(el("p", {}, "Request body (", el("code", {}, type), "): ", typeOf(body.schema)));
      }
    }
    const responses = el("dl", {className: "meta"});
    for (const [code, r] of Object.entries(op.responses || {})) {
      const content = r.content || {};
      const schemas = Object.entries(content).map(([type, c]) => `${type}${c.schema ? `: ${typeOf(c.schema)}` : ""}`);
      responses.appendChild(el("dt", {}, code));
      responses.appendChild(el("dd", {}, r.description || "", schemas.length ? ` — ${schemas.join("; ")}` : ""));
    }
    section.appendChild(el("h4", {}, "Responses"));
    section.appendChild(responses);
    if (method === "get") section.appendChild(tryForm(path, params));
    return section;
  }

  function schemaSection(name, schema) {
    const section = el("section", {className: "schema", id: `schema-${name}`}, el("h3", {}, el("code", {}, name)),
      ...paragraphs(schema.description));
    const props = schema.properties || {};
    if (Object.keys(props).length) {
      const required = new Set(schema.required || []);
      const list = el("dl", {className: "meta"});
      for (const [prop, s] of Object.entries(props)) {
        list.appendChild(el("dt", {}, el("code", {}, prop), required.has(prop) ? " *" : ""));
        list.appendChild(el("dd", {}, typeOf(s), s.description ? ` — ${s.description}` : ""));
      }
      section.appendChild(list);
    }
    return section;
  }

  async function load() {
    try {
      spec = await getJSON("/openapi.json");
    } catch (error) {
      showError(error);
      document.body.dataset.ready = "1";
      return;
    }
    document.title = `${spec.info.title} ${spec.info.version} — API documentation`;
    const intro = document.getElementById("api-intro");
    clear(intro);
    intro.appendChild(el("h2", {}, `${spec.info.title} ${spec.info.version}`));
    for (const p of paragraphs(spec.info.description)) intro.appendChild(p);
    const toc = document.getElementById("api-toc");
    const ops = document.getElementById("api-operations");
    const list = el("ul");
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        list.appendChild(el("li", {}, el("a", {href: `#${anchor(method, path)}`},
          `${method.toUpperCase()} ${path}`), " ", el("span", {className: "muted"}, op.summary || "")));
        ops.appendChild(operation(path, method, op));
      }
    }
    toc.appendChild(el("h2", {}, "Operations"));
    toc.appendChild(list);
    const schemas = document.getElementById("api-schemas");
    schemas.appendChild(el("h2", {}, "Schemas"));
    for (const [name, schema] of Object.entries((spec.components || {}).schemas || {})) {
      schemas.appendChild(schemaSection(name, resolve({$ref: `#/components/schemas/${name}`})));
    }
    document.body.dataset.ready = "1";
  }

  document.addEventListener("DOMContentLoaded", load);
})();
