/* Material for MkDocs 9.8.1's script after the content (templates/partials/javascripts/content.html,
   MIT licence, (c) Martin Donath), moved into a file so the page policy needs no inline script. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"));
