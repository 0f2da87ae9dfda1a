namespace FacilitatorKit.LiveLatency;

/// <summary>The JavaScript run in each page with <c>page.EvaluateAsync</c>. All pages share the machine's clock (<c>Date.now()</c>).</summary>
internal static class PageScripts
{
    /// <summary>
    /// Watches what a person would look at: the first paragraph of the "Current speaker" region (the name), the names
    /// in the "Speaker queue" list (console and co-facilitator view), and the "Next: NAME" line (room display). A
    /// MutationObserver on the body records <c>Date.now()</c> each time that text changes; the countdown's ticking
    /// is not part of it. Also stamps every click with <c>Date.now()</c> in the capture phase, before the app's own
    /// handler sees it. Returns what the page shows now.
    /// </summary>
    public const string Install = """
        () => {
          const text = el => (el ? el.textContent : '').replace(/\s+/g, ' ').trim();
          const read = () => {
            const region = document.querySelector('section[aria-label="Current speaker"]');
            const queue = document.querySelector('ol[aria-label="Speaker queue"]');
            return {
              speaker: text(region ? region.querySelector(':scope > p') : null),
              queue: queue ? [...queue.querySelectorAll(':scope > li > span:first-child')].map(text) : [],
              next: text(document.querySelector('.display-next')),
            };
          };
          const fk = window.__fkLatency = { changes: [], read, last: '', clicks: [], waiters: new Set() };
          fk.last = JSON.stringify(read());
          new MutationObserver(() => {
            const t = Date.now();
            const seen = read();
            const key = JSON.stringify(seen);
            if (key === fk.last) return;
            fk.last = key;
            fk.changes.push({ t, seen, message: window.__fkNet ? window.__fkNet.last : -1 });
            for (const w of [...fk.waiters]) w();
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
          window.addEventListener('click', () => fk.clicks.push(Date.now()), true);
          return { visibility: document.visibilityState, ...read() };
        }
        """;

    /// <summary>
    /// Run before the page's own scripts: notes <c>Date.now()</c> whenever a WebSocket message arrives (Blazor's
    /// render batches come that way), so a change can be split into "until the message arrived" and "applying it".
    /// </summary>
    public const string NetworkHook = """
        (() => {
          const net = window.__fkNet = { last: -1 };
          const Native = window.WebSocket;
          window.WebSocket = class extends Native {
            constructor(...args) {
              super(...args);
              this.addEventListener('message', () => { net.last = Date.now(); });
            }
          };
        })();
        """;

    /// <summary>
    /// Waits (without polling) for the first change at or after index <c>since</c> that shows the expected text:
    /// <c>kind</c> "speaker" (NAME speaking), "queue" (NAME in the queue) or "next" ("Next: NAME"). Resolves with its
    /// time, or with <c>t: -1</c> and what the page shows after <c>timeoutMs</c>. Also returns the page's last click time.
    /// </summary>
    public const string Await = """
        ({ since, kind, name, timeoutMs }) => new Promise(resolve => {
          const fk = window.__fkLatency;
          const lastClick = () => fk.clicks.length ? fk.clicks[fk.clicks.length - 1] : -1;
          const matches = s => kind === 'speaker' ? (s.speaker === name || s.speaker.startsWith(name + ' '))
            : kind === 'queue' ? s.queue.includes(name)
            : s.next === 'Next: ' + name;
          let timer = null;
          const check = () => {
            for (let i = since; i < fk.changes.length; i++) {
              if (matches(fk.changes[i].seen)) {
                fk.waiters.delete(check);
                if (timer !== null) clearTimeout(timer);
                resolve({ t: fk.changes[i].t, message: fk.changes[i].message, index: i, click: lastClick(), clicks: fk.clicks.length, shows: '' });
                return true;
              }
            }
            return false;
          };
          if (check()) return;
          fk.waiters.add(check);
          timer = setTimeout(() => {
            fk.waiters.delete(check);
            resolve({ t: -1, message: -1, index: -1, click: lastClick(), clicks: fk.clicks.length, shows: JSON.stringify(fk.read()) });
          }, Math.max(0, timeoutMs));
        })
        """;
}
