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

// Words typed into the server-rendered box before the live circuit starts would be lost when Blazor swaps in the
// live box (it renders the value the page was searched for). Remember them and put them back, with the focus and
// the caret, into the live box that takes its place; the input event makes the live box suggest for them.
let typedEarly = null;
document.addEventListener("input", event => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.getAttribute("role") === "combobox" && !input.hasAttribute("data-live")) {
        typedEarly = { value: input.value, caret: input.selectionStart, focused: document.activeElement === input };
    }
});
new MutationObserver(() => {
    if (!typedEarly) return;
    const live = document.querySelector("input[role=combobox][data-live]");
    if (!live) return;
    const { value, caret, focused } = typedEarly;
    typedEarly = null;
    if (live.value === value) return;
    live.value = value;
    if (focused) {
        live.focus();
        live.setSelectionRange(caret, caret);
    }
    live.dispatchEvent(new Event("input", { bubbles: true }));
}).observe(document.documentElement, { childList: true, subtree: true });
