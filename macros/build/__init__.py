"""The MkDocs hooks that mkdocs.yml names, and what runs after pages are written: the build's
settings, adding each council's pages, open data, split search indexes, the page policy, and
publishing only a build that passed. Uses the pages and data rooms."""
