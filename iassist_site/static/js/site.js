/*
 * Progressive enhancement only: every page works without this file.
 *
 * The main menu is sent closed behind its "Menu" toggle, which works without this
 * file. Here it is opened on wide screens, where the toggle is hidden (for browsers
 * whose <details> site.css cannot show while closed), and closed again on narrow ones.
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
