/* The Sitrep event map. Reads the REST API of `sitrep serve` (/api/meta, /api/events,
 * /api/events/ID) and draws the events on an offline basemap (Natural Earth country outlines
 * from the world-atlas package). Every text from the store is inserted as text, never as HTML. */
(function () {
  "use strict";

  const COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4",
  };
  const OTHER_COLOUR = "#607d8b";
  const PAGE = 250;
  const FILTERS = ["type", "since", "until", "country", "actor", "text", "no_background"];

  const state = { items: [], articles: {}, total: 0, offset: 0, markers: new Map(), selected: null };
  const form = document.getElementById("filters");
  const list = document.getElementById("event-list");
  const detail = document.getElementById("detail");
  const status = document.getElementById("status");
  const more = document.getElementById("more");

  // -- small helpers ---------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "className") node.className = value;
      else if (key === "style") node.style.cssText = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === "") continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      const message = body && body.error ? body.error : `${response.status} ${response.statusText}`;
      throw new Error(message);
    }
    return body;
  }

  function setStatus(text, kind) {
    status.textContent = text;
    document.body.dataset.state = kind;
  }

  const colour = (rec) => COLOURS[rec.event_type] || OTHER_COLOUR;
  const located = (rec) => rec.location && rec.location.lat !== null && rec.location.lon !== null;

  function radius(rec) {
    const dead = rec.fatalities ? rec.fatalities.best : 0;
    return 5 + Math.min(22, 2.5 * Math.sqrt(dead));
  }

  function count(c) {
    if (!c) return null;
    const range = c.low !== c.high ? ` (${c.low}–${c.high})` : "";
    return `${c.best}${range}${c.who ? " " + c.who : ""}${c.cumulative ? ", running toll" : ""}`;
  }

  function dateText(rec) {
    if (!rec.event_date) return "undated";
    let text = `${rec.event_date} (${rec.date_precision || "?"})`;
    if (rec.date_start && rec.date_end && rec.date_start !== rec.date_end) {
      text += `, ${rec.date_start} to ${rec.date_end}`;
    }
    return rec.date_inferred ? `${text}, inferred` : text;
  }

  function placeText(loc) {
    if (!loc) return "unknown place";
    const parts = [loc.name];
    for (const part of [loc.admin2, loc.admin1, loc.country]) {
      if (part && !parts.includes(part)) parts.push(part);
    }
    return parts.join(", ");
  }

  // associated actors (ACLED's assoc_actor_1/2), names joined by "; "; absent before schema 1.3
  function assocText(actors) {
    return actors && actors.length ? actors.map((a) => a.name).join("; ") : null;
  }

  function actorText(actor) {
    if (!actor) return null;
    const same = actor.type && actor.type.toLowerCase() === actor.name.toLowerCase();
    const kind = actor.type && !same ? ` (${actor.type})` : "";
    const words = actor.text && actor.text !== actor.name ? ` — “${actor.text}”` : "";
    return `${actor.name}${kind}${words}`;
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  // -- the map -------------------------------------------------------------------------------

  const map = L.map("map", { worldCopyJump: true, minZoom: 2, zoomSnap: 0.5 }).setView([20, 20], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth (world-atlas) · Leaflet");
  map.createPane("basemap").style.zIndex = 250;
  const markers = L.featureGroup().addTo(map);

  fetch("/vendor/world-atlas/countries-50m.json")
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.statusText))))
    .then((topo) => {
      // Land filled without outlines (rings cut at the 180th meridian would draw lines across
      // the map), then the borders between countries as lines.
      const countries = topo.objects.countries;
      L.geoJSON(topojson.feature(topo, countries), {
        pane: "basemap", interactive: false,
        style: { stroke: false, fillColor: "#f4f1ea", fillOpacity: 1 },
      }).addTo(map);
      L.geoJSON(topojson.mesh(topo, countries, (a, b) => a !== b), {
        pane: "basemap", interactive: false,
        style: { color: "#90a4ae", weight: 0.7, fill: false },
      }).addTo(map);
    })
    .catch(() => map.attributionControl.addAttribution("basemap missing: run make setup"));

  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => el("div", { className: "legend" },
    Object.entries(COLOURS).map(([name, c]) =>
      el("div", {}, el("i", { style: `background:${c}` }), name)),
    el("div", {}, "size: people killed"));
  legend.addTo(map);

  // -- filters -------------------------------------------------------------------------------

  function filterParams() {
    const params = new URLSearchParams();
    const data = new FormData(form);
    for (const name of FILTERS) {
      const value = (data.get(name) || "").toString().trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  function fillForm(params) {
    for (const name of FILTERS) {
      const field = form.elements[name];
      if (!field) continue;
      if (field.type === "checkbox") field.checked = params.get(name) === "true";
      else field.value = params.get(name) || "";
    }
  }

  async function loadMeta() {
    const meta = await getJSON("/api/meta");
    const select = document.getElementById("f-type");
    const types = meta.mentions_by_type || {};
    const subs = meta.mentions_by_sub_event_type || {};
    for (const [type, subTypes] of Object.entries(meta.taxonomy)) {
      if (!types[type]) continue;
      const group = el("optgroup", { label: type });
      group.append(el("option", { value: type }, `${type} (all)`));
      for (const sub of subTypes) {
        if (subs[sub]) group.append(el("option", { value: sub }, `${sub} (${subs[sub]})`));
      }
      select.append(group);
    }
    const countries = document.getElementById("countries");
    for (const name of Object.keys(meta.mentions_by_country || {})) {
      countries.append(el("option", { value: name }));
    }
    for (const id of ["f-since", "f-until"]) {
      const input = document.getElementById(id);
      if (meta.first_date) input.min = meta.first_date;
      if (meta.last_date) input.max = meta.last_date;
    }
    return meta;
  }

  // -- events: list and markers ---------------------------------------------------------------

  function clearEvents() {
    state.items = [];
    state.articles = {};
    state.offset = 0;
    state.markers.clear();
    markers.clearLayers();
    list.replaceChildren();
    closeDetail();
  }

  function popupContent(rec) {
    return el("div", { className: "popup" },
      el("div", { className: "what" }, rec.sub_event_type),
      el("div", {}, dateText(rec)),
      el("div", {}, placeText(rec.location)),
      rec.fatalities ? el("div", {}, `killed: ${count(rec.fatalities)}`) : null,
      rec.injuries ? el("div", {}, `injured: ${count(rec.injuries)}`) : null);
  }

  function addMarker(rec) {
    if (!located(rec)) return;
    const marker = L.circleMarker([rec.location.lat, rec.location.lon], {
      radius: radius(rec), color: "#263238", weight: 1, fillColor: colour(rec),
      fillOpacity: 0.8, className: "event-marker",
    });
    marker.bindPopup(() => popupContent(rec));
    marker.on("click", () => select(rec.event_id, false));
    marker.addTo(markers);
    const path = marker.getElement();
    if (path) path.setAttribute("data-event-id", rec.event_id);
    state.markers.set(rec.event_id, marker);
  }

  function addListItem(rec) {
    const dead = rec.fatalities ? rec.fatalities.best : null;
    const item = el("li", {
      "data-event-id": rec.event_id, tabindex: 0, style: `--colour:${colour(rec)}`,
    },
    dead !== null ? el("span", { className: "toll", title: "killed" }, `${dead} †`) : null,
    el("div", { className: "when" }, rec.event_date || "undated", rec.background ? " · background" : ""),
    el("div", { className: "what" }, rec.sub_event_type),
    el("div", { className: "where" }, placeText(rec.location)),
    located(rec) ? null : el("div", { className: "unmapped" }, "no coordinates: not on the map"));
    item.addEventListener("click", () => select(rec.event_id, true));
    item.addEventListener("keydown", (e) => { if (e.key === "Enter") select(rec.event_id, true); });
    list.append(item);
  }

  function showCounts() {
    const shown = state.items.length;
    const unmapped = state.items.filter((r) => !located(r)).length;
    let text = `${state.total} event${state.total === 1 ? "" : "s"} match`;
    if (shown < state.total) text += `; showing ${shown}`;
    if (unmapped) text += ` (${unmapped} without coordinates)`;
    setStatus(text, "ready");
    more.hidden = shown >= state.total;
  }

  async function loadEvents(append) {
    const params = filterParams();
    if (!append) {
      clearEvents();
      const shown = params.toString();
      history.replaceState(null, "", shown ? `?${shown}` : location.pathname);
    }
    params.set("limit", PAGE);
    params.set("offset", state.offset);
    setStatus("Loading events…", "loading");
    try {
      const page = await getJSON(`/api/events?${params}`);
      state.total = page.total;
      state.offset += page.items.length;
      Object.assign(state.articles, page.articles);
      for (const rec of page.items) {
        state.items.push(rec);
        addListItem(rec);
      }
      // Larger circles first, so that smaller ones at the same place stay clickable on top.
      for (const rec of [...page.items].sort((a, b) => radius(b) - radius(a))) addMarker(rec);
      if (!append && markers.getLayers().length) {
        map.fitBounds(markers.getBounds(), { padding: [30, 30], maxZoom: 6 });
      }
      showCounts();
    } catch (err) {
      setStatus(`Could not load events: ${err.message}`, "error");
    }
  }

  // -- detail panel ------------------------------------------------------------------------------

  function closeDetail() {
    if (location.hash) history.replaceState(null, "", location.pathname + location.search);
    detail.hidden = true;
    detail.replaceChildren();
    state.selected = null;
    for (const li of list.querySelectorAll("li.selected")) li.classList.remove("selected");
  }

  function evidenceQuote(rec, span) {
    const trigger = rec.evidence.fields ? rec.evidence.fields.trigger : null;
    const inside = trigger && (trigger.part || "body") === (span.part || "body")
      && trigger.start >= span.start && trigger.end <= span.end;
    if (!inside) return el("blockquote", {}, span.text);
    const a = trigger.start - span.start;
    const b = trigger.end - span.start;
    return el("blockquote", {}, span.text.slice(0, a), el("mark", {}, span.text.slice(a, b)),
      span.text.slice(b));
  }

  function reportItem(ref, articles) {
    const article = articles[ref.article_id] || {};
    const url = safeUrl(article.url);
    const title = article.title || ref.article_id;
    const said = ref.attribution ? `, according to ${ref.attribution}` : "";
    const when = ref.published || article.published;
    return el("li", {},
      url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, title) : title,
      ` — ${ref.outlet || article.source || "unknown outlet"}${when ? ", " + when : ""}${said}`);
  }

  function row(label, value) {
    return value === null || value === undefined || value === "" ? [] : [el("dt", {}, label), el("dd", {}, value)];
  }

  function renderDetail(data) {
    const rec = data.event;
    const loc = rec.location;
    const att = rec.attribution;
    const sources = rec.sources && rec.sources.length ? rec.sources : data.mentions.map((m) => ({
      article_id: m.article_id, outlet: null, published: null,
      attribution: m.attribution ? m.attribution.source : null,
    }));
    const place = loc ? `${placeText(loc)} (${loc.precision})` : "unknown";
    const content = el("div", {},
      el("button", { className: "close", type: "button", "aria-label": "Close" }, "×"),
      el("h2", {}, `${rec.sub_event_type} · ${rec.event_type}`),
      el("dl", {},
        row("Date", dateText(rec)),
        row("Place", place),
        row("", loc && loc.note ? loc.note : null),
        row("Actor 1", actorText(rec.actor1)),
        row("With actor 1", assocText(rec.assoc_actor1)),
        row("Actor 2", actorText(rec.actor2)),
        row("With actor 2", assocText(rec.assoc_actor2)),
        row("Killed", count(rec.fatalities)),
        row("Injured", count(rec.injuries)),
        row("According to", att ? el("span", { className: att.hedged ? "hedged" : "" },
          `${att.source || "unnamed source"}${att.hedged ? " (hedged)" : ""} — “${att.text}”`) : null),
        row("Sources", String(Math.max(1, sources.length))),
        row("Background", rec.background ? "recounted as history, not news" : null),
        row("Confidence", rec.confidence.toFixed(2))),
      el("h3", {}, "Evidence"),
      rec.evidence.sentences.map((span) => evidenceQuote(rec, span)),
      el("h3", {}, "Reports"),
      el("ul", { className: "reports" }, sources.map((ref) => reportItem(ref, data.articles))),
      rec.notes && rec.notes.length ? [el("h3", {}, "Notes"),
        el("ul", {}, rec.notes.map((n) => el("li", { className: "note" }, n)))] : null,
      el("h3", {}, "History"),
      el("ul", { className: "history" }, data.history.map((h) => el("li", { className: "note" },
        `${h.at || ""} ${h.action} ${h.mention || ""}`,
        h.score !== null ? ` (score ${h.score.toFixed(2)})` : "",
        h.reason ? `: ${h.reason}` : ""))));
    detail.replaceChildren(...content.childNodes);
    detail.querySelector(".close").addEventListener("click", closeDetail);
    detail.dataset.eventId = data.event_id;
    detail.hidden = false;
  }

  async function select(eventId, fromList) {
    state.selected = eventId;
    history.replaceState(null, "", `${location.search}#event=${encodeURIComponent(eventId)}`);
    for (const li of list.querySelectorAll("li")) {
      li.classList.toggle("selected", li.dataset.eventId === eventId);
    }
    const marker = state.markers.get(eventId);
    if (marker && fromList) {
      map.panTo(marker.getLatLng(), { animate: false });
      marker.openPopup();
    }
    const item = list.querySelector(`li[data-event-id="${CSS.escape(eventId)}"]`);
    if (item && !fromList) item.scrollIntoView({ block: "nearest" });
    try {
      const data = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
      if (state.selected === eventId) renderDetail(data);
    } catch (err) {
      detail.replaceChildren(el("p", {}, `Could not load the event: ${err.message}`));
      detail.hidden = false;
    }
  }

  // -- start -----------------------------------------------------------------------------------

  form.addEventListener("submit", (e) => { e.preventDefault(); loadEvents(false); });
  form.addEventListener("reset", () => setTimeout(() => loadEvents(false), 0));
  more.addEventListener("click", () => loadEvents(true));

  fillForm(new URLSearchParams(location.search));
  loadMeta()
    .catch((err) => setStatus(`Could not read the store: ${err.message}`, "error"))
    .then(() => fillForm(new URLSearchParams(location.search)))
    .then(() => {
      const wanted = location.hash.match(/^#event=(.+)$/);
      return loadEvents(false).then(() => {
        if (wanted) select(decodeURIComponent(wanted[1]), true);
      });
    });
})();
