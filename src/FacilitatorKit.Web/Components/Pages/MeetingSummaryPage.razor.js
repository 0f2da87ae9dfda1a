// The meeting summary's two browser jobs: print it (app.css prints only the summary), and copy its Markdown.

export function print() {
    window.print();
}

// True once the text is on the clipboard. The Clipboard API needs a secure context (localhost is one; a laptop
// reached over the local network by address is not), so a hidden text area and the older copy command come second.
export async function copy(text) {
    try {
        if (navigator.clipboard && window.isSecureContext) {
            await navigator.clipboard.writeText(text);
            return true;
        }
    } catch {
        // fall through to the older way
    }

    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    const focused = document.activeElement;
    area.select();
    let done = false;
    try {
        done = document.execCommand("copy");
    } catch {
        done = false;
    }
    area.remove();
    if (focused instanceof HTMLElement) {
        focused.focus();
    }
    return done;
}
