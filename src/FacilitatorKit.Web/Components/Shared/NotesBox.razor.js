// The notes box's side in the browser (NotesBox.razor).
//
// With every change the box sends (the "notestyped" event, registered in FacilitatorKit.Web.lib.module.js) what its
// text was typed over: its meeting and item, the newest note from another device that it showed (data-seen), and the
// stored version it last drew (data-version). A change typed over words this screen had not shown yet becomes a
// conflict that shows both, never an overwrite.
//
// A drop is often silent at first (the tablet walked out of the Wi-Fi): what was typed in the seconds before the page
// noticed went into a dead connection and never arrived, yet it is on screen. When the page notices
// ("facilitatorkit:connection", from ConnectionStatus.razor.js), this keeps what the notes box holds and what that was
// typed over; once back on its circuit it sends it again, and keeps it until the box shows the send's token back
// (data-received), so a second drop at once loses nothing either. The app decides (NoteDraft.TypeAgain): nothing new
// changes nothing, new typing is saved, and typing over another device's words made meanwhile shows both. The page
// does not put the text back itself: the app's answer says what the box holds. Text typed for an agenda item that
// moved on meanwhile goes to that item's note (it carries its item), never the next item's.

const notesBoxes = "textarea[data-seen]";
const notesBox = () => document.querySelector(notesBoxes); // one a page, a new one for each item

// This tab, by a random id it keeps while it is open (a reload too), so that after a reload the app knows which saves
// were this tab's own. It names no person.
const screenKey = "facilitatorkit:screen";
const screen = sessionStorage.getItem(screenKey)
    ?? Array.from(crypto.getRandomValues(new Uint8Array(12)), b => b.toString(16).padStart(2, "0")).join("");
sessionStorage.setItem(screenKey, screen);

const notesOf = box => ({
    value: box.value, seen: Number(box.dataset.seen), item: Number(box.dataset.item),
    meeting: box.dataset.meeting, basedOn: Number(box.dataset.version), screen,
});

// What a send may hold. One message from the page to the app is at most 64 KB (MaximumReceiveMessageSize in
// FacilitatorKitApp.cs). A note at the limit (data-max, 20,000 UTF-16 units) is at most 60,000 bytes as UTF-8 JSON
// (3 bytes a unit at most; quotes, backslashes and line breaks take 2): it fits once, with room for the rest. Text
// over the limit, or that cannot fit (invisible control characters take 6 bytes each), is not sent: the box keeps
// it, and the app says why it is not saved (withheld).
const sizeBudget = 62000;
const encoder = new TextEncoder();
function fitted(notes, max) {
    if (notes.value.length > max) return { ...notes, value: "", withheld: "length" };
    // At most 6 bytes a unit (\u0001), so only a longer text needs measuring.
    if (notes.value.length * 6 > sizeBudget && encoder.encode(JSON.stringify(notes.value)).length > sizeBudget) {
        return { ...notes, value: "", withheld: "size" };
    }
    return notes;
}

// A box sends what it holds once the typing pauses (debounced), and at once when it loses the keyboard, the tab is
// hidden, or the item moves on: never the whole text at every key. The send goes to the box's panel (its <section>),
// not the box itself: Blazor sends a form field's whole value with every event on it, so an event on the box would
// carry the text twice. The panel stays when the box is replaced by the next item's, so late typing still arrives,
// with its own item.
const typingPause = 300;
let pending = null; // { box, timer }

function send(box, extra = {}) {
    const panel = box.closest("section") ?? notesBox()?.closest("section");
    if (!panel) return;
    const notes = fitted(notesOf(box), Number(box.dataset.max) || 20000);
    panel.dispatchEvent(new CustomEvent(notesEvent, { bubbles: true, detail: { notes: { ...notes, ...extra } } }));
}

function sendPending(extra = {}) {
    if (!pending) return false;
    const { box, timer } = pending;
    clearTimeout(timer);
    pending = null;
    send(box, extra);
    return true;
}

/** The DOM event the app's "notestyped" listens to (registered in FacilitatorKit.Web.lib.module.js). */
export const notesEvent = "facilitatorkit:notestyped";

/** What a "notestyped" event tells the app: what the box holds now, or what is being sent again after a drop. */
export const notesTypedEventArgs = e => e.detail?.notes ?? {};

const notesToSendAgain = new Map(); // by meeting and item: what notesOf said, and when it was typed and kept
const keyOf = notes => `${notes.meeting}/${notes.item}`;
let sends = 0;
let typedSinceKept = false;
let lastTypedAt = 0;
document.addEventListener("input", event => {
    if (!event.isTrusted || !event.target.matches?.(notesBoxes)) return;
    typedSinceKept = true;
    lastTypedAt = Date.now();
    if (pending && pending.box !== event.target) sendPending();
    clearTimeout(pending?.timer);
    const box = event.target;
    pending = { box, timer: setTimeout(() => { if (pending?.box === box) sendPending(); }, typingPause) };
}, true);

// Leaving the box saves at once (a press on Next item takes the keyboard first, so the text arrives before the press).
document.addEventListener("focusout", event => {
    if (!event.target.matches?.(notesBoxes)) return;
    if (!sendPending({ flush: true }) && event.target.isConnected) send(event.target, { flush: true, flushOnly: true, value: "" });
}, true);
document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") sendPending({ flush: true }); });

// The app renders back the tokens of what it was sent again (the box may be a new one, with them in place).
function letGoOfWhatArrived() {
    const received = (notesBox()?.dataset.received ?? "").split(" ");
    for (const [key, notes] of notesToSendAgain) {
        if (received.includes(notes.token)) notesToSendAgain.delete(key);
    }
}

function keepTyped() {
    letGoOfWhatArrived();
    const box = notesBox();
    if (!box) return;
    const notes = notesOf(box);
    // Text kept at an earlier drop and not known to have arrived, with nothing typed since, is still the text to send:
    // the box may show the app's text by now.
    if (notesToSendAgain.has(keyOf(notes)) && !typedSinceKept) return;
    notesToSendAgain.set(keyOf(notes), { ...notes, typedAt: lastTypedAt, keptAt: Date.now() });
    typedSinceKept = false;
}

function sendTypedAgain() {
    letGoOfWhatArrived();
    const box = notesBox();
    for (const [key, notes] of box ? notesToSendAgain : []) {
        if (notes.meeting !== box.dataset.meeting) {
            notesToSendAgain.delete(key); // this page has moved to another meeting
            continue;
        }
        notes.token = `${Date.now()}-${++sends}`;
        const panel = box.closest("section");
        panel?.dispatchEvent(new CustomEvent(notesEvent, { bubbles: true, detail: { notes: { ...fitted(notes, Number(box.dataset.max) || 20000), again: true } } }));
    }
    typedSinceKept = false;
}

document.addEventListener("facilitatorkit:connection", event => {
    if (event.detail.down) { clearTimeout(pending?.timer); pending = null; keepTyped(); }
    else sendTypedAgain();
});

// Text typed in the last minute before a drop was noticed (a silent drop lasts up to 30 s) lives through the page's
// reload in this tab's session storage; the new page takes it out of the storage at once, and sends it when its notes
// box is there. (A box nobody typed in has nothing to send, and the new page has no record of what it was shown.)
const keptKey = "facilitatorkit:notes-to-send-again";
document.addEventListener("facilitatorkit:reloading", () => {
    letGoOfWhatArrived();
    const kept = [...notesToSendAgain.values()].filter(notes => notes.typedAt > notes.keptAt - 60000);
    if (kept.length > 0) sessionStorage.setItem(keptKey, JSON.stringify({ page: location.pathname, kept }));
});

// A new box for each item: if the old one had the keyboard, the new one gets it, so typing goes on in the notes rather
// than to the page (where N, Space and + are the console's shortcuts).
let notesFocused = null;
const keepTheKeyboard = new MutationObserver(() => {
    if (notesFocused && !notesFocused.isConnected && (document.activeElement ?? document.body) === document.body) notesBox()?.focus();
});
document.addEventListener("focusin", event => {
    notesFocused = event.target.matches?.(notesBoxes) ? event.target : null;
    if (notesFocused) keepTheKeyboard.observe(notesFocused.parentElement, { childList: true });
});
// Left on purpose (a click on the page, or a tap on a button that does not take focus): the box is still there once
// the focus has gone.
document.addEventListener("focusout", event => {
    const left = event.target;
    if (left === notesFocused) setTimeout(() => { if (notesFocused === left && left.isConnected) notesFocused = null; });
});

// This module is loaded at start-up (by the app's initializer), so it has heard every drop, and it takes what was kept
// over a reload out of the storage at once. The notes box sends it when it is on the page, if that is within two
// minutes (no notes box comes when the meeting has ended meanwhile).
const keptOverReload = JSON.parse(sessionStorage.getItem(keptKey) ?? "null");
sessionStorage.removeItem(keptKey);
const loadedAt = Date.now();

/** Called by the notes box once it is on the page: after a reload, whatever was kept over it is sent again now. */
export function boxShown() {
    if (keptOverReload?.page !== location.pathname || Date.now() - loadedAt > 120000) return;
    for (const notes of keptOverReload.kept.splice(0)) notesToSendAgain.set(keyOf(notes), notes);
    sendTypedAgain();
}
