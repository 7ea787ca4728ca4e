"""Layer 8: the run loop (turn preparation and resolution, tool execution, the runner, results,
run state)."""
