// Blazor's JavaScript initializer for this app: what must be set before the app starts, and nothing else.
import { notesEvent, notesTypedEventArgs } from "./Components/Shared/NotesBox.razor.js";

// A co-facilitator's tablet can lose the room's Wi-Fi for minutes in a 90-minute meeting. The default gives up after
// about 6 minutes with "Failed to rejoin". The meeting lives on the server, so rejoining is always worth it: try at
// once, then every 2 s for a short blip, then calmly every 5 s, for up to 3 hours (two meetings). Blazor also tries at
// once when the tab is shown again. The app keeps a page's circuit for 3 minutes after its connection drops; after a
// longer drop the reconnect is refused, and ConnectionStatus.razor.js reloads the page, which then shows the meeting as
// it is now.
export function beforeWebStart(options) {
    options.circuit ??= {};
    options.circuit.reconnectionOptions = {
        maxRetries: 2170,
        retryIntervalMilliseconds: attempt => attempt === 0 ? 0 : attempt < 10 ? 2000 : 5000,
    };
}

// The notes box's debounced send carries its text once, with what it was typed over (NotesTypedEventArgs). A press on a control that
// changes the turn carries the turn this screen showed at that moment (PressEventArgs): the nearest data-turn, read now,
// in the browser, so a press made on a screen a moment behind names the turn its person saw.
export function afterWebStarted(blazor) {
    blazor.registerCustomEventType("notestyped", { browserEventName: notesEvent, createEventArgs: notesTypedEventArgs });
    blazor.registerCustomEventType("press", { browserEventName: "click", createEventArgs: pressEventArgs });
}

function pressEventArgs(event) {
    const target = event.target instanceof Element ? event.target : null;
    const shown = target?.closest("[data-turn]");
    const control = target?.closest("button");
    return {
        turn: shown?.getAttribute("data-turn") ?? "",
        pressed: control?.getAttribute("aria-pressed") ?? "",
        detail: event.detail ?? 0,
    };
}
