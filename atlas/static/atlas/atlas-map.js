/* The Atlas world map: countries shaded by number of projects (choropleth) on the shipped
   Natural Earth layer, partner authorities as markers clustered by Leaflet.markercluster when
   zoomed in. Data: the page's compact JSON route ({"countries": {numeric code: count},
   "points": [[lat, lon, count, id, name], …]}). The table next to the map gives the same data. */
(function () {
  "use strict";
  var element = document.getElementById("atlas-map");
  if (!element || !window.L || !window.topojson || !window.fetch || !window.AtlasBaseLayer) {
    return;
  }
  var CLUSTER_ZOOM = 3;
  // Leaflet's own labels are English: the zoom buttons' titles and aria-labels and the
  // attribution come from the page, in its language.
  var map = L.map(element, { scrollWheelZoom: false, zoomControl: false, minZoom: 1, maxZoom: 10, worldCopyJump: true }).setView([20, 5], 2);
  L.control.zoom({ zoomInTitle: element.dataset.zoomInLabel, zoomOutTitle: element.dataset.zoomOutLabel }).addTo(map);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(element.dataset.attribution || "Natural Earth");
  var shades = ["#f6f6f6", "#dfe5ff", "#b1bcff", "#6a6af4", "#313178", "#000091"];
  function shade(count, highest) {
    if (!count) { return shades[0]; }
    var step = Math.ceil(Math.log(count + 1) / Math.log(highest + 1) * (shades.length - 1));
    return shades[Math.max(1, Math.min(shades.length - 1, step))];
  }
  fetch(element.dataset.url, { headers: { Accept: "application/json" } })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      var counts = data.countries || {};
      var highest = 1;
      Object.keys(counts).forEach(function (code) { highest = Math.max(highest, counts[code]); });
      var base = AtlasBaseLayer.add(map, element.dataset.worldUrl, function (feature) {
        return { color: "#929292", weight: 0.5, fillColor: shade(counts[feature.id], highest), fillOpacity: 1 };
      });
      var clusters = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false });
      var prefix = element.dataset.partnerPrefix;
      var markers = (data.points || []).map(function (point) {
        var marker = L.circleMarker([point[0], point[1]], { radius: 5, color: "#ffffff", weight: 1, fillColor: "#e1000f", fillOpacity: 1 });
        marker.bindPopup(function () {
          var link = document.createElement("a");
          link.href = prefix + point[3] + "/";
          link.textContent = point[4] + " (" + point[2] + ")";
          return link;
        });
        return marker;
      });
      clusters.addLayers(markers);
      function toggle() {
        if (map.getZoom() >= CLUSTER_ZOOM) { map.addLayer(clusters); } else { map.removeLayer(clusters); }
      }
      map.on("zoomend", toggle);
      toggle();
      return base.then(function () {
        element.dataset.drawn = String(Object.keys(counts).length);
        element.dataset.markers = String(markers.length);
      });
    })
    .catch(function () { element.dataset.drawn = "error"; });
})();
