// Keyboard shortcuts on the facilitator console (MeetingConsole.razor imports this module): N next speaker, Space pause
// or resume, + add a minute, → next item, ? show them all. They press the same buttons a mouse would, so the rules stay
// in one place.
let started = false;

/** Listens for the shortcuts (the console calls it once it is on the page; only the first call does anything). */
export function start() {
  if (started) return;
  started = true;
  const keys = { n: "next-speaker", N: "next-speaker", " ": "pause-resume", "+": "add-minute", ArrowRight: "next-item" };

  document.addEventListener("keydown", (event) => {
    if (!document.querySelector("[data-shortcuts]")) return;
    // While the connection is down a press would be lost: the status over the page says so instead.
    if (document.documentElement.hasAttribute("data-connection-down")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON|A|SUMMARY)$/.test(target.tagName))) return;

    if (event.key === "?") {
      const help = document.querySelector("[data-shortcuts-help]");
      if (help) {
        help.open = !help.open;
        event.preventDefault();
      }
      return;
    }

    const name = keys[event.key];
    if (!name) return;
    const button = document.querySelector(`[data-shortcut="${name}"]:not([disabled])`);
    if (button) {
      event.preventDefault();
      button.click();
    }
  });
}
