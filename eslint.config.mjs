// ESLint for the site's own scripts: plain browser scripts (no modules, no build step) that
// must keep working in older browsers, so they stay ES5 with `var` inside an IIFE.
import js from "@eslint/js";
import globals from "globals";

export default [
    {
        ignores: ["node_modules/", ".venv/", "staticfiles/", "media/", "artifacts/"],
    },
    js.configs.recommended,
    {
        files: ["**/static/**/*.js"],
        languageOptions: {
            ecmaVersion: 5,
            sourceType: "script",
            globals: globals.browser,
        },
        rules: {
            eqeqeq: "error",
            "no-implicit-globals": "error",
            strict: ["error", "function"],
        },
    },
    {
        files: ["eslint.config.mjs"],
        languageOptions: { sourceType: "module" },
    },
];
