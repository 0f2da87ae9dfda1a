// Countdowns are drawn here, not on the server: each one carries its deadline as an instant on the server's clock
// (data-deadline, ms since 1970), or the time left while paused (data-paused-ms). This page measures how far its
// own clock is from the server's (GET /time, corrected by half the round trip), so every device shows the same
// time left, and nothing drifts however long the meeting runs.
(() => {
  "use strict";
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

  function format(ms) {
    if (ms > 0) {
      const s = Math.ceil(ms / 1000);
      return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
    }
    const s = Math.floor(-ms / 1000);
    return `+${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  }

  function stateOf(limit, remaining) {
    if (!limit) return "";
    if (remaining > 0) return remaining < Math.max(30000, limit / 5) ? "warning" : "";
    return remaining > -1000 ? "timesup" : "overtime";
  }

  const words = { warning: "Nearly time", timesup: "Time's up", overtime: "Overtime", "": "" };
  const chimed = new WeakSet();

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

  function tick() {
    const now = Date.now() + offset;
    for (const el of document.querySelectorAll("[data-countdown]")) {
      const paused = el.dataset.pausedMs;
      const deadline = el.dataset.deadline;
      if (!paused && !deadline) continue;
      const remaining = paused ? Number(paused) : Number(deadline) - now;
      const limit = Number(el.dataset.limitMs) || 0;
      const state = paused ? "" : stateOf(limit, remaining);
      const time = el.querySelector(".countdown-time");
      const text = format(remaining);
      if (time && time.textContent !== text) time.textContent = text;
      const label = el.querySelector("[data-countdown-state]");
      const said = paused ? "Paused" : words[state];
      if (label && label.textContent !== said) label.textContent = said;
      el.classList.toggle("is-warning", state === "warning");
      el.classList.toggle("is-timesup", state === "timesup");
      el.classList.toggle("is-overtime", state === "overtime");
      el.classList.toggle("is-paused", !!paused);
      if (state === "timesup" && document.querySelector('[data-chime="on"]') && !chimed.has(el)) {
        chimed.add(el);
        chime();
      }
    }
  }

  // Start from the best of a few quick measurements: a single slow round trip (a busy device, a busy network) can be
  // off by half of it, which shows as a second too many or too few until the next measurement a minute later.
  (async () => {
    for (let i = 0; i < 5; i++) await syncClock(true);
    tick();
  })();
  setInterval(syncClock, 60000);
  setInterval(tick, 200);
})();
