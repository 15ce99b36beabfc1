"""The plugin's core: requests, scene stores, executors and the runner. No GUI imports here."""
