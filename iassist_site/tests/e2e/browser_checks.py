"""Checks run inside the browser: axe-core, the keyboard's walk through a page, sideways scrolling."""

WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, axe_script):
    """Run axe-core on the page as it is now; return its WCAG 2.1 A and AA violations."""
    # Evaluated through the browser's debugging protocol rather than added as a <script>: the site's
    # Content Security Policy rightly refuses inline scripts, and the test must not weaken it.
    page.evaluate(axe_script)
    result = page.evaluate(
        """(tags) => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})""",
        WCAG_21_AA_TAGS,
    )
    return result["violations"]


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


# Marks every element a keyboard user should be able to reach, and returns their descriptions.
MARK_INTERACTIVE = """() => {
    const selector = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), '
        + 'select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
    const found = [];
    document.querySelectorAll(selector).forEach((element) => {
        if (!element.checkVisibility({visibilityProperty: true}) || element.closest('[inert]')) {
            return;
        }
        const rect = element.getBoundingClientRect();
        const isSkipLink = element.classList.contains('skip-link');
        if (!isSkipLink && (rect.width === 0 || rect.height === 0)) {
            return;
        }
        element.dataset.e2eFocus = String(found.length);
        found.push(describe(element));
    });
    return found;

    function describe(element) {
        const text = (element.innerText || element.value || element.getAttribute('aria-label') || '').trim();
        return `${element.tagName.toLowerCase()} "${text.slice(0, 60)}"`;
    }
}"""

# Describes the focused element and whether anything shows that it has the focus.
FOCUSED_ELEMENT = r"""() => {
    const element = document.activeElement;
    if (!element || element === document.body) {
        return null;
    }
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1
        && style.outlineColor !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(style.outlineColor);
    const shadow = style.boxShadow !== 'none';
    const text = (element.innerText || element.value || '').trim().slice(0, 60);
    return {
        mark: element.dataset.e2eFocus ?? null,
        description: `${element.tagName.toLowerCase()} "${text}"`,
        indicated: outline || shadow,
    };
}"""


def keyboard_walk(page):
    """Tab through the page once; return (marked elements, marks reached, elements without a focus indicator)."""
    marked = page.evaluate(MARK_INTERACTIVE)
    reached, unindicated = set(), []
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    for _ in range(len(marked) + 5):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_ELEMENT)
        if focused is None or focused["mark"] in reached:
            break
        if focused["mark"] is not None:
            reached.add(focused["mark"])
        if not focused["indicated"]:
            unindicated.append(focused["description"])
    return marked, reached, unindicated


def sideways_overflow(page):
    """How many CSS pixels the page is wider than the viewport."""
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
