// Blazor's enhanced navigation keeps the page's elements, so the phone menu would stay open over the next page:
// close it when one of its links is followed.
document.addEventListener("click", event => {
    const menu = event.target instanceof Element && event.target.closest(".portal-menu[open] nav a") ? event.target.closest(".portal-menu") : null;
    if (menu) menu.open = false;
});
