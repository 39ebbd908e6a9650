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

/*
 * A link to a question's anchor (…#visa) opens its answer. Browsers that open a
 * <details> on their own when it is the link's target are left to do so; without
 * this script the question is still there, one click away.
 */
(function () {
    "use strict";

    // Compared encoded, as the address holds it: decoding a malformed address would throw.
    function targetOf(hash) {
        var candidates = document.querySelectorAll("details[id]");
        for (var i = 0; i < candidates.length; i += 1) {
            if ("#" + encodeURIComponent(candidates[i].id) === hash) {
                return candidates[i];
            }
        }
        return null;
    }

    function openTarget() {
        var target = window.location.hash && targetOf(window.location.hash);
        if (target && !target.open) {
            target.open = true;
            target.scrollIntoView();
        }
    }

    openTarget();
    window.addEventListener("hashchange", openTarget);
}());
