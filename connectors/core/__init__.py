"""The core nodes: triggers by hand, data shaping, branching, waiting and looping."""
