// Enter on a highlighted suggestion of a search box opens that suggestion instead of submitting the typed words.
// Only Enter is intercepted, so typing, Backspace and Tab keep working while a suggestion is highlighted.
document.addEventListener("keydown", event => {
    const input = event.target;
    if (event.key !== "Enter" || !(input instanceof HTMLInputElement) || input.getAttribute("role") !== "combobox") return;
    const active = input.getAttribute("aria-activedescendant");
    const link = active && document.getElementById(active)?.querySelector("a");
    if (link) {
        event.preventDefault();
        link.click();
    }
});
