"""The notebook layer: what the lesson notebooks call, and their widgets."""
