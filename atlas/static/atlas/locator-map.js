/* The locator map of a project page: world countries (Natural Earth) and French départements
   (IGN) drawn from shipped TopoJSON files, without any tile server. The partner countries and the
   départements of the French authorities are highlighted; partners with coordinates get a dot.
   The map is a picture (role="img"): the page's lists give the same places as text. */
(function () {
  "use strict";
  var element = document.getElementById("atlas-locator-map");
  var dataElement = document.getElementById("atlas-locator-data");
  if (!element || !dataElement || !window.L || !window.topojson || !window.fetch) {
    return;
  }
  var data = JSON.parse(dataElement.textContent);
  var map = L.map(element, {
    attributionControl: true,
    zoomControl: false,
    dragging: false,
    scrollWheelZoom: false,
    doubleClickZoom: false,
    boxZoom: false,
    keyboard: false,
    touchZoom: false
  }).setView([30, 0], 1);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(element.dataset.attribution || "Natural Earth, IGN");

  function load(url) {
    return fetch(url).then(function (response) { return response.json(); });
  }
  function style(highlighted) {
    return {
      color: highlighted ? "#000091" : "#929292",
      weight: highlighted ? 1.2 : 0.4,
      fillColor: highlighted ? "#6a6af4" : "#eeeeee",
      fillOpacity: highlighted ? 0.8 : 1
    };
  }

  var countries = {};
  (data.countries || []).forEach(function (code) { countries[code] = true; });
  var departements = {};
  (data.departements || []).forEach(function (code) { departements[code] = true; });

  Promise.all([load(element.dataset.worldUrl), load(element.dataset.departementsUrl)])
    .then(function (results) {
      var world = results[0];
      var france = results[1];
      var bounds = L.latLngBounds([]);
      L.geoJSON(topojson.feature(world, world.objects.countries), {
        style: function (feature) { return style(countries[feature.id]); },
        onEachFeature: function (feature, layer) {
          if (countries[feature.id]) { bounds.extend(layer.getBounds()); }
        },
        interactive: false
      }).addTo(map);
      L.geoJSON(topojson.feature(france, france.objects.departements), {
        style: function (feature) { return style(departements[feature.id]); },
        onEachFeature: function (feature, layer) {
          if (departements[feature.id]) { bounds.extend(layer.getBounds()); }
        },
        interactive: false
      }).addTo(map);
      (data.points || []).forEach(function (point) {
        var latlng = L.latLng(point.lat, point.lon);
        L.circleMarker(latlng, { radius: 5, color: "#ffffff", weight: 1.5, fillColor: "#e1000f", fillOpacity: 1, interactive: false }).addTo(map);
        bounds.extend(latlng);
      });
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [12, 12], maxZoom: 6 });
      }
      element.dataset.drawn = String(Object.keys(countries).length + Object.keys(departements).length);
    })
    .catch(function () { element.dataset.drawn = "error"; });
})();
