// The list's filter panel: a sidebar that stays open on wide screens; on a phone it folds
// under its "Filters (n)" summary, so that the results come first. Without JavaScript the
// panel is open everywhere (the HTML says so) and the page still works.
(function () {
  "use strict";
  var panel = document.querySelector("details.filter-panel");
  if (!panel) {
    return;
  }
  var wide = window.matchMedia("(min-width: 56rem)");
  function fit() {
    panel.open = wide.matches;
  }
  fit();
  wide.addEventListener("change", fit);
})();
