"""Open data: the registry in the formats of its field (IATI 2.03 XML, 360Giving JSON) and
exports of any search. Each format maps the registry's records in one module."""
