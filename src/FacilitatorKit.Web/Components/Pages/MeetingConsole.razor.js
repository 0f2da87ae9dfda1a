// Keyboard shortcuts on the facilitator console (MeetingConsole.razor imports this module): N next speaker, Space pause
// or resume, + add a minute, → next item, ? show them all. They press the same buttons a mouse would, so the rules stay
// in one place. They work wherever the focus is (after a click it sits on a button), except while typing in a field;
// Space is a button's own key only while that button has keyboard focus.
let started = false;

/** Listens for the shortcuts (the console calls it once it is on the page; only the first call does anything). */
export function start() {
  if (started) return;
  started = true;
  const keys = { n: "next-speaker", N: "next-speaker", " ": "pause-resume", "+": "add-minute", ArrowRight: "next-item" };
  let spaceTaken = false;
  // Whether the focus last moved with the keyboard (Tab) rather than a pointer: only then is Space the button's own.
  let focusFromKeyboard = false;
  document.addEventListener("pointerdown", () => { focusFromKeyboard = false; }, true);
  document.addEventListener("keydown", (event) => { if (event.key === "Tab") focusFromKeyboard = true; }, true);

  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("[data-shortcuts-open]")) openHelp();
  });

  document.addEventListener("keydown", (event) => {
    if (!document.querySelector("[data-shortcuts]")) return;
    // While the connection is down a press would be lost: the status over the page says so instead.
    if (document.documentElement.hasAttribute("data-connection-down")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target) || document.querySelector("dialog[open]")) return;

    if (event.key === "?") {
      event.preventDefault();
      openHelp();
      return;
    }

    const name = keys[event.key];
    if (!name) return;
    // A button reached with the keyboard keeps Space (and its own keys) for itself.
    if (event.key === " " && focusFromKeyboard && event.target instanceof HTMLElement && event.target.matches("button, summary, a")) return;
    if (event.key === "ArrowRight" && event.target instanceof HTMLElement && event.target.closest("[role=radiogroup], [role=tablist], [role=slider]")) return;

    const button = document.querySelector(`[data-shortcut="${name}"]:not([disabled])`);
    event.preventDefault(); // Space would otherwise also press the button a mouse left the focus on
    if (event.key === " ") spaceTaken = true;
    if (button) button.click();
  });

  // The browser presses a focused button on Space's keyup; the shortcut has already acted.
  document.addEventListener("keyup", (event) => {
    if (event.key === " " && spaceTaken) {
      spaceTaken = false;
      event.preventDefault();
    }
  });
}

/** The list of shortcuts, as a dialog in the middle of the screen (Escape or Close shuts it). */
function openHelp() {
  const help = document.querySelector("dialog[data-shortcuts-help]");
  if (help && !help.open) help.showModal();
}

function typing(target) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  return target.tagName === "INPUT" && !/^(button|submit|reset|checkbox|radio|range|color|file|image)$/i.test(target.type);
}
