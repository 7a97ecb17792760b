// The inline language check (components/language_check.html): htmx posts the text as the writer
// types and swaps in the findings. This file is loaded, deferred, straight after htmx, so these
// settings apply before htmx starts on the page.
(function () {
  'use strict';
  if (!window.htmx) {
    return;
  }
  // htmx would add a <style> element for its loading indicators, which the Content Security
  // Policy forbids; nothing here evaluates code from the page either.
  window.htmx.config.includeIndicatorStyles = false;
  window.htmx.config.allowEval = false;
  window.htmx.config.allowScriptTags = false;
})();
