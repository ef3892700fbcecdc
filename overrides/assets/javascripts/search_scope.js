/* A council's pages search their own council's index (macros/build/search_scopes.py). Material asks
   for search/search_index.json as soon as its bundle loads, so this runs first, in the head.
   It relies on every page being loaded whole (navigation.instant stays off in mkdocs.yml). */
(function () {
  var meta = document.querySelector('meta[name="lo-search-index"]');
  if (!meta) return;
  var scoped = new URL(meta.content, document.baseURI).href;
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\/search\/search_index\.json$/.test(new URL(String(url), document.baseURI).pathname)) {
      args[1] = scoped;
    }
    return open.apply(this, args);
  };
})();
