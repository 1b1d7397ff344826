/* The Bourse map: markers of the filtered offers, read from the page's GeoJSON route, on the
   Atlas base layer (atlas/static/atlas/base-layer.js: Natural Earth countries, no tiles).
   Without JavaScript (or without tiles) the list below the map gives the same offers.

   Loaded only when the map comes near the viewport: Leaflet (its stylesheet and script), the
   base layer and the data are fetched then, not while the page loads (main-thread work a phone
   pays before the page answers, issue 15). The list, below, is there from the start. */
(function () {
  "use strict";
  var element = document.getElementById("bourse-map");
  if (!element || !window.fetch || !window.Promise) {
    return;
  }

  function loadStyle(url) {
    return new Promise(function (resolve, reject) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = url;
      link.onload = resolve;
      link.onerror = reject;
      document.head.appendChild(link);
    });
  }

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url;
      script.async = false; // fetched in parallel, run in the order given (Leaflet first)
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  var started = false;
  function start() {
    if (started) {
      return;
    }
    started = true;
    element.dataset.map = "loading";
    // Leaflet finds its marker images through its stylesheet: the map is drawn once both are in.
    var scripts = element.dataset.scripts.split(" ").map(loadScript);
    Promise.all([loadStyle(element.dataset.stylesheet)].concat(scripts))
      .then(draw)
      .catch(function () { element.dataset.markers = "error"; });
  }

  if ("IntersectionObserver" in window) {
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        start();
      }
    }, { rootMargin: "300px 0px" });
    observer.observe(element);
  } else {
    start();
  }

  function draw() {
    element.dataset.map = "drawn";
    // Leaflet's own labels are English: the zoom buttons' titles and aria-labels and the
    // attribution come from the page, in its language.
    var map = L.map(element, { scrollWheelZoom: false, zoomControl: false }).setView([15, 10], 2);
    L.control.zoom({ zoomInTitle: element.dataset.zoomInLabel, zoomOutTitle: element.dataset.zoomOutLabel }).addTo(map);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(element.dataset.baseAttribution || "Natural Earth");
    // The base layer shared with the Atlas map: the countries shipped with the site (no tiles).
    if (window.AtlasBaseLayer && element.dataset.worldUrl) {
      window.AtlasBaseLayer.add(map, element.dataset.worldUrl).then(function () { element.dataset.baseLayer = "drawn"; });
    }
    if (element.dataset.tileUrl) {
      L.tileLayer(element.dataset.tileUrl, { attribution: element.dataset.attribution, maxZoom: 18 }).addTo(map);
    }

    function popup(properties) {
      var box = document.createElement("div");
      var title = document.createElement("p");
      title.className = "fr-text--bold fr-mb-1v";
      title.textContent = properties.title;
      var where = document.createElement("p");
      where.className = "fr-text--sm fr-mb-1v";
      where.textContent = properties.authority + " — " + properties.country;
      var link = document.createElement("a");
      link.href = properties.url;
      link.textContent = element.dataset.moreLabel;
      box.append(title, where, link);
      return box;
    }

    fetch(element.dataset.geojsonUrl, { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var layer = L.geoJSON(data, {
          pointToLayer: function (feature, latlng) {
            return L.marker(latlng, { title: feature.properties.title, alt: feature.properties.title });
          },
          onEachFeature: function (feature, marker) { marker.bindPopup(popup(feature.properties)); }
        }).addTo(map);
        if (layer.getLayers().length) {
          map.fitBounds(layer.getBounds(), { maxZoom: 7, padding: [30, 30] });
        }
        element.dataset.markers = String(layer.getLayers().length);
      })
      .catch(function () { element.dataset.markers = "error"; });
  }
})();
