/* The map of a search (templates/includes/map.html), drawn with the vendored Leaflet and
 * Leaflet.markercluster. No build step, no inline script: everything the map needs is in the
 * container's data-* attributes, so the site can adopt a strict Content-Security-Policy.
 *
 * data-map-url         map.json with the list's filters: {places: [...], unmapped: [...]}
 * data-map-places      the same JSON, given in the page (a project's few places): no request
 * data-outlines-url    the vendored GeoJSON of the Central Asian countries (always drawn)
 * data-tile-url        background tiles; empty = no tiles, no request leaves the site
 * data-label-*         the page's language for the few words the script writes
 *
 * A place with an `outline` (a country the outlines include) is drawn as that outline, filled;
 * every other place is a marker. When the map is drawn the container gets
 * data-map-state="ready" ("failed" on error) and data-map-zoom, the zoom shown.
 */
(function () {
  "use strict";

  var CENTRAL_ASIA = [[35.1, 46.5], [55.5, 87.4]];
  var MAX_ZOOM = 12;
  // How close fitting the markers may zoom: without tiles, far enough out to keep some borders
  // in view (inside Kazakhstan's outline there is nothing else to see).
  var FIT_MAX_ZOOM = {tiles: 8, outlinesOnly: 5};
  // One place alone (or several at one spot): a zoom that suits its kind. Without tiles the
  // outlines are all there is to see, so no closer than keeps the nearest border in view.
  var PLACE_ZOOM = {
    tiles: {country: 5, region: 7, district: 9, rural_district: 10, city: 10, town: 11,
            settlement: 12, village: 12},
    outlinesOnly: {country: 5, region: 6, district: 7, rural_district: 7, city: 7, town: 7,
                   settlement: 7, village: 7},
  };
  var ONE_SPOT_METRES = 20000; // places this close together are shown as one place alone
  var AREA_STYLE = {color: "#0b3d91", weight: 2, fillColor: "#0b3d91", fillOpacity: 0.28};

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
      return countries;
    });
  }

  function loadPlaces(container) {
    if (container.dataset.mapPlaces) {
      return Promise.resolve(JSON.parse(container.dataset.mapPlaces));
    }
    return getJson(container.dataset.mapUrl);
  }

  function outlinesByCode(countries) {
    var byCode = {};
    ((countries && countries.features) || []).forEach(function (feature) {
      byCode[feature.properties.iso_a2] = feature;
    });
    return byCode;
  }

  // A country-wide place: its outline filled, with the same popup as a marker, reachable with
  // the keyboard like one.
  function areaLayer(place, feature, labels, linkTarget) {
    var area = L.geoJSON(feature, {className: "map-area", style: AREA_STYLE});
    var text = place.name + ": " + place.count_label;
    area.bindPopup(popupContent(place, labels, linkTarget));
    area.bindTooltip(escapeHtml(text), {sticky: true});
    area.on("add", function () {
      area.eachLayer(function (layer) {
        var path = layer.getElement();
        path.setAttribute("tabindex", "0");
        path.setAttribute("role", "button");
        path.setAttribute("aria-label", text);
        path.dataset.places = "1";
        path.dataset.place = place.slug;
        path.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            area.openPopup(area.getBounds().getCenter());
          }
        });
      });
    });
    return area;
  }

  function fitView(map, places, points, areas, withTiles) {
    var bounds = L.latLngBounds(points);
    areas.forEach(function (area) {
      bounds.extend(area.getBounds());
    });
    if (!bounds.isValid()) {
      return;
    }
    var oneSpot = !areas.length &&
      bounds.getNorthEast().distanceTo(bounds.getSouthWest()) < ONE_SPOT_METRES;
    var zooms = withTiles ? PLACE_ZOOM.tiles : PLACE_ZOOM.outlinesOnly;
    if (oneSpot) {
      var closest = Math.max.apply(null, places.map(function (place) {
        return zooms[place.kind] || zooms.city;
      }));
      map.setView(bounds.getCenter(), closest, {animate: false});
    } else {
      map.fitBounds(bounds, {
        padding: [24, 24],
        maxZoom: withTiles ? FIT_MAX_ZOOM.tiles : FIT_MAX_ZOOM.outlinesOnly,
        animate: false,
      });
    }
  }

  function drawPlaces(map, container, data, labels, countries, withTiles) {
    var linkTarget = container.dataset.linkTarget || "";
    var outlines = outlinesByCode(countries);
    var cluster = L.markerClusterGroup({
      animate: !window.matchMedia("(prefers-reduced-motion: reduce)").matches,
      maxClusterRadius: 36,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIconFactory(labels),
    });
    var areas = [];
    var pointPlaces = data.places.filter(function (place) {
      var feature = place.outline && outlines[place.outline];
      if (feature) {
        areas.push(areaLayer(place, feature, labels, linkTarget));
      }
      return !feature; // an area without an outline to fill stays a marker
    });
    var markers = pointPlaces.map(function (place) {
      var marker = L.marker([place.lat, place.lon], {
        icon: placeIcon(place),
        keyboard: true,
        title: place.name + ": " + place.count_label,
        riseOnHover: true,
      });
      marker.bindPopup(popupContent(place, labels, linkTarget));
      return marker;
    });
    var points = markers.map(function (marker) { return marker.getLatLng(); });
    fitView(map, pointPlaces, points, areas, withTiles);
    areas.forEach(function (area) {
      area.addTo(map);
    });
    cluster.addLayers(markers);
    map.addLayer(cluster);
  }

  // A keyboard user who opens a popup lands in it, and goes back to the marker on closing it.
  function followKeyboardIntoPopups(map, container, labels) {
    var byKeyboard = false;
    var opener = null;
    // (Capturing: an outline opens its popup in its own listener, which runs after this one.)
    container.addEventListener("keydown", function (event) {
      byKeyboard = true;
      var target = event.target;
      var onMarker = target.classList && (target.classList.contains("leaflet-marker-icon") ||
        target.classList.contains("map-area"));
      if (onMarker && (event.key === "Enter" || event.key === " ")) {
        opener = target;
      }
      if (onMarker && event.key === " " && target.click) {
        event.preventDefault(); // a role="button" answers the space bar too
        target.click();
      }
    }, true);
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
      return null; // every place a marker, countries too
    });
    var places = Promise.all([outlines, loadPlaces(container)]).then(function (loaded) {
      drawPlaces(map, container, loaded[1], labels, loaded[0], Boolean(tileUrl));
      var legend = container.parentNode.querySelector(".map-legend");
      if (legend) {
        legend.hidden = false;
      }
      var table = container.parentNode.querySelector("details.map-table");
      if (table) {
        table.open = false; // the map shows the places; the table stays one click away
      }
    });
    map.on("zoomend", function () {
      container.dataset.mapZoom = map.getZoom();
    });
    places.then(
      function () {
        container.dataset.mapZoom = map.getZoom();
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
