"""The published JSON Schema, generated from the typed models in model.py."""

import json

from .model import Authority

SCHEMA_FILE = "authorities/authority.schema.json"


def schema_text() -> str:
    schema = Authority.model_json_schema(mode="validation")
    # The published open data names this schema in a "$schema" field of its own.
    schema["properties"] = {"$schema": {"type": "string", "maxLength": 200,
                                        "description": "The JSON Schema this file follows."},
                            **schema["properties"]}
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "authority.schema.json", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
