/*
 * The schedule and a visitor's agenda, enhanced. Progressive only: both pages work without it.
 *
 * - Times in the visitor's own time zone, if they choose it; the choice is kept in localStorage.
 * - "Now and next" while the conference runs, from each entry's times (data-starts, data-ends)
 *   and the visitor's clock. The page is kept in the page cache until its content changes, so
 *   the server cannot know when it is read; the browser does.
 * - Stars: a toggle on each session, kept per conference in localStorage (no account). The
 *   "My agenda" link carries them to the agenda page (?starred=s12,i3), which lists them to
 *   print or to download as a calendar file.
 */
/* global Intl */
(function () {
    "use strict";

    var root = document.querySelector("[data-schedule]");
    if (!root || !window.Intl || !Intl.DateTimeFormat || !document.querySelectorAll) {
        return;
    }

    var KEY = /^[si][1-9][0-9]{0,9}$/;
    var venueZone = root.getAttribute("data-venue-zone") || "UTC";
    var agendaUrl = root.getAttribute("data-agenda-url");
    var starKey = "iassist.agenda." + root.getAttribute("data-conference");
    var zoneKey = "iassist.schedule.zone";
    var entries = Array.prototype.map.call(root.querySelectorAll("[data-agenda-key]"), readEntry);
    var shownZone = venueZone;

    // -- storage: private windows and strict settings refuse it; the page then simply forgets.

    function attempt(action, fallback) {
        try {
            return action();
        } catch (refused) { // eslint-disable-line no-unused-vars
            return fallback;
        }
    }

    function load(name) {
        return attempt(function () { return window.localStorage.getItem(name); }, null);
    }

    function store(name, value) {
        attempt(function () { window.localStorage.setItem(name, value); }, null);
    }

    function readEntry(element) {
        var title = element.querySelector(".schedule-entry__title");
        var ends = element.getAttribute("data-ends");
        return {
            element: element,
            key: element.getAttribute("data-agenda-key"),
            start: Date.parse(element.getAttribute("data-starts")),
            end: ends ? Date.parse(ends) : null,
            title: title ? title.textContent.trim() : "",
            where: (element.querySelector(".schedule-entry__where") || {textContent: ""}).textContent
        };
    }

    // -- time zones

    function clock(zone) {
        return new Intl.DateTimeFormat("en-GB", {hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone});
    }

    function dayOf(date, zone) {
        return new Intl.DateTimeFormat("en-CA", {year: "numeric", month: "2-digit", day: "2-digit", timeZone: zone})
            .format(date);
    }

    function weekday(date, zone) {
        return new Intl.DateTimeFormat("en-GB", {weekday: "short", timeZone: zone}).format(date);
    }

    function zoneName(zone, date) {
        var parts = new Intl.DateTimeFormat("en-GB", {timeZoneName: "long", timeZone: zone}).formatToParts(date);
        var name = parts.filter(function (part) { return part.type === "timeZoneName"; })[0];
        return name ? name.value : zone;
    }

    function timeText(date, zone) {
        var text = clock(zone).format(date);
        // A time on another day than the venue's (an evening session seen from Asia) says which.
        if (zone !== venueZone && dayOf(date, zone) !== dayOf(date, venueZone)) {
            text += " (" + weekday(date, zone) + ")";
        }
        return text;
    }

    function visitorZone() {
        return attempt(function () { return Intl.DateTimeFormat().resolvedOptions().timeZone || null; }, null);
    }

    function sameClock(zone) {
        return entries.every(function (entry) {
            var date = new Date(entry.start);
            return clock(zone).format(date) === clock(venueZone).format(date) && dayOf(date, zone) === dayOf(date, venueZone);
        });
    }

    function showTimes(zone) {
        shownZone = zone;
        root.querySelectorAll("time[data-schedule-time]").forEach(function (element) {
            element.textContent = timeText(new Date(element.getAttribute("datetime")), zone);
        });
        var label = root.querySelector("[data-schedule-zone-label]");
        if (label) {
            if (!label.hasAttribute("data-venue-text")) {
                label.setAttribute("data-venue-text", label.textContent);
            }
            label.textContent = zone === venueZone
                ? label.getAttribute("data-venue-text")
                : "Times are in your time zone: " + zoneName(zone, new Date(entries[0].start)) + " (" + zone + ").";
        }
        showNow();
    }

    function addZoneSwitch() {
        var mine = visitorZone();
        var label = root.querySelector("[data-schedule-zone-label]");
        if (!mine || mine === venueZone || !label || !entries.length || sameClock(mine)) {
            return;
        }
        // One toggle button: its name stays the same, aria-pressed says whether it is on.
        var wrapper = document.createElement("p");
        wrapper.className = "schedule-zone";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "tool-button";
        button.textContent = "Show times in my time zone (" + mine + ")";
        button.addEventListener("click", function () {
            var on = button.getAttribute("aria-pressed") !== "true";
            button.setAttribute("aria-pressed", on ? "true" : "false");
            store(zoneKey, on ? "visitor" : "venue");
            showTimes(on ? mine : venueZone);
        });
        wrapper.appendChild(button);
        label.parentNode.insertBefore(wrapper, label.nextSibling);
        var on = load(zoneKey) === "visitor";
        button.setAttribute("aria-pressed", on ? "true" : "false");
        if (on) {
            showTimes(mine);
        }
    }

    // -- now and next

    var nowShown = null;

    function showNow() {
        var box = root.querySelector("[data-schedule-now]");
        if (!box || !entries.length) {
            return;
        }
        var now = Date.now();
        var days = entries.map(function (entry) { return dayOf(new Date(entry.start), venueZone); });
        var last = Math.max.apply(null, entries.map(function (entry) { return entry.end || entry.start; }));
        var first = Math.min.apply(null, entries.map(function (entry) { return entry.start; }));
        var running = now <= last && (now >= first || days.indexOf(dayOf(new Date(now), venueZone)) !== -1);
        var current = entries.filter(function (entry) { return entry.start <= now && entry.end && now < entry.end; });
        var later = entries.filter(function (entry) { return entry.start > now; });
        var nextStart = later.length ? Math.min.apply(null, later.map(function (entry) { return entry.start; })) : null;
        var next = later.filter(function (entry) { return entry.start === nextStart; });
        var signature = [running, shownZone].concat(current.map(keyOf), ["|"], next.map(keyOf)).join(",");
        if (signature === nowShown) {
            return;
        }
        nowShown = signature;
        box.hidden = !running;
        var list = box.querySelector("[data-schedule-now-list]");
        list.textContent = "";
        if (!running) {
            return;
        }
        list.appendChild(nowPart("Now", current, "until", "Nothing is on right now."));
        if (next.length) {
            list.appendChild(nowPart("Next, at " + timeText(new Date(nextStart), shownZone), next, "", ""));
        }
    }

    function keyOf(entry) {
        return entry.key;
    }

    function nowPart(heading, items, until, empty) {
        var part = document.createDocumentFragment();
        var title = document.createElement("h3");
        title.textContent = heading;
        part.appendChild(title);
        if (!items.length) {
            var nothing = document.createElement("p");
            nothing.textContent = empty;
            part.appendChild(nothing);
            return part;
        }
        var list = document.createElement("ul");
        items.forEach(function (entry) {
            var item = document.createElement("li");
            var link = document.createElement("a");
            link.href = "#" + entry.element.id;
            link.textContent = entry.title;
            item.appendChild(link);
            var details = entry.where.replace(/^\s*·\s*/, "");
            if (until && entry.end) {
                details = [details, "until " + timeText(new Date(entry.end), shownZone)].filter(Boolean).join(", ");
            }
            if (details) {
                item.appendChild(document.createTextNode(" (" + details + ")"));
            }
            list.appendChild(item);
        });
        part.appendChild(list);
        return part;
    }

    // -- stars and the agenda

    function starred() {
        var stored = attempt(function () { return JSON.parse(load(starKey) || "[]"); }, []);
        return Array.isArray(stored) ? stored.filter(function (key) { return KEY.test(key); }) : [];
    }

    function agendaQuery(keys) {
        return keys.length ? "?starred=" + keys.join(",") : "";
    }

    function starIcon() {
        var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
        svg.setAttribute("viewBox", "0 0 24 24");
        svg.setAttribute("aria-hidden", "true");
        svg.setAttribute("focusable", "false");
        var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
        path.setAttribute("d", "M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z");
        svg.appendChild(path);
        return svg;
    }

    function addStars() {
        var keys = starred();
        entries.forEach(function (entry) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "star-button";
            button.appendChild(starIcon());
            button.appendChild(document.createTextNode("Star"));
            // The visible word first, as speech control users say what they see.
            button.setAttribute("aria-label", "Star: " + entry.title);
            button.addEventListener("click", function () {
                toggle(entry.key);
            });
            entry.button = button;
            entry.element.appendChild(button);
        });
        showStars(keys);
        window.addEventListener("storage", function (event) {
            if (event.key === starKey) {
                showStars(starred());
            }
        });
    }

    function toggle(key) {
        var keys = starred();
        var at = keys.indexOf(key);
        if (at === -1) {
            keys.push(key);
        } else {
            keys.splice(at, 1);
        }
        store(starKey, JSON.stringify(keys));
        showStars(keys);
        if (root.hasAttribute("data-agenda")) {
            showAgendaLinks(keys);
        }
    }

    function showStars(keys) {
        entries.forEach(function (entry) {
            var on = keys.indexOf(entry.key) !== -1;
            entry.button.setAttribute("aria-pressed", on ? "true" : "false");
            entry.element.classList.toggle("schedule-entry--starred", on);
        });
        root.querySelectorAll("[data-agenda-link]").forEach(function (link) {
            link.href = agendaUrl + agendaQuery(keys);
            link.textContent = keys.length ? "My agenda (" + keys.length + ")" : "My agenda";
        });
    }

    // On the agenda page, the calendar links and the address follow the stars the visitor changes
    // (not on arrival: an agenda someone shared stays as they shared it).
    function showAgendaLinks(keys) {
        var calendar = agendaUrl + "calendar/" + agendaQuery(keys);
        root.querySelectorAll("[data-agenda-calendar]").forEach(function (link) {
            link.href = calendar;
        });
        root.querySelectorAll("[data-agenda-webcal]").forEach(function (link) {
            link.href = "webcal://" + window.location.host + calendar;
        });
        if (window.history && window.history.replaceState) {
            window.history.replaceState(null, "", agendaUrl + agendaQuery(keys));
        }
    }

    function openStoredAgenda() {
        // The agenda page without stars in its address shows the ones this browser kept.
        var keys = starred();
        if (root.hasAttribute("data-agenda") && !/[?&]starred=/.test(window.location.search) && keys.length) {
            window.location.replace(agendaUrl + agendaQuery(keys));
            return true;
        }
        return false;
    }

    function addPrintButton() {
        var actions = root.querySelector("[data-agenda-actions]");
        if (!actions || !window.print) {
            return;
        }
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "tool-button";
        button.textContent = "Print my agenda";
        button.addEventListener("click", function () {
            window.print();
        });
        item.appendChild(button);
        actions.appendChild(item);
    }

    if (openStoredAgenda()) {
        return;
    }
    addStars();
    addPrintButton();
    addZoneSwitch();
    showNow();
    window.setInterval(showNow, 30000);
}());
