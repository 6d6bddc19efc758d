/* The map of a search (templates/includes/map.html), drawn with the vendored Leaflet and
 * Leaflet.markercluster. No build step, no inline script: everything the map needs is in the
 * container's data-* attributes, so the site can adopt a strict Content-Security-Policy.
 *
 * data-map-url         map.json with the list's filters: {places: [...], unmapped: [...]}
 * data-outlines-url    the vendored GeoJSON of the Central Asian countries (always drawn)
 * data-tile-url        background tiles; empty = no tiles, no request leaves the site
 * data-label-*         the page's language for the few words the script writes
 *
 * When the map is drawn the container gets data-map-state="ready" ("failed" on error).
 */
(function () {
  "use strict";

  var CENTRAL_ASIA = [[35.1, 46.5], [55.5, 87.4]];
  var MAX_ZOOM = 12;
  // How close fitting the markers may zoom: without tiles, far enough out to keep some borders
  // in view (inside Kazakhstan's outline there is nothing else to see).
  var FIT_MAX_ZOOM = {tiles: 8, outlinesOnly: 5};

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (character) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[character];
    });
  }

  function getJson(url) {
    return fetch(url, {headers: {Accept: "application/json"}, credentials: "same-origin"}).then(
      function (response) {
        if (!response.ok) {
          throw new Error(url + ": HTTP " + response.status);
        }
        return response.json();
      }
    );
  }

  function markerSize(count) {
    return Math.round(28 + 6 * Math.log2(Math.max(count, 1)));
  }

  function placeIcon(place) {
    var size = markerSize(place.project_count);
    return L.divIcon({
      className: "map-marker",
      iconSize: [size, size],
      html:
        '<span aria-hidden="true" data-places="1">' + place.project_count + "</span>" +
        '<span class="visually-hidden">' + escapeHtml(place.name + ": " + place.count_label) +
        "</span>",
    });
  }

  function clusterIconFactory(labels) {
    return function (cluster) {
      var count = cluster.getChildCount();
      var size = markerSize(count) + 6;
      return L.divIcon({
        className: "map-cluster",
        iconSize: [size, size],
        html:
          '<span aria-hidden="true" data-places="' + count + '">' + count + "</span>" +
          '<span class="visually-hidden">' +
          escapeHtml(labels.cluster.replace("{count}", count)) + "</span>",
      });
    };
  }

  function popupContent(place, labels, linkTarget) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var title = document.createElement("a");
    title.className = "map-popup-place";
    title.href = place.url;
    title.textContent = place.name;
    var facts = document.createElement("p");
    facts.textContent = [place.area, place.count_label].filter(Boolean).join(" · ");
    var list = document.createElement("a");
    list.className = "map-popup-list";
    list.href = place.list_url;
    list.textContent = labels.showInList;
    [title, list].forEach(function (link) {
      if (linkTarget) {
        link.target = linkTarget;
        link.rel = "noopener";
      }
    });
    box.append(title, facts, list);
    return box;
  }

  function drawOutlines(map, container, withTiles) {
    return getJson(container.dataset.outlinesUrl).then(function (countries) {
      L.geoJSON(countries, {
        interactive: false,
        attribution: escapeHtml(container.dataset.outlinesAttribution || ""),
        style: {
          color: withTiles ? "#0b3d91" : "#5b6470",
          weight: 1.2,
          fillColor: "#ffffff",
          fillOpacity: withTiles ? 0 : 0.85,
        },
      }).addTo(map);
    });
  }

  function drawPlaces(map, container, data, labels, fitMaxZoom) {
    var linkTarget = container.dataset.linkTarget || "";
    var cluster = L.markerClusterGroup({
      animate: !window.matchMedia("(prefers-reduced-motion: reduce)").matches,
      maxClusterRadius: 36,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIconFactory(labels),
    });
    var markers = data.places.map(function (place) {
      var marker = L.marker([place.lat, place.lon], {
        icon: placeIcon(place),
        keyboard: true,
        title: place.name + ": " + place.count_label,
        riseOnHover: true,
      });
      marker.bindPopup(popupContent(place, labels, linkTarget));
      return marker;
    });
    if (markers.length) {
      map.fitBounds(L.latLngBounds(markers.map(function (m) { return m.getLatLng(); })), {
        padding: [24, 24],
        maxZoom: fitMaxZoom,
        animate: false,
      });
    }
    cluster.addLayers(markers);
    map.addLayer(cluster);
  }

  // A keyboard user who opens a popup lands in it, and goes back to the marker on closing it.
  function followKeyboardIntoPopups(map, container, labels) {
    var byKeyboard = false;
    var opener = null;
    container.addEventListener("keydown", function (event) {
      byKeyboard = true;
      var target = event.target;
      var onMarker = target.classList && target.classList.contains("leaflet-marker-icon");
      if (onMarker && (event.key === "Enter" || event.key === " ")) {
        opener = target;
      }
      if (onMarker && event.key === " ") {
        event.preventDefault(); // a role="button" answers the space bar too
        target.click();
      }
    });
    container.addEventListener("mousedown", function () {
      byKeyboard = false;
    });
    map.on("popupopen", function (event) {
      var element = event.popup.getElement();
      var close = element && element.querySelector(".leaflet-popup-close-button");
      if (close) {
        close.setAttribute("aria-label", labels.close);
        close.title = labels.close;
      }
      var first = element && element.querySelector(".map-popup a");
      if (byKeyboard && first) {
        first.focus();
      }
    });
    map.on("popupclose", function () {
      if (byKeyboard && opener && document.body.contains(opener)) {
        opener.focus();
      }
      opener = null;
    });
  }

  function showFailure(container, labels) {
    container.dataset.mapState = "failed";
    var status = container.parentNode.querySelector(".map-status");
    if (status) {
      status.textContent = labels.failed;
      status.hidden = false;
    }
    var table = container.parentNode.querySelector("details.map-table");
    if (table) {
      table.open = true;
    }
  }

  function init(container) {
    if (typeof L === "undefined" || !L.markerClusterGroup) {
      return; // the libraries did not load: the table stays the map
    }
    var labels = {
      zoomIn: container.dataset.labelZoomIn,
      zoomOut: container.dataset.labelZoomOut,
      close: container.dataset.labelClose,
      showInList: container.dataset.labelShowInList,
      cluster: container.dataset.labelCluster || "{count}",
      failed: container.dataset.labelFailed,
    };
    var tileUrl = container.dataset.tileUrl || "";
    container.hidden = false;
    container.dataset.mapState = "loading";

    var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var map = L.map(container, {
      zoomControl: false,
      fadeAnimation: !still,
      zoomAnimation: !still,
      markerZoomAnimation: !still,
      keyboard: true,
      maxZoom: MAX_ZOOM,
      minZoom: 2,
      scrollWheelZoom: false, // the page scrolls past the map; +/- and pinch still zoom
    });
    L.control.zoom({zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut}).addTo(map);
    map.fitBounds(CENTRAL_ASIA, {animate: false});
    if (tileUrl) {
      L.tileLayer(tileUrl, {
        attribution: container.dataset.tileAttribution || "",
        maxZoom: MAX_ZOOM,
      }).addTo(map);
    }
    followKeyboardIntoPopups(map, container, labels);

    var outlines = drawOutlines(map, container, Boolean(tileUrl)).catch(function (error) {
      console.warn("map outlines:", error); // the markers are useful on their own
    });
    var places = getJson(container.dataset.mapUrl).then(function (data) {
      var fitMaxZoom = tileUrl ? FIT_MAX_ZOOM.tiles : FIT_MAX_ZOOM.outlinesOnly;
      drawPlaces(map, container, data, labels, fitMaxZoom);
      var legend = container.parentNode.querySelector(".map-legend");
      if (legend) {
        legend.hidden = false;
      }
      var table = container.parentNode.querySelector("details.map-table");
      if (table) {
        table.open = false; // the map shows the places; the table stays one click away
      }
    });
    Promise.all([outlines, places]).then(
      function () {
        container.dataset.mapState = "ready";
      },
      function (error) {
        console.warn("map data:", error);
        showFailure(container, labels);
      }
    );
  }

  document.querySelectorAll("[data-project-map]").forEach(init);
})();
