(function () {
  "use strict";
  // Client-side filters: counts are looked up in data-counts (keyed "source|segment"),
  // quotes are matched on data-source and data-segments. No customer text is read here.
  var form = document.getElementById("filters");
  if (!form) { return; }
  var source = document.getElementById("f-source");
  var segment = document.getElementById("f-segment");
  var status = document.getElementById("f-status");
  var reset = document.getElementById("f-reset");
  form.hidden = false;
  function counts(el) {
    try { return JSON.parse(el.getAttribute("data-counts") || "{}"); } catch (e) { return {}; }
  }
  function apply() {
    var s = source.value, g = segment.value, key = s + "|" + g;
    var themes = 0, shownThemes = 0, quotes = 0, shownQuotes = 0;
    document.querySelectorAll("[data-counts]").forEach(function (el) {
      var n = counts(el)[key] || 0;
      el.querySelectorAll(".fcount").forEach(function (c) { c.textContent = n.toLocaleString("en-US"); });
      if (el.classList.contains("filterable")) { el.hidden = n === 0; }
      if (el.tagName === "ARTICLE") { themes += 1; if (n > 0) { shownThemes += 1; } }
      el.classList.toggle("empty", n === 0);
    });
    document.querySelectorAll("[data-source]").forEach(function (q) {
      var segs = [];
      try { segs = JSON.parse(q.getAttribute("data-segments") || "[]"); } catch (e) { segs = []; }
      var ok = (s === "*" || q.getAttribute("data-source") === s) && (g === "*" || segs.indexOf(g) >= 0);
      q.hidden = !ok;
      quotes += 1;
      if (ok) { shownQuotes += 1; }
    });
    document.body.classList.toggle("is-filtered", key !== "*|*");
    status.textContent = key === "*|*" ? "Showing everything." :
      "Showing " + shownThemes + " of " + themes + " themes and " + shownQuotes + " of " + quotes +
      " quotes with statements from " + source.options[source.selectedIndex].text +
      ", " + segment.options[segment.selectedIndex].text + ".";
  }
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.quote").forEach(function (d) { d.open = true; });
  });
  source.addEventListener("change", apply);
  segment.addEventListener("change", apply);
  reset.addEventListener("click", function () { source.value = "*"; segment.value = "*"; apply(); });
  apply();
}());
