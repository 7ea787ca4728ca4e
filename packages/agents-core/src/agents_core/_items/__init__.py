"""Layer 2: items in the Responses shape, Responses stream events and run stream events."""
