"""Layer 1: the data of a realtime session (configuration, items, model events and inputs)."""
