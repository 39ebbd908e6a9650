/*
 * Progressive enhancement only: every page works without this file.
 *
 * The main menu is server-rendered open, so it is never hidden from someone whose
 * browser does not run this script. Here it is collapsed behind its "Menu" toggle
 * on narrow screens, and kept open on wide ones, where the toggle is hidden.
 */
(function () {
    "use strict";

    var menu = document.querySelector("[data-site-menu]");
    if (!menu || !window.matchMedia) {
        return;
    }

    // Keep in step with the 48rem breakpoint in site.css.
    var wide = window.matchMedia("(min-width: 48rem)");

    function sync() {
        menu.open = wide.matches;
    }

    sync();
    if (wide.addEventListener) {
        wide.addEventListener("change", sync);
    } else if (wide.addListener) {
        wide.addListener(sync);
    }

    // Escape closes the open phone menu and returns focus to its toggle.
    menu.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && menu.open && !wide.matches) {
            menu.open = false;
            menu.querySelector("summary").focus();
        }
    });
}());
