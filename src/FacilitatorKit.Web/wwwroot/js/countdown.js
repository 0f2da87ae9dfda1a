// Countdowns are drawn here, not on the server (CountdownText.cs renders them; the meeting pages start this module). Each one carries its deadline
// as an instant on the server's clock (data-deadline, ms since 1970), or the time left while paused (data-paused-ms),
// and the words and thresholds the server uses (data-words-*, data-warn-*): the rule and the wording live in one place,
// the server, and CountdownWordingTests holds the two drawings equal. This page measures how far its own clock is from
// the server's (GET /time, corrected by half the round trip), so every device shows the same time left, and nothing
// drifts however long the meeting runs.
let offset = 0; // server clock minus this device's clock, in ms
let bestRoundTrip = Infinity;

async function syncClock(keepOnlyTheBest) {
  try {
    const sent = Date.now();
    const response = await fetch("/time", { cache: "no-store" });
    const received = Date.now();
    const { now } = await response.json();
    const roundTrip = received - sent;
    // Keep the measurement from the quickest round trip: it has the least uncertainty.
    if (roundTrip <= bestRoundTrip * (keepOnlyTheBest ? 1 : 2)) {
      bestRoundTrip = Math.min(bestRoundTrip, roundTrip);
      offset = now - (sent + roundTrip / 2);
    }
  } catch {
    // Offline for a moment (flaky Wi-Fi): keep the last offset.
  }
}

// The engine's wording (TurnClock.Text): m:ss rounded up while time is left, 0:00 for the first second past the
// limit (time's up is not overtime yet), then +m:ss.
function format(el, ms) {
  if (ms > 0) {
    const s = Math.ceil(ms / 1000);
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  }
  if (ms > -timesUpFor(el)) return "0:00";
  const s = Math.floor(-ms / 1000);
  return `+${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

// TurnClock.WarningThreshold, as the server states it on the element: a fraction of the limit, and never under a floor.
const warnAt = (el, limit) => Math.max(Number(el.dataset.warnFloorMs), limit * Number(el.dataset.warnFraction));

// TurnClock.TimesUpFor: how long time's up shows as 0:00 before it is overtime.
const timesUpFor = el => Number(el.dataset.timesUpMs);

function stateOf(el, limit, remaining) {
  if (!limit) return "";
  if (remaining > 0) return remaining < warnAt(el, limit) ? "warning" : "";
  return remaining > -timesUpFor(el) ? "timesup" : "overtime";
}

const wordsOf = (el, state) => state ? el.dataset["words" + state[0].toUpperCase() + state.slice(1)] ?? "" : "";

function chime() {
  try {
    const audio = new (window.AudioContext || window.webkitAudioContext)();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 660;
    gain.gain.setValueAtTime(0.0001, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.08, audio.currentTime + 0.05);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 1.2);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 1.3);
  } catch {
    // No audio here: the words and colour still say it.
  }
}

// Sets a countdown's text in the text node Blazor rendered, rather than replacing it, so Blazor's later updates
// land in the same node and this script puts the browser's reading back at once (see the observer below).
function show(el, text) {
  if (!el || el.textContent === text) return;
  const node = el.firstChild;
  if (node && node.nodeType === Node.TEXT_NODE && !node.nextSibling) node.nodeValue = text;
  else el.textContent = text;
}

// How long until this countdown's text or state next changes: the next whole second, or the warning threshold.
function untilNextChange(el, remaining, limit) {
  let wait = remaining > 0
    ? remaining - (Math.ceil(remaining / 1000) - 1) * 1000
    : 1000 - (-remaining % 1000); // whole seconds past zero
  if (limit && remaining > warnAt(el, limit)) wait = Math.min(wait, remaining - warnAt(el, limit));
  return wait;
}

/** What a countdown element reads at a moment on the server's clock: its text, its state and the state's words. */
export function readingOf(el, serverNowMs) {
  const paused = el.dataset.pausedMs;
  const deadline = el.dataset.deadline;
  if (!paused && !deadline) return null;
  const remaining = paused ? Number(paused) : Number(deadline) - serverNowMs;
  const limit = Number(el.dataset.limitMs) || 0;
  const state = paused ? "paused" : stateOf(el, limit, remaining);
  return { remaining, limit, state, text: format(el, remaining), words: wordsOf(el, state) };
}

// A count-up: the airtime of whoever is speaking, in the Airtime table's row (FairnessPanel.razor). Its first cell
// shows the time since data-count-up-from (the server's clock), floored to the second as the server writes airtime.
// Returns how long until it next changes.
function countUp(el, now) {
  const elapsed = Math.max(0, now - Number(el.dataset.countUpFrom));
  const s = Math.floor(elapsed / 1000);
  show(el.querySelector("td"), `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`);
  el.drawn = drawnKey(el);
  return 1000 - (elapsed % 1000);
}

let timer = 0;
let synced = false; // until this device has measured the server's clock, the server's own text stands

// Draws every countdown, then sleeps until the next one changes. A page wakes once a second per running countdown,
// not five times, and not at all while every countdown is paused or none is running: with twenty devices on one
// laptop's Wi-Fi, or an old tablet, idle wake-ups are what a meeting pays for.
function tick() {
  if (!synced) return;
  clearTimeout(timer);
  const now = Date.now() + offset;
  let next = Infinity;
  for (const el of countups) {
    if (el.dataset.countUpFrom) next = Math.min(next, countUp(el, now));
  }
  for (const el of countdowns) {
    if (!el.hasAttribute("data-countdown")) continue;
    const reading = readingOf(el, now);
    if (!reading) {
      el.drawn = drawnKey(el);
      continue;
    }
    const { remaining, limit, state } = reading;
    const deadline = el.dataset.deadline;
    show(el.querySelector(".countdown-time"), reading.text);
    show(el.querySelector("[data-countdown-state]"), reading.words);
    el.classList.toggle("is-warning", state === "warning");
    el.classList.toggle("is-timesup", state === "timesup");
    el.classList.toggle("is-overtime", state === "overtime");
    el.classList.toggle("is-paused", state === "paused");
    // Once per deadline: Blazor keeps the same element from one turn to the next.
    if (state === "timesup" && document.querySelector('[data-chime="on"]') && el.dataset.chimedFor !== deadline) {
      el.dataset.chimedFor = deadline;
      chime();
    }
    if (state !== "paused") next = Math.min(next, untilNextChange(el, remaining, limit));
    el.drawn = drawnKey(el);
  }
  // A few ms past the boundary, so the reading is already on the new second; at most a second, as a safety net.
  if (next !== Infinity) timer = setTimeout(tick, Math.min(1000, next + 5));
}

// Blazor renders countdowns (a new turn, a pause, its own text from the server's clock): draw them again at once,
// in the same task, before the browser paints. Each countdown remembers what this script last drew in it, so after
// any change to the page a glance at the countdowns (one to three of them) says whether Blazor touched one, without
// looking through the page's other changes; this script's own writes match what it remembers.
const countdowns = document.getElementsByClassName("countdown"); // live: Blazor adds and removes them
const countups = document.getElementsByClassName("countup");
const drawnKey = el => [el.dataset.deadline, el.dataset.pausedMs, el.dataset.limitMs, el.dataset.countUpFrom, el.className, el.textContent].join("|");

let started = false;

/** Starts drawing this page's countdowns (every CountdownText calls it; only the first call does anything). */
export function start() {
  if (started) return;
  started = true;
  new MutationObserver(() => {
    for (const el of countdowns) {
      if (el.hasAttribute("data-countdown") && el.drawn !== drawnKey(el)) {
        tick();
        return;
      }
    }
    for (const el of countups) {
      if (el.drawn !== drawnKey(el)) {
        tick();
        return;
      }
    }
  }).observe(document.documentElement, {
    subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ["data-deadline", "data-paused-ms", "data-limit-ms", "data-count-up-from", "class"],
  });

  // Start from the best of a few quick measurements: a single slow round trip (a busy device, a busy network) can be
  // off by half of it, which shows as a second too many or too few until the next measurement a minute later.
  (async () => {
    for (let i = 0; i < 5; i++) await syncClock(true);
    synced = true;
    tick();
  })();
  setInterval(async () => { await syncClock(); tick(); }, 60000);
  // A tablet that slept: measure again and draw at once, rather than at the next minute.
  document.addEventListener("visibilitychange", async () => {
    if (document.visibilityState !== "visible") return;
    await syncClock();
    tick();
  });
}
