// AlignTool's page: plain JavaScript, no build step. It calls the server's JSON API (/openapi.json describes it)
// and keeps nothing but the access token (sessionStorage, this tab only; no cookie is ever used).
"use strict";

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = "aligntool-token";

// ---- the API ---------------------------------------------------------------------------------------------------

async function api(path, body) {
  const headers = { Accept: "application/json" };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = "Bearer " + token;
  const init = { method: body === undefined ? "GET" : "POST", headers };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  let json = null;
  try { json = await response.json(); } catch { /* an empty or non-JSON answer */ }
  if (!response.ok) throw new Error(json && json.error ? json.error : `HTTP ${response.status}`);
  return json;
}

function say(message, isError) {
  const s = $("status");
  s.textContent = message;
  s.classList.toggle("error", !!isError);
}

async function run(what, action) {
  try {
    say(what + "…");
    await action();
  } catch (e) {
    say(e.message, true);
  }
}

async function loadStats() {
  try {
    const s = await api("/api/stats");
    $("doc-count").textContent = s.documents.toLocaleString("en");
    $("unit-count").textContent = s.units.toLocaleString("en");
  } catch (e) {
    $("doc-count").textContent = "?";
    $("unit-count").textContent = "?";
    say("Counts not available: " + e.message, true);
  }
}

// ---- tabs ------------------------------------------------------------------------------------------------------

function setupTabs() {
  const tabs = Array.from(document.querySelectorAll('[role="tab"]'));
  const select = (tab) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute("aria-controls")).hidden = !on;
    }
    tab.focus();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (e) => {
      if (e.key === "ArrowRight") select(tabs[(i + 1) % tabs.length]);
      else if (e.key === "ArrowLeft") select(tabs[(i + tabs.length - 1) % tabs.length]);
      else return;
      e.preventDefault();
    });
  });
}

// Files are read in the browser: their text goes to the server, never a path.
function loadFileInto(input, textarea, onName) {
  input.addEventListener("change", () => {
    const file = input.files && input.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => { textarea.value = String(reader.result); if (onName) onName(file.name); };
    reader.onerror = () => say(`Could not read ${file.name}`, true);
    reader.readAsText(file, "utf-8");
  });
}

function textCell(tr, text, lang, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (lang) { td.lang = lang; td.dir = lang === "ar" ? "rtl" : "ltr"; }
  if (className) td.className = className;
  tr.appendChild(td);
  return td;
}

const LANG_NAMES = { en: "English", ar: "Arabic", zh: "Chinese" };

// ---- alignment review ------------------------------------------------------------------------------------------

const review = {
  source: null, // { name, lang, sentences }
  target: null,
  beads: [],    // { src: [ids], tgt: [ids], confidence, accepted }
  current: 0,
  selected: new Set(),
  names: { en: null, other: null },
};

function confidenceClass(c) {
  return c >= 0.8 ? "high" : c >= 0.5 ? "medium" : "low";
}

function renderBeads() {
  const tbody = $("beads").querySelector("tbody");
  tbody.replaceChildren();
  const otherLang = review.target.lang;
  review.beads.forEach((b, i) => {
    const tr = document.createElement("tr");
    const level = confidenceClass(b.confidence);
    tr.className = `conf-${level === "medium" ? "mid" : level}` + (b.accepted ? " accepted" : "") + (i === review.current ? " current" : "");
    tr.dataset.index = String(i);
    tr.tabIndex = i === review.current ? 0 : -1;
    tr.setAttribute("aria-selected", review.selected.has(i) ? "true" : "false");
    textCell(tr, String(i + 1), null, "num");
    sentencesCell(tr, b.src, review.source, "en");
    sentencesCell(tr, b.tgt, review.target, otherLang);
    const conf = textCell(tr, `${b.confidence.toFixed(2)} ${level}`, null, "conf");
    conf.title = "the aligner's confidence";
    textCell(tr, b.accepted ? "accepted ✓" : (b.src.length === 0 || b.tgt.length === 0 ? "unaligned" : "to review"), null, "state");
    tbody.appendChild(tr);
  });
  const accepted = review.beads.filter((b) => b.accepted).length;
  $("beads-caption").textContent = `${review.beads.length} beads between ${review.source.name || "English"} and ${review.target.name || LANG_NAMES[otherLang]}; ${accepted} accepted`;
}

function sentencesCell(tr, ids, version, lang) {
  const td = document.createElement("td");
  td.className = "sentences";
  td.lang = lang;
  td.dir = lang === "ar" ? "rtl" : "ltr";
  for (const id of ids) {
    const span = document.createElement("span");
    span.textContent = version.sentences[id];
    td.appendChild(span);
  }
  tr.appendChild(td);
}

function focusCurrent() {
  const row = $("beads").querySelector(`tbody tr[data-index="${review.current}"]`);
  if (row) row.focus();
}

function update(message) {
  renderBeads();
  focusCurrent();
  if (message) say(message);
}

function moveTo(i, extend) {
  if (review.beads.length === 0) return;
  const next = Math.max(0, Math.min(review.beads.length - 1, i));
  if (extend) {
    review.selected.add(review.current);
    review.selected.add(next);
  } else {
    review.selected.clear();
  }
  review.current = next;
  update();
}

function accept(all) {
  const which = all ? review.beads.map((_, i) => i) : (review.selected.size > 0 ? [...review.selected] : [review.current]);
  for (const i of which) review.beads[i].accepted = true;
  update(all ? "Every bead accepted." : `Bead ${which.map((i) => i + 1).join(", ")} accepted.`);
}

function merge() {
  let ids = [...review.selected].sort((a, b) => a - b);
  if (ids.length < 2) ids = [review.current, review.current + 1];
  const from = ids[0], to = ids[ids.length - 1];
  if (to >= review.beads.length) { say("There is no next bead to merge with.", true); return; }
  const group = review.beads.slice(from, to + 1);
  const merged = {
    src: group.flatMap((b) => b.src).sort((a, b) => a - b),
    tgt: group.flatMap((b) => b.tgt).sort((a, b) => a - b),
    confidence: Math.min(...group.map((b) => b.confidence)),
    accepted: false,
  };
  review.beads.splice(from, to - from + 1, merged);
  review.selected.clear();
  review.current = from;
  update(`Beads ${from + 1} to ${to + 1} merged into bead ${from + 1}.`);
}

function split() {
  const b = review.beads[review.current];
  if (b.src.length + b.tgt.length < 2 || (b.src.length <= 1 && b.tgt.length <= 1 && (b.src.length === 0 || b.tgt.length === 0))) {
    say("This bead has one sentence on each side at most: nothing to split.", true);
    return;
  }
  const ks = b.src.length > 1 ? Math.ceil(b.src.length / 2) : b.src.length;
  const kt = b.tgt.length > 1 ? Math.ceil(b.tgt.length / 2) : b.tgt.length;
  const first = { src: b.src.slice(0, ks), tgt: b.tgt.slice(0, kt), confidence: b.confidence, accepted: false };
  const second = { src: b.src.slice(ks), tgt: b.tgt.slice(kt), confidence: b.confidence, accepted: false };
  review.beads.splice(review.current, 1, first, second);
  review.selected.clear();
  update(`Bead ${review.current + 1} split in two.`);
}

function shift(down) {
  const i = review.current;
  const b = review.beads[i], next = review.beads[i + 1];
  if (!next) { say("There is no next bead.", true); return; }
  if (down) {
    if (b.tgt.length === 0) { say("This bead has no translation to give.", true); return; }
    next.tgt.unshift(b.tgt.pop());
  } else {
    if (next.tgt.length === 0) { say("The next bead has no translation to give.", true); return; }
    b.tgt.push(next.tgt.shift());
  }
  b.accepted = next.accepted = false;
  if (b.src.length === 0 && b.tgt.length === 0) review.beads.splice(i, 1);
  else if (next.src.length === 0 && next.tgt.length === 0) review.beads.splice(i + 1, 1);
  update(down ? `The last translation sentence of bead ${i + 1} moved to the next bead.` : `The next bead's first translation sentence moved to bead ${i + 1}.`);
}

async function store() {
  const accepted = review.beads.filter((b) => b.accepted && b.src.length > 0 && b.tgt.length > 0);
  if (accepted.length === 0) { say("Accept the beads to store first (a, or Accept all).", true); return; }
  await run("Storing", async () => {
    const r = await api("/api/beads", {
      source: { name: review.source.name, lang: review.source.lang, sentences: review.source.sentences },
      target: { name: review.target.name, lang: review.target.lang, sentences: review.target.sentences },
      beads: accepted.map((b) => ({ src: b.src, tgt: b.tgt })),
    });
    say(r.status === "added"
      ? `Stored ${accepted.length} beads in "${r.document}": ${r.units} new units, ${r.variants} new translations.`
      : `Nothing new to store: "${r.document}" is ${r.status.replace(/-/g, " ")}.`);
    await loadStats();
  });
}

function setupReview() {
  loadFileInto($("en-file"), $("en-text"), (n) => { review.names.en = n; });
  loadFileInto($("other-file"), $("other-text"), (n) => { review.names.other = n; });
  $("align-form").addEventListener("submit", (e) => {
    e.preventDefault();
    run("Aligning", async () => {
      const r = await api("/api/align", {
        source: { name: review.names.en || "english.md", text: $("en-text").value, lang: "en" },
        target: { name: review.names.other || "translation.md", text: $("other-text").value },
      });
      if (r.target.lang === "en") throw new Error("The second version is in English too: give its Arabic or Chinese version.");
      review.source = r.source;
      review.target = r.target;
      review.beads = r.beads.map((b) => ({ src: b.src.slice(), tgt: b.tgt.slice(), confidence: b.confidence, accepted: false }));
      review.current = 0;
      review.selected.clear();
      $("other-head").textContent = LANG_NAMES[r.target.lang] || r.target.lang;
      $("review").hidden = false;
      const flagged = r.beads.filter((b) => b.review).length;
      update(`${r.beads.length} beads, ${flagged} flagged for review.`);
    });
  });
  $("accept").addEventListener("click", () => accept(false));
  $("accept-all").addEventListener("click", () => accept(true));
  $("merge").addEventListener("click", merge);
  $("split").addEventListener("click", split);
  $("shift-down").addEventListener("click", () => shift(true));
  $("shift-up").addEventListener("click", () => shift(false));
  $("store").addEventListener("click", store);

  const tbody = $("beads").querySelector("tbody");
  tbody.addEventListener("click", (e) => {
    const tr = e.target.closest("tr");
    if (!tr) return;
    const i = Number(tr.dataset.index);
    if (e.shiftKey || e.ctrlKey || e.metaKey) {
      review.selected.add(review.current);
      if (review.selected.has(i) && i !== review.current) review.selected.delete(i); else review.selected.add(i);
      review.current = i;
      update();
    } else {
      moveTo(i, false);
    }
  });
  tbody.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    switch (e.key) {
      case "ArrowDown": case "j": moveTo(review.current + 1, e.shiftKey); break;
      case "ArrowUp": case "k": moveTo(review.current - 1, e.shiftKey); break;
      case "J": moveTo(review.current + 1, true); break;
      case "K": moveTo(review.current - 1, true); break;
      case "Home": moveTo(0, false); break;
      case "End": moveTo(review.beads.length - 1, false); break;
      case "a": case "Enter": accept(false); break;
      case "A": accept(true); break;
      case "m": merge(); break;
      case "s": split(); break;
      case "]": shift(true); break;
      case "[": shift(false); break;
      case "Escape": review.selected.clear(); update(); break;
      default: return;
    }
    e.preventDefault();
  });
}

// ---- concordance and lookup ------------------------------------------------------------------------------------

// The text with every occurrence of the term marked (case-insensitive), built as DOM nodes, never as HTML.
function highlighted(text, term, lang) {
  const td = document.createElement("td");
  if (lang) { td.lang = lang; td.dir = lang === "ar" ? "rtl" : "ltr"; }
  const hay = text.toLocaleLowerCase(), needle = term.toLocaleLowerCase();
  let at = 0;
  if (needle.length > 0) {
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, at)) {
      td.append(text.slice(at, i));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(i, i + needle.length);
      td.appendChild(mark);
      at = i + needle.length;
    }
  }
  td.append(text.slice(at));
  return td;
}

function setupConcordance() {
  $("concordance-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const term = $("term").value.trim();
    run("Searching", async () => {
      const hits = await api("/api/concordance?term=" + encodeURIComponent(term));
      const tbody = $("hits").querySelector("tbody");
      tbody.replaceChildren();
      for (const h of hits) {
        const tr = document.createElement("tr");
        tr.appendChild(highlighted(h.source, term, "en"));
        tr.appendChild(highlighted(h.target, term, h.lang));
        textCell(tr, LANG_NAMES[h.lang] || h.lang);
        textCell(tr, h.via);
        tbody.appendChild(tr);
      }
      $("hits").hidden = false;
      say(`${hits.length} units contain "${term}".`);
    });
  });
  $("lookup-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = $("lookup-text").value.trim(), to = $("lookup-to").value;
    run("Looking up", async () => {
      const matches = await api(`/api/lookup?to=${to}&text=${encodeURIComponent(text)}`);
      const tbody = $("matches").querySelector("tbody");
      tbody.replaceChildren();
      for (const m of matches) {
        const tr = document.createElement("tr");
        textCell(tr, m.kind);
        textCell(tr, String(m.score), null, "num");
        textCell(tr, m.target, m.lang, "match-target");
        textCell(tr, m.source, "en");
        textCell(tr, m.via);
        tr.title = m.reasons.join("; ");
        tbody.appendChild(tr);
      }
      $("matches").hidden = false;
      say(`${matches.length} matches.`);
    });
  });
}

// ---- prefill review --------------------------------------------------------------------------------------------

const prefillState = { name: null };

function setupPrefill() {
  loadFileInto($("prefill-file"), $("prefill-text"), (n) => { prefillState.name = n; });
  $("prefill-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const to = $("prefill-to").value;
    run("Prefilling", async () => {
      const r = await api("/api/prefill", { text: $("prefill-text").value, to, name: prefillState.name || "document.md" });
      const rep = r.report;
      $("prefill-report").textContent =
        `${rep.segments} segments, ${rep.kept} kept as they are; ${rep.filled + rep.forReview} prefilled ` +
        `(${Math.round(rep.segmentShare * 100)} %), ${rep.forReview} fuzzy fills to review, ${rep.suggestions} suggestions; ` +
        `${rep.wordsFilled} of ${rep.words} words (${Math.round(rep.wordShare * 100)} %).`;
      const tbody = $("segments").querySelector("tbody");
      tbody.replaceChildren();
      for (const s of r.segments) {
        const tr = document.createElement("tr");
        if (s.action === "filledforreview") tr.className = "fill-review";
        else if (s.action === "leftinenglish") tr.className = "fill-none";
        textCell(tr, String(s.id + 1), null, "num");
        textCell(tr, s.source, "en");
        const target = s.action === "leftinenglish" && s.suggestion ? `${s.target}\n(suggested: ${s.suggestion.target})` : s.target;
        textCell(tr, target, s.action === "leftinenglish" && !s.suggestion ? "en" : to);
        textCell(tr, s.kind === "none" ? "none" : `${s.kind} ${s.score}`);
        textCell(tr, { filled: "filled", filledforreview: "filled, to review", leftinenglish: "left in English", kept: "kept" }[s.action] || s.action);
        tbody.appendChild(tr);
      }
      $("draft").value = r.draft;
      $("draft").lang = to;
      $("prefill-result").hidden = false;
      say("Draft ready.");
    });
  });
  $("download").addEventListener("click", () => {
    const blob = new Blob([$("draft").value], { type: "text/markdown;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    const base = (prefillState.name || "document.md").replace(/\.[^.]*$/, "");
    a.download = `${base}.${$("prefill-to").value}.md`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
}

// ---- start -----------------------------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  $("token").value = sessionStorage.getItem(TOKEN_KEY) || "";
  $("token-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const t = $("token").value.trim();
    if (t) sessionStorage.setItem(TOKEN_KEY, t); else sessionStorage.removeItem(TOKEN_KEY);
    say(t ? "Token in use for this tab." : "No token.");
    loadStats();
  });
  setupTabs();
  setupReview();
  setupConcordance();
  setupPrefill();
  loadStats();
});
