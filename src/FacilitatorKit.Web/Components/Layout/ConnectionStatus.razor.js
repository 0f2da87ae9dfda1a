// The page's side of a dropped connection (ConnectionStatus.razor). With our own status element, Blazor only sets its
// classes; this does the rest. While the connection is down nothing can be typed, pressed or chosen on the page: it
// would never reach the app, yet look done. The veil stops the pointer; text fields turn read-only and selects and
// boxes disabled (which also stops a tablet's on-screen keyboard), and listeners on the window, ahead of Blazor's, hold
// what is left. Tab still moves, so the page can be read.
//
// Other parts of the page learn of it through events on the document, so each keeps its own logic:
// - "facilitatorkit:connection" with { down, state } whenever the connection goes down or comes back;
// - "facilitatorkit:reloading" just before the page reloads itself (its circuit is gone), for anything that must
//   outlive the reload to put itself in this tab's session storage at once.

const veil = document.getElementById("components-reconnect-modal");
const said = document.getElementById("connection-status");

// Screen readers hear the words the banner shows for each state, and "Connected again." when it is back.
const paragraph = { show: "trying", failed: "failed", rejected: "rejected" };
const wordsFor = state => state === "hide" ? "Connected again." : veil.querySelector("p.reconnect-" + paragraph[state]).textContent;
const stateNow = () => ["show", "failed", "rejected", "hide"].find(s => veil.classList.contains("components-reconnect-" + s));
const isDown = () => ["show", "failed", "rejected"].includes(stateNow());

const held = [];
function holdFields(down) {
    if (!down) {
        for (const [field, property] of held.splice(0)) field[property] = false;
        return;
    }
    for (const field of document.querySelectorAll("textarea, input, select")) {
        if (veil.contains(field)) continue;
        const property = field.matches("textarea, input:not([type=checkbox]):not([type=radio])") ? "readOnly" : "disabled";
        if (!field[property]) {
            field[property] = true;
            held.push([field, property]);
        }
    }
}

// Text fields other than the notes box only hold what is typed until a button is pressed: once back, each says once
// more what it shows, in case that typing never arrived.
function tellWhatTextFieldsShow() {
    for (const field of document.querySelectorAll("input[type=text]")) {
        if (!veil.contains(field)) field.dispatchEvent(new Event("input", { bubbles: true }));
    }
}

function announce(down, state) {
    document.dispatchEvent(new CustomEvent("facilitatorkit:connection", { detail: { down, state } }));
}

// After a long drop or a restart of the app, the page's circuit is gone: it reloads, and shows the meeting as it is now.
function reload() {
    document.dispatchEvent(new CustomEvent("facilitatorkit:reloading"));
    location.reload();
}

let wasDown = false;
new MutationObserver(() => {
    const state = stateNow();
    if (state === "rejected") reload();
    const down = isDown();
    if (down !== wasDown) {
        holdFields(down);
        document.documentElement.toggleAttribute("data-connection-down", down); // the console's shortcuts read it
        announce(down, state);
        if (!down) tellWhatTextFieldsShow();
    }
    if (state && (down || wasDown) && said.textContent !== wordsFor(state)) said.textContent = wordsFor(state);
    wasDown = down;
}).observe(veil, { attributes: true, attributeFilter: ["class"] });

const hold = event => {
    if (!isDown() || veil.contains(event.target)) return;
    // Keys that press a button or tick a box arrive as clicks, and typing as beforeinput; only a select changes on a
    // key of its own (the arrows).
    if (event.type === "keydown" && (event.target.tagName !== "SELECT" || event.key === "Tab")) return;
    event.preventDefault();
    event.stopImmediatePropagation();
};
for (const type of ["click", "beforeinput", "input", "change", "keydown"]) window.addEventListener(type, hold, true);

// Try again, once at a time, after the automatic tries ran out; also when the tablet is picked up again.
let trying = false;
async function tryAgain() {
    if (trying) return;
    trying = true;
    veil.classList.add("is-trying");
    said.textContent = wordsFor("show");
    try {
        if (!(await Blazor.reconnect())) reload();
        else if (isDown()) {
            veil.classList.remove("components-reconnect-show", "components-reconnect-failed");
            veil.classList.add("components-reconnect-hide");
        }
    } catch {
        said.textContent = wordsFor("failed"); // still unreachable: the button can be pressed again
    } finally {
        trying = false;
        veil.classList.remove("is-trying");
    }
}
document.getElementById("reconnect-try-again").addEventListener("click", tryAgain);
document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && veil.classList.contains("components-reconnect-failed")) tryAgain();
});

// A live view turned away because this address already has as many open as the app allows (the server answers 429
// with LiveViewLimit's sentence): Blazor's start fails and only logs it, leaving a blank page. Say so calmly instead.
window.addEventListener("unhandledrejection", event => {
    const reason = event.reason;
    if (!/Status code '429'/.test(String(reason?.message ?? reason))) return;
    document.getElementById("live-view-refused").hidden = false;
    event.preventDefault();
});
