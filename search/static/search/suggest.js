/*
 * As-you-type suggestions for the site search box.
 *
 * Progressive enhancement: without this script every search box is a plain
 * GET form to /search/. With it, each form marked data-search-suggest gets the
 * ARIA 1.2 combobox pattern (input role=combobox, a listbox popup,
 * aria-activedescendant): Down/Up move through the suggestions, Enter follows
 * the highlighted one (or submits the search when none is), Escape closes the
 * list, and a polite live region says how many suggestions there are.
 *
 * Suggestions come from /search/?q=…&format=json&limit=8&suggest=1: titles and
 * names holding the words typed in that order, the last one as a prefix, read
 * from the search's prefix index. Data is only ever written with textContent,
 * never as HTML.
 */
(function () {
    "use strict";

    if (!window.fetch || !document.querySelector) {
        return;
    }

    var MIN_LENGTH = 2;
    var DELAY = 200;
    var LIMIT = 8;
    var KIND_LABELS = {
        conference: "Conference",
        presentation: "Presentation",
        person: "Person",
        page: "Page"
    };

    function enhance(form) {
        var input = form.querySelector("input[name=q]");
        if (!input || !input.id) {
            return;
        }
        var listId = input.id + "-suggestions";
        var statusId = input.id + "-suggestions-status";
        var endpoint = form.getAttribute("action") || "/search/";
        var list = document.createElement("ul");
        var status = document.createElement("div");
        var options = [];
        var active = -1;
        var timer = null;
        var controller = null;
        var cache = {};
        var lastQuery = "";

        list.id = listId;
        list.className = "search-suggest";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", "Search suggestions");
        list.hidden = true;

        status.id = statusId;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");
        form.classList.add("search-form--suggest");
        form.appendChild(list);
        form.appendChild(status);

        function setActive(index) {
            if (active >= 0 && options[active]) {
                options[active].setAttribute("aria-selected", "false");
            }
            active = index;
            if (active >= 0 && options[active]) {
                options[active].setAttribute("aria-selected", "true");
                input.setAttribute("aria-activedescendant", options[active].id);
                if (options[active].scrollIntoView) {
                    options[active].scrollIntoView({block: "nearest"});
                }
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function close() {
            setActive(-1);
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
        }

        function open() {
            if (options.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        function follow(option) {
            var url = option && option.getAttribute("data-url");
            if (url) {
                window.location.assign(url);
            } else {
                form.submit();
            }
        }

        function addOption(index, title, detail, url) {
            var item = document.createElement("li");
            var label = document.createElement("span");
            item.id = listId + "-" + index;
            item.className = "search-suggest__option";
            item.setAttribute("role", "option");
            item.setAttribute("aria-selected", "false");
            if (url) {
                item.setAttribute("data-url", url);
            }
            label.className = "search-suggest__title";
            label.textContent = title;
            item.appendChild(label);
            if (detail) {
                var small = document.createElement("span");
                small.className = "search-suggest__detail";
                small.textContent = detail;
                item.appendChild(small);
            }
            // mousedown, not click: keep the focus in the input until the link is followed.
            item.addEventListener("mousedown", function (event) {
                event.preventDefault();
            });
            item.addEventListener("click", function () {
                follow(item);
            });
            list.appendChild(item);
            options.push(item);
        }

        function render(query, data) {
            while (list.firstChild) {
                list.removeChild(list.firstChild);
            }
            options = [];
            active = -1;
            input.removeAttribute("aria-activedescendant");
            var results = (data && data.results) || [];
            results.forEach(function (result, index) {
                var detail = KIND_LABELS[result.kind] || "";
                if (result.year) {
                    detail += (detail ? ", " : "") + result.year;
                }
                addOption(index, String(result.title || ""), detail, result.url);
            });
            addOption(results.length, "See all results for \u201c" + query + "\u201d", "", null);
            status.textContent = results.length
                ? results.length + (results.length === 1 ? " suggestion" : " suggestions") +
                  ". Use the up and down arrow keys to review, Enter to go."
                : "No suggestions.";
            open();
        }

        function fetchSuggestions(query) {
            if (cache[query]) {
                render(query, cache[query]);
                return;
            }
            if (controller && controller.abort) {
                controller.abort();
            }
            controller = window.AbortController ? new window.AbortController() : null;
            var url = endpoint + "?" + new URLSearchParams({
                q: query,
                format: "json",
                limit: String(LIMIT),
                suggest: "1"
            }).toString();
            window.fetch(url, {
                headers: {Accept: "application/json"},
                credentials: "same-origin",
                signal: controller ? controller.signal : undefined
            }).then(function (response) {
                return response.ok ? response.json() : null;
            }).then(function (data) {
                if (!data) {
                    return;
                }
                cache[query] = data;
                if (input.value.trim() === query && document.activeElement === input) {
                    render(query, data);
                }
            }).catch(function () {
                // Offline or aborted: the form still submits normally.
            });
        }

        input.addEventListener("input", function () {
            var query = input.value.trim();
            window.clearTimeout(timer);
            if (query.length < MIN_LENGTH) {
                lastQuery = "";
                close();
                status.textContent = "";
                return;
            }
            if (query === lastQuery) {
                return;
            }
            lastQuery = query;
            timer = window.setTimeout(function () {
                fetchSuggestions(query);
            }, DELAY);
        });

        input.addEventListener("keydown", function (event) {
            var expanded = !list.hidden;
            switch (event.key) {
            case "ArrowDown":
            case "Down":
                if (!options.length) {
                    return;
                }
                event.preventDefault();
                if (!expanded) {
                    open();
                }
                setActive(active + 1 < options.length ? active + 1 : 0);
                break;
            case "ArrowUp":
            case "Up":
                if (!options.length) {
                    return;
                }
                event.preventDefault();
                if (!expanded) {
                    open();
                }
                setActive(active > 0 ? active - 1 : options.length - 1);
                break;
            case "Enter":
                if (expanded && active >= 0) {
                    event.preventDefault();
                    follow(options[active]);
                }
                break;
            case "Escape":
            case "Esc":
                if (expanded) {
                    event.preventDefault();
                    close();
                }
                break;
            case "Tab":
                close();
                break;
            default:
                break;
            }
        });

        input.addEventListener("blur", function () {
            window.setTimeout(close, 150);
        });

        input.addEventListener("focus", function () {
            if (options.length && input.value.trim() === lastQuery) {
                open();
            }
        });
    }

    var forms = document.querySelectorAll("form[data-search-suggest]");
    Array.prototype.forEach.call(forms, enhance);
}());
