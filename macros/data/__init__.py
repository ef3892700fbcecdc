"""Reading and checking authority files: the YAML reader, the typed model (the one source of truth
for the data's shape, and of the published schema), the loader that words every mistake for an
editor, and the data one build publishes. Uses no other room."""
