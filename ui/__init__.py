"""The plugin's widgets: dock, map tools, chart. Thin: they build requests and show results."""
