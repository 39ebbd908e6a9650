// Stylelint for the site's stylesheets: the standard config, with this code's own conventions.
export default {
    extends: ["stylelint-config-standard"],
    ignoreFiles: ["node_modules/**", ".venv/**", "staticfiles/**", "media/**", "artifacts/**"],
    rules: {
        "selector-class-pattern": [
            "^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$",
            { message: "Class names are BEM in kebab-case: block__element--modifier" },
        ],
        // Font names keep their usual capitals inside the --font-* tokens.
        "value-keyword-case": ["lower", { camelCaseSvgKeywords: true, ignoreProperties: ["/^--font-/"] }],
        // Safari still needs -webkit-mask (before 15.4) and -webkit-text-size-adjust (iOS).
        "property-no-vendor-prefix": [true, { ignoreProperties: ["mask", "mask-image", "text-size-adjust"] }],
        // clip beside clip-path keeps visually hidden text hidden in browsers without clip-path.
        "property-no-deprecated": [true, { ignoreProperties: ["clip"] }],
        // min-width/max-width queries work in browsers older than the range syntax (Safari 16.4).
        "media-feature-range-notation": "prefix",
        "alpha-value-notation": "number",
        // The colour tokens mirror the Python notice schemes digit for digit (conferences/blocks.py).
        "color-hex-length": null,
        // Design tokens are grouped by blank lines; comments sit on the declaration they explain.
        "custom-property-empty-line-before": null,
        "comment-empty-line-before": null,
        // Components are styled by class in the order of the page, not in order of specificity.
        "no-descending-specificity": null,
    },
};
