/*
 * The programme, enhanced: one button opens or closes every abstract. Progressive only: each
 * abstract is a <details> that opens on its own without this script.
 */
(function () {
    "use strict";

    var programme = document.querySelector("[data-programme]");
    if (!programme) {
        return;
    }
    var abstracts = programme.querySelectorAll("details.abstract");
    if (abstracts.length < 2) {
        return;
    }

    var tools = document.createElement("p");
    tools.className = "programme-tools";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "tool-button";
    tools.appendChild(button);

    function allOpen() {
        return Array.prototype.every.call(abstracts, function (details) { return details.open; });
    }

    function label() {
        button.textContent = allOpen() ? "Collapse all abstracts" : "Expand all abstracts";
    }

    button.addEventListener("click", function () {
        var open = !allOpen();
        Array.prototype.forEach.call(abstracts, function (details) {
            details.open = open;
        });
        label();
    });
    // An abstract opened or closed by hand can change what the button would do; "toggle" does not bubble.
    programme.addEventListener("toggle", label, true);

    label();
    // Below the day and session index when there is one, just above the sessions.
    var before = programme.querySelector(".programme-index") || programme.querySelector("h2");
    before.parentNode.insertBefore(tools, before.nextSibling);
}());
