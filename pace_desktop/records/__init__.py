"""The SDS PACE schema (version 1): records, their field rules, PACE IDs and the JSON Schema."""
