/* The base layer of every map of the portal: the countries of the world (Natural Earth, through
   the shipped world-atlas TopoJSON), drawn by Leaflet without any tile server. Used by the Atlas
   map and the Bourse map. AtlasBaseLayer.add(map, worldUrl, style) resolves to the GeoJSON layer;
   `style(feature)` may shade each country (feature.id is the ISO 3166-1 numeric code). */
(function () {
  "use strict";
  var cache = {};
  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) { return response.json(); });
    }
    return cache[url];
  }
  var plain = { color: "#929292", weight: 0.5, fillColor: "#f6f6f6", fillOpacity: 1 };
  window.AtlasBaseLayer = {
    load: load,
    add: function (map, worldUrl, style, options) {
      return load(worldUrl).then(function (world) {
        var layer = L.geoJSON(window.topojson.feature(world, world.objects.countries), {
          style: style || function () { return plain; },
          interactive: Boolean(options && options.interactive),
          onEachFeature: options && options.onEachFeature
        });
        layer.addTo(map);
        layer.bringToBack();
        return layer;
      });
    }
  };
})();
