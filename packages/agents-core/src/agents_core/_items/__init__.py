"""Layer 2: items in the Responses shape, Responses stream events, run stream events, and
history the API accepts."""
