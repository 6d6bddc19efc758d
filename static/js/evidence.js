// Facts on a project page link to the words of the press release that state them
// (#ev-<id>, an anchor inside the source panel). Following such a link opens the panel
// and highlights every piece of those words; without this script the link still jumps.
(function () {
  "use strict";

  function show(id) {
    var anchor = document.getElementById(id);
    if (!anchor || !anchor.classList.contains("evidence-anchor")) return;
    var panel = anchor.closest("details");
    if (panel) panel.open = true;
    document.querySelectorAll("mark.evidence.current").forEach(function (mark) {
      mark.classList.remove("current");
    });
    document.querySelectorAll("mark.evidence").forEach(function (mark) {
      if (mark.dataset.evidence.split(" ").indexOf(id) !== -1) mark.classList.add("current");
    });
    var first = document.querySelector("mark.evidence.current") || anchor;
    first.scrollIntoView({ block: "center" });
  }

  function fromHash() {
    if (location.hash.indexOf("#ev-") === 0) show(location.hash.slice(1));
  }

  window.addEventListener("hashchange", fromHash);
  document.addEventListener("DOMContentLoaded", fromHash);
})();
