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

// Rows pivoted on English: a row is a group of English sentences with, for each translation, the sentences aligned to
// them and that pair's confidence. The page aligns English with each translation (POST /api/align, once a pair) and
// stores each pair's accepted rows (POST /api/beads, once a pair).

const TRANSLATIONS = ["ar", "zh"]; // column order

const review = {
  source: null,  // { name, lang, sentences }: the English version, the same for every pair
  targets: {},   // lang -> { name, lang, sentences }
  langs: [],     // the translations given, in column order
  rows: [],      // { src: [ids], t: { lang: { ids: [ids], confidence: number | null } }, accepted }
  current: 0,
  selected: new Set(),
  column: "ar",  // the translation column ] and [ act on
  names: { en: null, ar: null, zh: null },
};

function confidenceClass(c) {
  return c === null ? "none" : c >= 0.8 ? "high" : c >= 0.5 ? "medium" : "low";
}

const sorted = (ids) => ids.slice().sort((a, b) => a - b);
const minConfidence = (values) => {
  const known = values.filter((c) => c !== null);
  return known.length === 0 ? null : Math.min(...known);
};

// The rows of several pairwise alignments of one English version. English sentences i and i+1 share a row when a bead
// of any pair spans both, so a row is the smallest union of overlapping English ranges. A bead with no English (a
// translation sentence the aligner left alone) is a row of its own after the row of its pair's previous bead.
function pivot(englishCount, pairs) {
  const langs = Object.keys(pairs);
  const joined = new Array(Math.max(0, englishCount - 1)).fill(false);
  for (const lang of langs) {
    for (const b of pairs[lang]) {
      if (b.src.length === 0) continue;
      for (let k = Math.min(...b.src); k < Math.max(...b.src); k++) joined[k] = true;
    }
  }
  const rowOf = new Array(englishCount);
  const rows = [];
  for (let i = 0; i < englishCount; i++) {
    if (i === 0 || !joined[i - 1]) rows.push({ src: [], t: {}, accepted: false });
    rows[rows.length - 1].src.push(i);
    rowOf[i] = rows.length - 1;
  }
  const emptyCells = () => Object.fromEntries(langs.map((l) => [l, { ids: [], confidence: null }]));
  for (const row of rows) row.t = emptyCells();
  const loose = new Map(); // row index after which (-1: before the first) -> rows with no English
  for (const lang of langs) {
    let after = -1;
    for (const b of pairs[lang]) {
      if (b.src.length > 0) {
        after = rowOf[b.src[0]];
        const cell = rows[after].t[lang];
        cell.ids = sorted(cell.ids.concat(b.tgt));
        cell.confidence = minConfidence([cell.confidence, b.confidence]);
      } else if (b.tgt.length > 0) {
        const row = { src: [], t: emptyCells(), accepted: false };
        row.t[lang] = { ids: sorted(b.tgt), confidence: b.confidence };
        if (!loose.has(after)) loose.set(after, []);
        loose.get(after).push(row);
      }
    }
  }
  const out = [...(loose.get(-1) || [])];
  rows.forEach((row, r) => out.push(row, ...(loose.get(r) || [])));
  return out;
}

const isEmptyRow = (row) => row.src.length === 0 && review.langs.every((l) => row.t[l].ids.length === 0);

function renderBeads() {
  const tbody = $("beads").querySelector("tbody");
  tbody.replaceChildren();
  for (const lang of TRANSLATIONS) {
    const head = $("head-" + lang);
    head.hidden = !review.langs.includes(lang);
    const on = lang === review.column;
    head.classList.toggle("shift-target", on);
    head.textContent = LANG_NAMES[lang];
    if (on && review.langs.length > 1) {
      const mark = document.createElement("span");
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = " ◆";
      head.appendChild(mark);
    }
    $("pick-" + lang + "-box").hidden = !review.langs.includes(lang);
    $("pick-" + lang).checked = on;
  }
  for (const span of document.querySelectorAll(".column-name")) span.textContent = LANG_NAMES[review.column];
  review.rows.forEach((row, i) => {
    const tr = document.createElement("tr");
    tr.className = (row.accepted ? "accepted" : "") + (i === review.current ? " current" : "");
    tr.dataset.index = String(i);
    tr.tabIndex = i === review.current ? 0 : -1;
    tr.setAttribute("aria-selected", review.selected.has(i) ? "true" : "false");
    textCell(tr, String(i + 1), null, "num");
    sentencesCell(tr, row.src, review.source, "en");
    for (const lang of review.langs) {
      const cell = row.t[lang];
      const td = sentencesCell(tr, cell.ids, review.targets[lang], lang);
      const level = confidenceClass(cell.confidence);
      td.classList.add("translation", `conf-${level === "medium" ? "mid" : level}`);
      td.dataset.lang = lang;
      if (i === review.current && lang === review.column) { td.classList.add("shift-cell"); td.setAttribute("aria-current", "true"); }
      const label = document.createElement("div");
      label.className = "conf-label";
      label.lang = "en";
      label.dir = "ltr";
      label.textContent = cell.confidence === null ? "no bead" : `${level} ${cell.confidence.toFixed(2)}`;
      label.title = `the aligner's confidence, English–${LANG_NAMES[lang]}`;
      td.appendChild(label);
    }
    const aligned = row.src.length > 0 && review.langs.some((l) => row.t[l].ids.length > 0);
    textCell(tr, row.accepted ? "accepted ✓" : aligned ? "to review" : "unaligned", null, "state");
    tbody.appendChild(tr);
  });
  const accepted = review.rows.filter((r) => r.accepted).length;
  const others = review.langs.map((l) => review.targets[l].name || LANG_NAMES[l]).join(" and ");
  $("beads-caption").textContent = `${review.rows.length} rows: ${review.source.name || "English"} with ${others}; ${accepted} accepted`;
}

function sentencesCell(tr, ids, version, lang) {
  const td = document.createElement("td");
  td.className = "sentences";
  td.lang = lang;
  td.dir = lang === "ar" ? "rtl" : "ltr";
  for (const id of ids) {
    const span = document.createElement("span");
    span.className = "s";
    span.textContent = version.sentences[id];
    td.appendChild(span);
  }
  tr.appendChild(td);
  return td;
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
  if (review.rows.length === 0) return;
  const next = Math.max(0, Math.min(review.rows.length - 1, i));
  if (extend) {
    review.selected.add(review.current);
    review.selected.add(next);
  } else {
    review.selected.clear();
  }
  review.current = next;
  update();
}

// From the grid the focus stays on the current row; from the toolbar's choice it stays on the choice.
function setColumn(lang, fromGrid) {
  if (!review.langs.includes(lang)) return;
  review.column = lang;
  renderBeads();
  if (fromGrid) focusCurrent();
  say(`] and [ now act on the ${LANG_NAMES[lang]} column.`);
}

function stepColumn(by) {
  const k = review.langs.indexOf(review.column);
  setColumn(review.langs[(k + by + review.langs.length) % review.langs.length], true);
}

function accept(all) {
  const which = all ? review.rows.map((_, i) => i) : (review.selected.size > 0 ? sorted([...review.selected]) : [review.current]);
  for (const i of which) review.rows[i].accepted = true;
  update(all ? "Every row accepted." : `Row ${which.map((i) => i + 1).join(", ")} accepted.`);
}

function merge() {
  let ids = sorted([...review.selected]);
  if (ids.length < 2) ids = [review.current, review.current + 1];
  const from = ids[0], to = ids[ids.length - 1];
  if (to >= review.rows.length) { say("There is no next row to merge with.", true); return; }
  const group = review.rows.slice(from, to + 1);
  const merged = {
    src: sorted(group.flatMap((r) => r.src)),
    t: Object.fromEntries(review.langs.map((l) => [l, {
      ids: sorted(group.flatMap((r) => r.t[l].ids)),
      confidence: minConfidence(group.map((r) => r.t[l].confidence)),
    }])),
    accepted: false,
  };
  review.rows.splice(from, to - from + 1, merged);
  review.selected.clear();
  review.current = from;
  update(`Rows ${from + 1} to ${to + 1} merged into row ${from + 1}.`);
}

// Splits every side with two sentences or more in the middle; a side with one sentence stays in the first row.
function split() {
  const row = review.rows[review.current];
  const sides = [row.src, ...review.langs.map((l) => row.t[l].ids)];
  if (sides.every((ids) => ids.length < 2)) {
    say("This row has one sentence in each column at most: nothing to split.", true);
    return;
  }
  const half = (ids) => (ids.length > 1 ? Math.ceil(ids.length / 2) : ids.length);
  const part = (second) => ({
    src: second ? row.src.slice(half(row.src)) : row.src.slice(0, half(row.src)),
    t: Object.fromEntries(review.langs.map((l) => {
      const c = row.t[l];
      return [l, { ids: second ? c.ids.slice(half(c.ids)) : c.ids.slice(0, half(c.ids)), confidence: c.confidence }];
    })),
    accepted: false,
  });
  review.rows.splice(review.current, 1, part(false), part(true));
  review.selected.clear();
  update(`Row ${review.current + 1} split in two.`);
}

// Moves the boundary between this row and the next in the translation column that has the focus (review.column).
function shift(down) {
  const i = review.current, lang = review.column, name = LANG_NAMES[lang];
  const row = review.rows[i], next = review.rows[i + 1];
  if (!next) { say("There is no next row.", true); return; }
  const here = row.t[lang], there = next.t[lang];
  if (down) {
    if (here.ids.length === 0) { say(`This row has no ${name} sentence to give.`, true); return; }
    there.ids.unshift(here.ids.pop());
    if (there.confidence === null) there.confidence = here.confidence;
  } else {
    if (there.ids.length === 0) { say(`The next row has no ${name} sentence to give.`, true); return; }
    here.ids.push(there.ids.shift());
    if (here.confidence === null) here.confidence = there.confidence;
  }
  row.accepted = next.accepted = false;
  if (isEmptyRow(row)) review.rows.splice(i, 1);
  else if (isEmptyRow(next)) review.rows.splice(i + 1, 1);
  update(down ? `The last ${name} sentence of row ${i + 1} moved to the next row.` : `The next row's first ${name} sentence moved to row ${i + 1}.`);
}

// One POST /api/beads a pair: the accepted rows with English and that pair's translation.
async function store() {
  const perPair = review.langs
    .map((lang) => ({ lang, beads: review.rows.filter((r) => r.accepted && r.src.length > 0 && r.t[lang].ids.length > 0).map((r) => ({ src: r.src, tgt: r.t[lang].ids })) }))
    .filter((p) => p.beads.length > 0);
  if (perPair.length === 0) { say("Accept the rows to store first (a, or Accept all).", true); return; }
  await run("Storing", async () => {
    const done = [];
    for (const p of perPair) {
      const t = review.targets[p.lang];
      let r;
      try {
        r = await api("/api/beads", {
          source: { name: review.source.name, lang: review.source.lang, sentences: review.source.sentences },
          target: { name: t.name, lang: t.lang, sentences: t.sentences },
          beads: p.beads,
        });
      } catch (e) {
        // A pair stored before stays stored (the same beads again add nothing): say so with the failure.
        throw new Error((done.length > 0 ? `Stored ${done.join("; ")}; but ` : "") + `the ${LANG_NAMES[p.lang]} beads were not stored: ${e.message}`);
      }
      done.push(r.status === "added"
        ? `${p.beads.length} ${LANG_NAMES[p.lang]} beads in "${r.document}" (${r.units} new units, ${r.variants} new translations)`
        : `no ${LANG_NAMES[p.lang]} bead new ("${r.document}" is ${r.status.replace(/-/g, " ")})`);
    }
    say(`Stored ${done.join("; ")}.`);
    await loadStats();
  });
}

async function alignAll() {
  const english = $("en-text").value;
  const given = TRANSLATIONS.filter((l) => $(l + "-text").value.trim() !== "");
  if (english.trim() === "") throw new Error("Give the English version.");
  if (given.length === 0) throw new Error("Give the Arabic or the Chinese version, or both.");
  const answers = await Promise.all(given.map((lang) => api("/api/align", {
    source: { name: review.names.en || "english.md", text: english, lang: "en" },
    target: { name: review.names[lang] || `translation.${lang}.md`, text: $(lang + "-text").value, lang },
  })));
  const source = answers[0].source;
  for (const a of answers) {
    if (a.source.sentences.length !== source.sentences.length || a.source.sentences.some((s, k) => s !== source.sentences[k]))
      throw new Error("The English sentences differ between the pairs."); // the same text gives the same sentences
  }
  review.source = source;
  review.langs = given;
  review.targets = Object.fromEntries(given.map((l, k) => [l, answers[k].target]));
  review.rows = pivot(source.sentences.length, Object.fromEntries(given.map((l, k) => [l, answers[k].beads])));
  review.current = 0;
  review.selected.clear();
  if (!given.includes(review.column)) review.column = given[0];
  $("review").hidden = false;
  const flagged = given.map((l, k) => `${answers[k].beads.filter((b) => b.review).length} of ${answers[k].beads.length} ${LANG_NAMES[l]} beads`);
  update(`${review.rows.length} rows; flagged for review: ${flagged.join(", ")}.`);
}

function setupReview() {
  loadFileInto($("en-file"), $("en-text"), (n) => { review.names.en = n; });
  for (const lang of TRANSLATIONS) loadFileInto($(lang + "-file"), $(lang + "-text"), (n) => { review.names[lang] = n; });
  $("align-form").addEventListener("submit", (e) => {
    e.preventDefault();
    run("Aligning", alignAll);
  });
  $("accept").addEventListener("click", () => accept(false));
  $("accept-all").addEventListener("click", () => accept(true));
  $("merge").addEventListener("click", merge);
  $("split").addEventListener("click", split);
  $("shift-down").addEventListener("click", () => shift(true));
  $("shift-up").addEventListener("click", () => shift(false));
  $("store").addEventListener("click", store);
  for (const lang of TRANSLATIONS) $("pick-" + lang).addEventListener("change", () => setColumn(lang, false));

  const tbody = $("beads").querySelector("tbody");
  tbody.addEventListener("click", (e) => {
    const tr = e.target.closest("tr");
    if (!tr) return;
    const i = Number(tr.dataset.index);
    const cell = e.target.closest("td.translation");
    if (cell) review.column = cell.dataset.lang;
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
      case "ArrowRight": case "l": stepColumn(1); break;
      case "ArrowLeft": case "h": stepColumn(-1); break;
      case "Home": moveTo(0, false); break;
      case "End": moveTo(review.rows.length - 1, false); break;
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
