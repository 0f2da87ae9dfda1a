// Picks how this page looks (Look.razor): the look chosen on this device with the Theme switch, kept in this browser,
// or what the device asks for (dark mode, more contrast). It sets the page's data-look attribute, which /look.css
// reads; switching costs the server nothing. Only the choice is stored; it names no person.
const key = "facilitatorkit:look";
const dark = matchMedia("(prefers-color-scheme: dark)");
const moreContrast = matchMedia("(prefers-contrast: more)");

function apply() {
    const choice = localStorage.getItem(key) ?? "Device";
    const highContrast = choice === "HighContrast" || (choice === "Device" && moreContrast.matches);
    const darkLook = choice === "Dark" || ((choice === "Device" || choice === "HighContrast") && dark.matches);
    const look = highContrast ? (darkLook ? "high-contrast-dark" : "high-contrast") : darkLook ? "dark" : "light";
    document.documentElement.dataset.look = look;
    document.documentElement.style.colorScheme = darkLook ? "dark" : "light"; // the browser's own controls follow
}

apply();
dark.addEventListener("change", apply);
moreContrast.addEventListener("change", apply);

/** The device as the Theme switch and the clocks need it: [the stored choice, the device's time zone]. */
export function read() {
    return [localStorage.getItem(key), Intl.DateTimeFormat().resolvedOptions().timeZone ?? null];
}

/** Keeps the choice in this browser and shows it at once. */
export function choose(look) {
    localStorage.setItem(key, look);
    apply();
}
