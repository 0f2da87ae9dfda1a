// What the device says about how it wants to look and what time it is (DeviceSettings.razor). Only the theme choice is
// stored, in this browser; it names no person.
const key = "facilitatorkit:look";

export function read() {
    return {
        look: localStorage.getItem(key),
        prefersDark: matchMedia("(prefers-color-scheme: dark)").matches,
        prefersMoreContrast: matchMedia("(prefers-contrast: more)").matches,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? null,
    };
}

export function remember(look) {
    localStorage.setItem(key, look);
}
