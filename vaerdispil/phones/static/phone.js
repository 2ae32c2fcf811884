// The phone page: join as a person, then follow the round (a vote: place your dots).
// Plain JavaScript; user text goes in with textContent only, never as HTML.
"use strict";
const catalog = JSON.parse(document.body.dataset.words);
const base = window.location.pathname.replace(/\/$/, "");
const store = "vaerdispil-phone:" + base;
let token = window.localStorage.getItem(store);
// The participant's own language, kept on the phone: the page's words and the cards' words
// (where the deck has a translation), each card beside the workshop's own title.
let language = window.localStorage.getItem("vaerdispil-phone-language") || catalog.language;
if (!catalog.words[language]) language = catalog.language;
let words = catalog.words[language];

function useLanguage(code) {
  language = catalog.words[code] ? code : catalog.language;
  words = catalog.words[language];
  window.localStorage.setItem("vaerdispil-phone-language", language);
  document.documentElement.lang = language;
  document.documentElement.dir = catalog.rtl.includes(language) ? "rtl" : "ltr";
  const box = document.getElementById("note-text");
  box.setAttribute("aria-label", words.note);
  box.placeholder = words.note;
  document.getElementById("note-send").textContent = words.send;
  document.getElementById("language").setAttribute("aria-label", words.language);
}

function setUpLanguages() {
  const select = document.getElementById("language");
  for (const [code, name] of Object.entries(catalog.names)) {
    select.append(el("option", { value: code, textContent: name, selected: code === language }));
  }
  select.addEventListener("change", async () => {
    useLanguage(select.value);
    seen = "";
    const data = await call(token ? "state" : "people");
    if (data && data.state) show(data.state);
    else if (data && data.people) listPeople(data.people);
  });
  useLanguage(language);
}

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  for (const child of children) node.append(child);
  return node;
}

function say(message) { document.getElementById("status").textContent = message || ""; }

async function call(path, body) {
  const options = { headers: { "X-Phone": token || "", "X-Language": language } };
  if (body !== undefined) {
    options.method = "POST";
    options.headers["Content-Type"] = "application/json";
    // Each tap has its own id: if it arrives twice, the laptop carries it out once.
    const id = new Uint8Array(12);
    window.crypto.getRandomValues(id);
    options.headers["X-Tap"] = Array.from(id, (b) => b.toString(16).padStart(2, "0")).join("");
    options.body = JSON.stringify(body);
  }
  let answer;
  try { answer = await fetch(base + "/api/" + path, options); }
  catch (error) { say(words.offline); return null; }
  if (document.getElementById("status").textContent === words.offline) say("");  // back
  const data = await answer.json().catch(() => ({}));
  if (answer.status === 401) { token = null; window.localStorage.removeItem(store); join(); return null; }
  if (!answer.ok) { say(data.error || String(answer.status)); return null; }
  return data;
}

function join() {
  // Back to choosing who you are (the laptop released this phone): the list comes next.
  seen = "";
}

function listPeople(people) {
  document.getElementById("title").textContent = words.title;
  const main = document.getElementById("main");
  main.replaceChildren(el("h2", { textContent: words.choose }));
  for (const person of people) {
    const label = person.name + " · " + person.organisation + (person.taken ? " (" + words.taken + ")" : "");
    const button = el("button", { className: "person", textContent: label, disabled: person.taken });
    button.addEventListener("click", async () => {
      const joined = await call("join", { participant: person.id });
      if (!joined) return;
      token = joined.token;
      window.localStorage.setItem(store, token);
      seen = "";
      say(words.joined);
      show(joined.state);
    });
    main.append(button);
  }
}

function show(state) {
  shown = JSON.stringify(state);
  document.getElementById("title").textContent = state.round || words.title;
  document.getElementById("you").textContent = state.you ? state.you.name + " · " + state.you.organisation : "";
  const main = document.getElementById("main");
  main.replaceChildren();
  if (state.prompt) main.append(el("p", { textContent: state.prompt }));
  if (state.mode === "pick") { showPick(main, state); }
  else if (state.mode === "turns") { showTurn(main, state); }
  else if (state.mode === "vote") { showVote(main, state); }
  else { main.append(el("p", { textContent: state.mode === "ended" ? words.ended : words.waiting })); }
  // The note box stays outside what is redrawn: a half-written note is never lost.
  document.getElementById("note").hidden = state.mode === "ended" || state.mode === "closed";
}

function beside(item) {
  // The workshop's own title of a translated card, small, so the room names one card.
  if (!item.original) return [];
  return [el("span", { className: "beside", lang: catalog.language, dir: "auto",
                       textContent: item.beside + ": " + item.original })];
}

function showTurn(main, state) {
  // The card on the table, large, for those far from the screen; the one whose turn it
  // is may pass.
  main.append(el("h2", { textContent: state.turn }));
  if (state.card) {
    main.append(el("div", { className: "card" }, el("strong", { textContent: state.card.title }),
                   ...beside(state.card), el("p", { textContent: state.card.text })));
  }
  if (state.yours) {
    const pass = el("button", { className: "primary", textContent: words.pass });
    pass.addEventListener("click", () => send("pass", {}));
    main.append(pass);
  }
}

function setUpNote() {
  // A note or a question for the facilitator, from any round.
  const box = document.getElementById("note-text");
  const button = document.getElementById("note-send");
  button.addEventListener("click", async () => {
    if (!box.value.trim()) return;
    const answer = await call("note", { text: box.value });
    if (answer && answer.received) { box.value = ""; say(words.note_sent); }
  });
}

function showVote(main, state) {
  main.append(el("p", { className: "left", textContent: state.left_text }));
  for (const value of state.values) {
    const less = el("button", { textContent: "−", disabled: state.done || value.mine === 0 });
    const more = el("button", { textContent: "+", disabled: state.done || state.left === 0 ||
                                                   (!state.stack && value.mine > 0) });
    less.setAttribute("aria-label", "−1 " + value.title);
    more.setAttribute("aria-label", "+1 " + value.title);
    less.addEventListener("click", () => place(value.key, value.mine - 1));
    more.addEventListener("click", () => place(value.key, value.mine + 1));
    main.append(el("div", { className: "value" }, el("span", { className: "title" },
                   el("span", { textContent: value.title }), ...beside(value)),
                   less, el("span", { className: "mine", textContent: String(value.mine) }), more));
  }
  const finish = el("button", { className: "primary", textContent: state.done ? words.finished : words.done,
                                disabled: state.done });
  finish.addEventListener("click", async () => {
    const answer = await call("done", {});
    if (answer) { say(words.received); show(answer.state); }
  });
  main.append(finish);
  main.append(el("p", { textContent: state.voted_text }));
}

function showPick(main, state) {
  // What the organisation has picked in this round, then the cards to pick from.
  if (state.picked.length) main.append(el("h2", { textContent: words.picked }));
  for (const pick of state.picked) {
    const remove = el("button", { textContent: words.remove });
    remove.addEventListener("click", () => send("unpick", { pick: pick.id }));
    const label = (state.side === "both" ? (pick.side === "give" ? words.give : words.get) + ": " : "") + pick.title;
    main.append(el("div", { className: "value" }, el("span", { className: "title", textContent: label }), remove));
  }
  const full = state.most !== null && state.picked.length >= state.most && state.side !== "both";
  for (const card of state.cards) {
    const already = !card.blank && state.picked.some((pick) => pick.card === card.id);
    const sides = state.side === "both" ? ["give", "get"] : [null];
    const buttons = sides.map((side) => {
      const button = el("button", { textContent: side ? words[side] : words.pick, disabled: already || full });
      button.addEventListener("click", () => askPick(row, card, side));
      return button;
    });
    const title = el("span", { className: "title" }, el("strong", { textContent: card.title }),
                     ...beside(card), el("small", { textContent: card.category }));
    const row = el("div", { className: "value" }, title, ...buttons);
    main.append(row);
  }
}

let editing = false;

function askPick(row, card, side) {
  // Own words (a blank card) and why, in the page itself: no popup. While it is open the
  // page is not redrawn, so nothing typed is lost.
  editing = true;
  const form = el("div", { className: "ask" });
  let own = null;
  if (card.blank) {
    own = el("input", { type: "text", maxLength: 200, placeholder: words.own_words });
    own.setAttribute("aria-label", words.own_words);
    form.append(own);
  }
  const why = el("input", { type: "text", maxLength: 2000, placeholder: words.why });
  why.setAttribute("aria-label", words.why);
  const ok = el("button", { className: "primary", textContent: words.pick });
  const cancel = el("button", { textContent: "×" });
  cancel.setAttribute("aria-label", "×");
  form.append(why, ok, cancel);
  row.after(form);
  (own || why).focus();
  cancel.addEventListener("click", () => { editing = false; form.remove(); drawPending(); });
  ok.addEventListener("click", async () => {
    if (own && !own.value.trim()) { own.focus(); return; }
    editing = false;
    pending = null;
    await send("pick", { card: card.id, side: side, text: own ? own.value : "", reason: why.value });
  });
}

async function send(path, body) {
  const answer = await call(path, body);
  if (answer && answer.received) { say(words.received); show(answer.state); }
}

async function place(value, dots) {
  const answer = await call("vote", { value: value, dots: dots });
  if (answer && answer.received) { say(words.received); show(answer.state); }
}

let shown = "";
let seen = "";
let pending = null;

function later(seconds) { return new Promise((done) => window.setTimeout(done, seconds * 1000)); }

async function follow() {
  // Asks "what is new since what I have?"; the laptop answers as soon as something
  // changes (or after half a minute), so a turn, an undo or a late arrival shows at once.
  // Redrawn only when something changed, and not while own words are being written: a
  // list under a finger does not move, and nothing typed is lost.
  for (;;) {
    const path = token ? "state" : "people";
    const data = await call(path + "?seen=" + encodeURIComponent(seen));
    if (!data) { seen = ""; await later(2); continue; }
    seen = data.seen || "";
    if (!token) { if (path === "people") listPeople(data.people); continue; }
    if (!data.state) continue;
    if (editing) { pending = data.state; continue; }
    if (JSON.stringify(data.state) !== shown) show(data.state);
  }
}

function drawPending() {
  if (pending && !editing) { const state = pending; pending = null; show(state); }
}

setUpNote();
setUpLanguages();
follow();
